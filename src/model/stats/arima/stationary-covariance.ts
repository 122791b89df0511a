/**
 * The initial state covariance Q₀ of a stationary ARMA(p, q) in Harvey's state-space form, the matrix
 * R's `getQ0` computes (Gardner, Harvey & Phillips 1980, "Algorithm AS 154", Applied Statistics 29(3))
 * as the solution of Q₀ = T Q₀ Tᵀ + R Rᵀ. We compute the same solution from the ARMA autocovariances
 * instead: with r = max(p, q + 1), φ_k = 0 for k > p and θ̃ = (1, θ₁…θ_q, 0…), the state is
 *   a_t[i] = Σ_{j=0}^{r−1−i} (φ_{i+j+1} x_{t−1−j} + θ̃_{i+j} e_{t−j}),
 * so Cov(a[i], a[l]) follows from γ(h) = Cov(x_t, x_{t−h}) and Cov(x_s, e_t) = ψ_{s−t} (σ² = 1).
 * γ(0…p) comes from the PACF of the AR part (step-down recursion, O(p²)), or, when the AR part is not
 * stationary, solves the (p+1)×(p+1) system γ(k) − Σφ_i γ(|k−i|) = Σ_{j≥k} θ̃_j ψ_{j−k} (Brockwell &
 * Davis 1991, §3.3), so the cost is O(p²) (O(p³) at worst) plus O(r²·s²) for the sums, s being the
 * number of non-zero coefficients (a handful for seasonal models), instead of AS 154's O(r⁶). Agrees
 * with `getQ0` to rounding (checked against R in the tests).
 */

/** A reusable workspace for {@link stationaryCovariance} for AR order ≤ p and state size ≤ r. */
export interface Q0Workspace {
  readonly psi: Float64Array;
  readonly gamma: Float64Array;
  readonly sys: Float64Array;
  readonly phiNz: Int32Array;
  readonly thNz: Int32Array;
  readonly phiD: Float64Array;
  readonly thD: Float64Array;
  /** Step-down scratch: AR coefficients of each order, the PACF, and γ of the pure AR part. */
  readonly ar: Float64Array;
  readonly arPrev: Float64Array;
  readonly pacf: Float64Array;
  readonly gy: Float64Array;
  /** Counts of non-zero φ and θ̃ found by the last call (in `phiNz`, `thNz`). */
  np: number;
  nt: number;
}

/** Allocates the buffers of {@link stationaryCovariance} for orders p (expanded AR) and r. */
export function q0Workspace(p: number, r: number): Q0Workspace {
  return {
    psi: new Float64Array(r + 1),
    gamma: new Float64Array(Math.max(r, p + 1) + 1),
    sys: new Float64Array((p + 1) * (p + 2)),
    phiNz: new Int32Array(r + 1),
    thNz: new Int32Array(r + 1),
    phiD: new Float64Array(r + 2),
    thD: new Float64Array(r + 2),
    ar: new Float64Array(p + 1),
    arPrev: new Float64Array(p + 1),
    pacf: new Float64Array(p + 1),
    gy: new Float64Array(Math.max(p, r) + r + 2),
    np: 0,
    nt: 0,
  };
}

/** Solves the augmented (n)×(n+1) row-major system in place by partial pivoting; false if singular. */
function solveAugmented(a: Float64Array, n: number, x: Float64Array): boolean {
  const w = n + 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(a[i * w + c]) > Math.abs(a[piv * w + c])) piv = i;
    if (a[piv * w + c] === 0 || !Number.isFinite(a[piv * w + c])) return false;
    if (piv !== c)
      for (let j = c; j <= n; j++) {
        const t = a[c * w + j];
        a[c * w + j] = a[piv * w + j];
        a[piv * w + j] = t;
      }
    for (let i = c + 1; i < n; i++) {
      const f = a[i * w + c] / a[c * w + c];
      if (f === 0) continue;
      for (let j = c; j <= n; j++) a[i * w + j] -= f * a[c * w + j];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = a[i * w + n];
    for (let j = i + 1; j < n; j++) s -= a[i * w + j] * x[j];
    x[i] = s / a[i * w + i];
  }
  return true;
}

/** Σ_{j=k}^{q} θ̃_j ψ_{j−k}: the right-hand side of the autocovariance equations at lag k. O(q). */
function maCross(k: number, q: number, thD: Float64Array, psi: Float64Array): number {
  let s = 0;
  for (let j = k; j <= q; j++) s += thD[j] * psi[j - k];
  return s;
}

/**
 * γ(0…p) of x = θ̃(B)y, y = e/φ(B) (σ² = 1), into `ws.gamma`: the PACF κ of y by the step-down
 * (backward Durbin–Levinson) recursion φ_{k−1,j} = (φ_{k,j} + κ_k φ_{k,k−j})/(1 − κ_k²), then
 * ρ_y(k) = Σ_{j<k} φ_{k−1,j} ρ_y(k−j) + κ_k Π_{i<k}(1 − κ_i²) forward, γ_y(0) = 1/Π(1 − κ_k²),
 * γ_y(h) = Σφ_i γ_y(h − i) beyond p, and γ(h) = Σ_{i,j} θ̃_i θ̃_j γ_y(|h + j − i|) (Brockwell & Davis
 * 1991, §§3.3, 5.2; Monahan 1984, Biometrika 71(2)). O(p² + p·s²) instead of the O(p³) system.
 * False when some |κ_k| ≥ 1 (y not stationary), and then nothing is written.
 */
function autocovByStepDown(p: number, q: number, ws: Q0Workspace): boolean {
  const { phiD, thD, thNz, nt, phiNz, np, ar, arPrev, pacf, gy, gamma } = ws;
  for (let j = 1; j <= p; j++) ar[j] = phiD[j];
  for (let k = p; k >= 1; k--) {
    const kk = ar[k];
    if (!(Math.abs(kk) < 1)) return false;
    pacf[k] = kk;
    const inv = 1 / (1 - kk * kk);
    for (let j = 1; j < k; j++) arPrev[j] = (ar[j] + kk * ar[k - j]) * inv;
    for (let j = 1; j < k; j++) ar[j] = arPrev[j];
  }
  gy[0] = 1;
  let v = 1;
  for (let k = 1; k <= p; k++) {
    const kk = pacf[k];
    let s = 0;
    for (let j = 1; j < k; j++) s += ar[j] * gy[k - j];
    gy[k] = s + kk * v;
    for (let j = 1; j < k; j++) arPrev[j] = ar[j] - kk * ar[k - j];
    for (let j = 1; j < k; j++) ar[j] = arPrev[j];
    ar[k] = kk;
    v *= 1 - kk * kk;
  }
  const g0 = 1 / v,
    L = p + q;
  for (let h = 0; h <= p; h++) gy[h] *= g0;
  for (let h = p + 1; h <= L; h++) {
    let s = 0;
    for (let t = 0; t < np; t++) s += phiD[phiNz[t]] * gy[h - phiNz[t]];
    gy[h] = s;
  }
  for (let h = 0; h <= p; h++) {
    let s = 0;
    for (let a = 0; a < nt; a++) {
      const i = thNz[a],
        ti = thD[i];
      for (let b = 0; b < nt; b++) {
        const j = thNz[b],
          l = h + j - i;
        s += ti * thD[j] * gy[l < 0 ? -l : l];
      }
    }
    gamma[h] = s;
  }
  return true;
}

/**
 * Fills `ws.psi` with ψ₀…ψ_r, `ws.gamma` with γ(0…max(p, r − 1)) (σ² = 1) and the sparse lists of
 * φ and θ̃ (`ws.phiNz`, `ws.thNz`, counts `ws.np`, `ws.nt`); false when the autocovariance system is
 * singular (the AR part is not stationary enough). O(p³ + r·s), no allocation.
 */
function armaAutocovariances(phi: ArrayLike<number>, theta: ArrayLike<number>, ws: Q0Workspace): boolean {
  const p = phi.length,
    q = theta.length,
    r = Math.max(p, q + 1);
  const { psi, gamma, sys, phiNz, thNz, phiD, thD } = ws;
  phiD.fill(0);
  thD.fill(0);
  let np = 0,
    nt = 0;
  for (let k = 1; k <= p; k++) {
    phiD[k] = phi[k - 1];
    if (phiD[k] !== 0) phiNz[np++] = k;
  }
  thD[0] = 1;
  thNz[nt++] = 0;
  for (let k = 1; k <= q; k++) {
    thD[k] = theta[k - 1];
    if (thD[k] !== 0) thNz[nt++] = k;
  }
  ws.np = np;
  ws.nt = nt;
  // ψ weights of x = θ̃(B)/φ(B) e.
  for (let j = 0; j <= r; j++) {
    let s = j <= q ? thD[j] : 0;
    for (let t = 0; t < np && phiNz[t] <= j; t++) s += phiD[phiNz[t]] * psi[j - phiNz[t]];
    psi[j] = s;
  }
  // γ(0…p) through the pure AR part when it is stationary, else from the linear system; then the
  // recursion for γ(p+1…r).
  if (p > 0 && !autocovByStepDown(p, q, ws)) {
    const w = p + 2;
    sys.fill(0, 0, (p + 1) * w);
    for (let k = 0; k <= p; k++) {
      sys[k * w + k] += 1;
      for (let t = 0; t < np; t++) sys[k * w + Math.abs(k - phiNz[t])] -= phiD[phiNz[t]];
      sys[k * w + p + 1] = maCross(k, q, thD, psi);
    }
    if (!solveAugmented(sys, p + 1, gamma)) return false;
  }
  for (let k = p > 0 ? p + 1 : 0; k < r; k++) {
    let s = maCross(k, q, thD, psi);
    for (let t = 0; t < np; t++) s += phiD[phiNz[t]] * gamma[k - phiNz[t]];
    gamma[k] = s;
  }
  return true;
}

/**
 * The first column of Q₀, c_i = Cov(a[i], x_t) = Σ_{j≥0} φ_{i+j+1} γ(j+1) + θ̃_{i+j} ψ_j (c₀ = γ(0)),
 * all the Chandrasekhar recursions of `arma-innovations.ts` need. Writes r values into `out`;
 * false when the AR part is not stationary enough. O(p³ + r·s).
 */
export function stationaryFirstColumn(phi: ArrayLike<number>, theta: ArrayLike<number>, out: Float64Array, ws: Q0Workspace): boolean {
  const p = phi.length,
    q = theta.length,
    r = Math.max(p, q + 1);
  if (r === 1) {
    out[0] = p > 0 ? 1 / (1 - phi[0] * phi[0]) : 1;
    return true;
  }
  if (!armaAutocovariances(phi, theta, ws)) return false;
  const { psi, gamma, phiNz, thNz, phiD, thD, np, nt } = ws;
  out[0] = gamma[0];
  for (let i = 1; i < r; i++) {
    let s = 0;
    for (let t = np - 1; t >= 0 && phiNz[t] > i; t--) s += phiD[phiNz[t]] * gamma[phiNz[t] - i];
    for (let t = nt - 1; t >= 0 && thNz[t] >= i; t--) s += thD[thNz[t]] * psi[thNz[t] - i];
    out[i] = s;
  }
  return true;
}

/**
 * Writes Q₀ (row-major r×r) into `out` with row stride `stride` (so it can fill the top-left block of
 * a larger matrix). `phi` has length p, `theta` length q, r = max(p, q + 1). Returns false when the
 * AR part is not stationary enough for the autocovariance system to be solved.
 */
export function stationaryCovariance(phi: ArrayLike<number>, theta: ArrayLike<number>, out: Float64Array, stride: number, ws: Q0Workspace): boolean {
  const p = phi.length,
    q = theta.length,
    r = Math.max(p, q + 1);
  if (!armaAutocovariances(phi, theta, ws)) return false;
  const { psi, gamma, phiNz, thNz, phiD, thD, np, nt } = ws;
  for (let i = 0; i < r; i++) {
    for (let l = i; l < r; l++) {
      let s = 0;
      for (let ta = 0; ta < np; ta++) {
        const a = phiNz[ta];
        if (a < i + 1) continue;
        const j = a - i - 1,
          fa = phiD[a];
        for (let tb = 0; tb < np; tb++) {
          const b = phiNz[tb];
          if (b < l + 1) continue;
          s += fa * phiD[b] * gamma[Math.abs(j - (b - l - 1))];
        }
        for (let tc = 0; tc < nt; tc++) {
          const k = thNz[tc] - l;
          if (k - 1 - j >= 0) s += fa * thD[thNz[tc]] * psi[k - 1 - j];
        }
      }
      for (let ta = 0; ta < np; ta++) {
        const a = phiNz[ta];
        if (a < l + 1) continue;
        const j = a - l - 1,
          fa = phiD[a];
        for (let tc = 0; tc < nt; tc++) {
          const k = thNz[tc] - i;
          if (k - 1 - j >= 0) s += fa * thD[thNz[tc]] * psi[k - 1 - j];
        }
      }
      for (let tc = 0; tc < nt; tc++) {
        const c = thNz[tc];
        if (c >= i && c - i + l <= r) s += thD[c] * thD[c - i + l];
      }
      out[i * stride + l] = s;
      out[l * stride + i] = s;
    }
  }
  return true;
}
