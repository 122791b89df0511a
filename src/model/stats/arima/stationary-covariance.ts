/**
 * The initial state covariance Q₀ of a stationary ARMA(p, q) in Harvey's state-space form, the matrix
 * R's `getQ0` computes (Gardner, Harvey & Phillips 1980, "Algorithm AS 154", Applied Statistics 29(3))
 * as the solution of Q₀ = T Q₀ Tᵀ + R Rᵀ. We compute the same solution from the ARMA autocovariances
 * instead: with r = max(p, q + 1), φ_k = 0 for k > p and θ̃ = (1, θ₁…θ_q, 0…), the state is
 *   a_t[i] = Σ_{j=0}^{r−1−i} (φ_{i+j+1} x_{t−1−j} + θ̃_{i+j} e_{t−j}),
 * so Cov(a[i], a[l]) follows from γ(h) = Cov(x_t, x_{t−h}) and Cov(x_s, e_t) = ψ_{s−t} (σ² = 1).
 * γ(0…p) solves the (p+1)×(p+1) system γ(k) − Σφ_i γ(|k−i|) = Σ_{j≥k} θ̃_j ψ_{j−k} (Brockwell &
 * Davis 1991, §3.3), so the cost is O(p³) for the system plus O(r²·s²) for the sums, s being the number
 * of non-zero coefficients (a handful for seasonal models), instead of AS 154's O(r⁶). Agrees with
 * `getQ0` to rounding (checked against R in the tests).
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
  };
}

/** Solves the augmented (n)×(n+1) row-major system in place by partial pivoting; false if singular. */
function solveAugmented(a: Float64Array, n: number, x: Float64Array): boolean {
  const w = n + 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(a[i * w + c]) > Math.abs(a[piv * w + c])) piv = i;
    if (a[piv * w + c] === 0 || !Number.isFinite(a[piv * w + c])) return false;
    if (piv !== c) for (let j = c; j <= n; j++) { const t = a[c * w + j]; a[c * w + j] = a[piv * w + j]; a[piv * w + j] = t; }
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

/**
 * Writes Q₀ (row-major r×r) into `out` with row stride `stride` (so it can fill the top-left block of
 * a larger matrix). `phi` has length p, `theta` length q, r = max(p, q + 1). Returns false when the
 * AR part is not stationary enough for the autocovariance system to be solved.
 */
export function stationaryCovariance(
  phi: ArrayLike<number>, theta: ArrayLike<number>, out: Float64Array, stride: number, ws: Q0Workspace,
): boolean {
  const p = phi.length, q = theta.length, r = Math.max(p, q + 1);
  const { psi, gamma, sys, phiNz, thNz, phiD, thD } = ws;
  phiD.fill(0);
  thD.fill(0);
  let np = 0, nt = 0;
  for (let k = 1; k <= p; k++) { phiD[k] = phi[k - 1]; if (phiD[k] !== 0) phiNz[np++] = k; }
  thD[0] = 1;
  thNz[nt++] = 0;
  for (let k = 1; k <= q; k++) { thD[k] = theta[k - 1]; if (thD[k] !== 0) thNz[nt++] = k; }
  // ψ weights of x = θ̃(B)/φ(B) e.
  for (let j = 0; j <= r; j++) {
    let s = j <= q ? thD[j] : 0;
    for (let t = 0; t < np && phiNz[t] <= j; t++) s += phiD[phiNz[t]] * psi[j - phiNz[t]];
    psi[j] = s;
  }
  // γ(0…p) from the linear system, then the recursion for γ(p+1…r).
  const rhs = (k: number) => {
    let s = 0;
    for (let j = k; j <= q; j++) s += thD[j] * psi[j - k];
    return s;
  };
  if (p > 0) {
    const w = p + 2;
    sys.fill(0, 0, (p + 1) * w);
    for (let k = 0; k <= p; k++) {
      sys[k * w + k] += 1;
      for (let t = 0; t < np; t++) sys[k * w + Math.abs(k - phiNz[t])] -= phiD[phiNz[t]];
      sys[k * w + p + 1] = rhs(k);
    }
    if (!solveAugmented(sys, p + 1, gamma)) return false;
  }
  for (let k = p > 0 ? p + 1 : 0; k < r; k++) {
    let s = rhs(k);
    for (let t = 0; t < np; t++) s += phiD[phiNz[t]] * gamma[k - phiNz[t]];
    gamma[k] = s;
  }
  for (let i = 0; i < r; i++) {
    for (let l = i; l < r; l++) {
      let s = 0;
      for (let ta = 0; ta < np; ta++) {
        const a = phiNz[ta];
        if (a < i + 1) continue;
        const j = a - i - 1, fa = phiD[a];
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
        const j = a - l - 1, fa = phiD[a];
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
