/**
 * Kalman innovations of several series through one stationary ARMA model at once. The covariance
 * recursion (the O(r²) part) does not depend on the data, and the innovations are linear in the data,
 * so for a regression with ARMA errors v(w − Wβ) = v(w) − Σβ_j v(W_j): one pass over the differenced
 * series and regressors serves every β (Harvey & Phillips 1979, "Maximum likelihood estimation of
 * regression models with autoregressive-moving average disturbances", Biometrika 66(1)). The
 * recursion is `ARIMA_Like`'s with no differencing states (see `kalman-likelihood.ts`).
 */
import type { ArimaStateSpace } from './state-space.js';

/** Innovations and their variances for the series of one pass; `w[t] = 0` marks an excluded t. */
export interface ArmaInnovations {
  /** 1/F_t where the observation counts (F_t < 10⁴), else 0. */
  readonly w: Float64Array;
  /** Innovations v_t of each series (series-major). */
  readonly v: Float64Array[];
  sumlog: number;
  nu: number;
}

/** Allocates an {@link ArmaInnovations} for `k` series of length n. */
export function armaInnovationsBuffer(k: number, n: number): ArmaInnovations {
  return { w: new Float64Array(n), v: Array.from({ length: k }, () => new Float64Array(n)), sumlog: 0, nu: 0 };
}

const STEADY_TOL = 1e-13;

/** Doubles of scratch space {@link armaInnovations} needs for k series and state size r. */
export function armaInnovationsWorkSize(k: number, r: number): number {
  return k * r + 2 * (r + 1) * (r + 1) + 4 * (r + 1);
}

/**
 * Filters every series from the model's initial state (ss.Pn, zero mean; ss must have no differencing
 * states). The filtered covariance is kept as an upper triangle and updated in one fused pass,
 * P ← T P Tᵀ + R Rᵀ − M Mᵀ/F with M = (T P Tᵀ + R Rᵀ)e₁, so a step costs about 4r² flops until the
 * steady state (then the recursion is frozen, as in `kalman-likelihood.ts`), plus O(k·r) per series.
 * The series must have no missing values; `work` has {@link armaInnovationsWorkSize} doubles.
 */
export function armaInnovations(
  series: readonly Float64Array[], ss: ArimaStateSpace, work: Float64Array, out: ArmaInnovations,
): ArmaInnovations {
  const { phi, theta, r, Pn } = ss;
  const p = phi.length, q = theta.length, k = series.length, n = series[0].length;
  const r1 = r + 1, sz = r1 * r1;
  let o = 0;
  const A = work.subarray(o, (o += k * r));
  const U = work.subarray(o, (o += sz)); // filtered P, upper triangle, padded with a zero row/column
  const prev = work.subarray(o, (o += sz));
  const row0 = work.subarray(o, (o += r1));
  const M = work.subarray(o, (o += r1));
  const f = work.subarray(o, (o += r1)); // φ padded to r + 1
  const R = work.subarray(o, o + r1); // (1, θ) padded to r + 1
  A.fill(0);
  U.fill(0);
  f.fill(0);
  R.fill(0);
  for (let i = 0; i < p; i++) f[i] = phi[i];
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = theta[i];
  // t = 0: the prediction is the initial state.
  for (let i = 0; i < r; i++) M[i] = Pn[i];
  let gain = M[0];
  for (let i = 0; i < r; i++) for (let j = i; j < r; j++) U[i * r1 + j] = Pn[i + r * j] - (M[i] * M[j]) / gain;
  let sumlog = 0, nu = 0, frozen = false, candidate = false;
  for (let t = 0; t < n; t++) {
    if (t > 0 && !frozen) {
      const p00 = U[0];
      for (let j = 0; j < r1; j++) row0[j] = j === 0 ? p00 : U[j];
      // M = first column of T P Tᵀ + R Rᵀ.
      const f0 = f[0], r0 = R[0];
      let same = true;
      const oldGain = gain;
      for (let i = 0; i < r; i++) {
        const mi = R[i] * r0 + f[i] * f0 * p00 + f0 * row0[i + 1] + f[i] * row0[1] + U[r1 + i + 1];
        if (!(Math.abs(mi - M[i]) <= STEADY_TOL * Math.max(1, Math.abs(mi)))) same = false;
        M[i] = mi;
      }
      gain = M[0];
      // Steady state: M and F unchanged twice running, then the whole P unchanged by this step.
      let compare = false;
      if (same && Math.abs(gain - oldGain) <= STEADY_TOL * gain) {
        if (candidate) { prev.set(U); compare = true; }
        candidate = true;
      } else {
        candidate = false;
      }
      const ig = 1 / gain;
      for (let i = 0; i < r; i++) {
        const fi = f[i], ri = R[i], pi = row0[i + 1], mi = M[i] * ig;
        const base = i * r1, next = (i + 1) * r1 + 1;
        for (let j = i; j < r; j++) {
          U[base + j] = ri * R[j] + fi * f[j] * p00 + f[j] * pi + fi * row0[j + 1] + U[next + j] - mi * M[j];
        }
      }
      if (compare) {
        let all = true;
        for (let i = 0; i < sz && all; i++) if (!(Math.abs(U[i] - prev[i]) <= STEADY_TOL * Math.max(1, gain))) all = false;
        frozen = all;
      }
    }
    const counted = gain < 1e4;
    if (counted) {
      nu++;
      sumlog += Math.log(gain);
    }
    out.w[t] = counted ? 1 / gain : 0;
    // Per series: anew = T a, v = y − anew₀, a = anew + M v / F.
    for (let s = 0; s < k; s++) {
      const off = s * r;
      const a0 = A[off];
      const v = series[s][t] - (f[0] * a0 + (r > 1 ? A[off + 1] : 0));
      out.v[s][t] = v;
      const g = v / gain;
      for (let i = 0; i < r - 1; i++) A[off + i] = f[i] * a0 + A[off + i + 1] + M[i] * g;
      A[off + r - 1] = f[r - 1] * a0 + M[r - 1] * g;
    }
  }
  out.sumlog = sumlog;
  out.nu = nu;
  return out;
}
