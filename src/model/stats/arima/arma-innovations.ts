/**
 * Kalman innovations of series through one stationary ARMA model. The covariance recursion does not
 * depend on the data and the innovations are linear in the data, so for a regression with ARMA
 * errors v(w − Wβ) = v(w) − Σβ_j v(W_j) (Harvey & Phillips 1979, "Maximum likelihood estimation of
 * regression models with autoregressive-moving average disturbances", Biometrika 66(1)): the gains
 * are computed once per ARMA vector ({@link armaGains}) and any number of series filtered with them
 * ({@link armaFilter}). The filter is `ARIMA_Like`'s with no differencing states (see
 * `kalman-likelihood.ts`), started from the stationary state (zero mean, covariance Q₀).
 */
import { stationaryFirstColumn, type Q0Workspace } from './stationary-covariance.js';

/** The gain sequence of one ARMA model over n steps (buffers reused between models). */
export interface ArmaGains {
  r: number;
  /** Rows c_t = P_t e₁ (r values each) for t ≤ tf; the row tf holds for every later t. */
  C: Float64Array;
  tf: number;
  /** 1/F_t for every t. */
  readonly invF: Float64Array;
  /** 1/F_t where the observation counts (F_t < 10⁴), else 0. */
  readonly w: Float64Array;
  sumlog: number;
  nu: number;
  /** The non-zero φ_i: indices and values. */
  nnz: number;
  nzIdx: Int32Array;
  nzVal: Float64Array;
  phi0: number;
  /** Chandrasekhar scratch W and the state of {@link armaFilter}. */
  W: Float64Array;
  A: Float64Array;
}

/** Allocates an {@link ArmaGains} for n steps (the state-sized buffers grow on demand). */
export function armaGainsBuffer(n: number): ArmaGains {
  return {
    r: 0,
    C: new Float64Array(0),
    tf: 0,
    invF: new Float64Array(n),
    w: new Float64Array(n),
    sumlog: 0,
    nu: 0,
    nnz: 0,
    nzIdx: new Int32Array(0),
    nzVal: new Float64Array(0),
    phi0: 0,
    W: new Float64Array(0),
    A: new Float64Array(0),
  };
}

/**
 * The gains of the Kalman filter of a stationary ARMA (expanded φ, θ; r = max(p, q + 1)) over n
 * steps, by the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974, IEEE TAC 19(4); for ARMA
 * models Pearlman 1980, Biometrika 67(1), and Mélard 1984, "Algorithm AS 197", Applied Statistics
 * 33(1)). As P₀ = Q₀ solves Q₀ = T Q₀ Tᵀ + R Rᵀ, the change of the predicted covariance
 * ΔP_t = P_{t+1} − P_t has rank one, ΔP_t = M_t W_t W_tᵀ, and with c_t = P_t e₁, F_t = c_t[0],
 * w_t = W_t[0]:
 *   c_{t+1} = c_t + (M_t w_t) W_t,   M_{t+1} = M_t + (M_t w_t)²/F_t,
 *   W_{t+1} = T (W_t − c_{t+1} w_t/F_{t+1}),   from W₀ = T c₀, M₀ = −1/F₀
 * (c₀ the first column of Q₀; ΔP_{t+1} = L(ΔP_t + ΔP_t e₁e₁ᵀΔP_t/F_t)Lᵀ with L = T − T c_{t+1}e₁ᵀ/F_{t+1},
 * Kailath, Sayed & Hassibi 2000, "Linear Estimation", ch. 11). The first entry of
 * W_t − c_{t+1} w_t/F_{t+1} is zero, so T only shifts it. This is the Riccati recursion of R's
 * `ARIMA_Like` (O(r²) per step) in O(r) per step, equal to rounding. Once |M_t|·|W_t|² < 10⁻²⁰·F_t
 * twice running the covariance no longer changes at double precision and the recursion stops (tf).
 * Returns false when Q₀ does not exist (the AR part is not stationary). No allocation once the
 * buffers have grown.
 */
// Left as laid out by hand (prettier-ignore): a hot kernel laid out as its recursion is written.
// prettier-ignore
export function armaGains(phi: Float64Array, theta: Float64Array, ws: Q0Workspace, g: ArmaGains): boolean {
  const p = phi.length, r = Math.max(p, theta.length + 1), n = g.invF.length;
  if (g.W.length < r) {
    g.W = new Float64Array(r); g.A = new Float64Array(r);
    g.nzIdx = new Int32Array(r); g.nzVal = new Float64Array(r);
  }
  g.r = r;
  const { W, nzIdx, nzVal, invF, w } = g;
  let nnz = 0;
  for (let i = 0; i < p; i++) if (phi[i] !== 0) { nzIdx[nnz] = i; nzVal[nnz++] = phi[i]; }
  g.nnz = nnz;
  g.phi0 = p > 0 ? phi[0] : 0;
  if (g.C.length < r) g.C = new Float64Array(Math.max(r, Math.min(r * n, r * 64)));
  let C = g.C;
  if (!stationaryFirstColumn(phi, theta, C, ws)) return false;
  // W₀ = T c₀ with (T x)_i = φ_i x₀ + x_{i+1}.
  for (let i = 0; i < r - 1; i++) W[i] = C[i + 1];
  W[r - 1] = 0;
  for (let j = 0; j < nnz; j++) W[nzIdx[j]] += nzVal[j] * C[0];
  // Σ log F_t is taken as log of products of up to 16 factors (F_t ≥ 1 in exact arithmetic and < 10⁴
  // when counted, so a product stays finite); a non-positive F makes the sum NaN, as the logs would.
  let F = C[0], M = -1 / F, sumlog = 0, prod = 1, inProd = 0, nu = 0, row = 0, t = 0, quiet = 0;
  for (; t < n; t++) {
    if (F < 1e4) {
      nu++;
      if (!(F > 0)) sumlog = NaN;
      prod *= F;
      if (++inProd === 16) { sumlog += Math.log(prod); prod = 1; inProd = 0; }
      w[t] = 1 / F;
    } else {
      w[t] = 0;
    }
    invF[t] = 1 / F;
    if (t === n - 1) break;
    // Covariance step t → t + 1, into the next row.
    const next = row + r;
    if (C.length < next + r) {
      const grown = new Float64Array(Math.min(r * n, Math.max(2 * C.length, next + r)));
      grown.set(C.subarray(0, next));
      g.C = C = grown;
    }
    // One fused pass: c_{t+1} = c_t + (M w₀) W, then W ← shift(W − c_{t+1} w₀/F_{t+1}); the first
    // entry of W − c_{t+1} w₀/F_{t+1} is zero, so T adds no φ term.
    const w0 = W[0], mw = M * w0;
    const Fnew = C[row] + mw * w0;
    C[next] = Fnew;
    const h = w0 / Fnew;
    let wss = w0 * w0;
    for (let i = 1; i < r; i++) {
      const wi = W[i];
      const ci = C[row + i] + mw * wi;
      C[next + i] = ci;
      W[i - 1] = wi - ci * h;
      wss += wi * wi;
    }
    W[r - 1] = 0;
    M += (mw * mw) / F;
    F = Fnew;
    row = next;
    // Frozen once two consecutive changes of P (|M|·|W|² bounds every entry) are below 10⁻²⁰ of F.
    if ((M < 0 ? -M : M) * wss < 1e-20 * F) {
      if (++quiet === 2) break;
    } else {
      quiet = 0;
    }
  }
  sumlog += Math.log(prod);
  // Steady state: F no longer changes.
  const logF = Math.log(F), counted = F < 1e4, wF = counted ? 1 / F : 0, iF = 1 / F;
  for (t++; t < n; t++) {
    if (counted) {
      nu++;
      sumlog += logF;
    }
    w[t] = wF;
    invF[t] = iF;
  }
  g.tf = row / r;
  g.sumlog = sumlog;
  g.nu = nu;
  return true;
}

/**
 * Filters y (no missing values) with the gains g: anew = T a, v_t = y_t − anew₀, a = anew + c_t v_t/F_t,
 * writing the innovations v. O(n·(r + s)), no allocation.
 */
export function armaFilter(y: Float64Array, g: ArmaGains, v: Float64Array): void {
  const { r, C, tf, invF, nnz, nzIdx, nzVal, phi0, A } = g;
  const n = invF.length,
    last = r - 1;
  A.fill(0);
  let row = 0;
  for (let t = 0; t < n; t++) {
    const a0 = A[0];
    const vt = y[t] - (phi0 * a0 + (r > 1 ? A[1] : 0));
    v[t] = vt;
    const gt = vt * invF[t];
    for (let i = 0; i < last; i++) A[i] = A[i + 1] + C[row + i] * gt;
    A[last] = C[row + last] * gt;
    for (let j = 0; j < nnz; j++) A[nzIdx[j]] += nzVal[j] * a0;
    if (t < tf) row += r;
  }
}
