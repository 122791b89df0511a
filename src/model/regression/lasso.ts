/**
 * Elastic net by cyclic coordinate descent with covariance updates (Friedman, Hastie &
 * Tibshirani 2010, "Regularization Paths for GLMs via Coordinate Descent"):
 *   β(λ) = argmin (1/2n)‖y − Xβ‖² + λ(a‖β‖₁ + (1−a)/2‖β‖²), a ∈ (0,1], no intercept.
 * Given G = XᵀX/n and c = Xᵀy/n (shared by all responses of a fold) each coordinate update is
 * O(p): β_j ← S(c_j − Σ_{k≠j} G_jk β_k, λa) / (G_jj + λ(1−a)), S the soft-threshold.
 * The path runs from λ_max = max|c_j|/a down with warm starts; the sequential strong rule
 * (Tibshirani et al. 2012) restricts sweeps to likely-active coordinates, then a KKT check
 * over all coordinates re-admits any violator. The path stops early once `maxNonzero`
 * coefficients are active (the caller then reuses the last fit for smaller penalties).
 */

/** S(z, γ) = sign(z)·max(|z| − γ, 0). */
export function softThreshold(z: number, g: number): number {
  return z > g ? z - g : z < -g ? z + g : 0;
}

/** λ_max: the smallest penalty with β = 0. */
export function lambdaMax(c: ArrayLike<number>, a: number): number {
  let m = 0;
  for (let j = 0; j < c.length; j++) m = Math.max(m, Math.abs(c[j]));
  return m / Math.max(a, 1e-3);
}

/** Log-spaced path from `max` down to max·ratio, `count` values. */
export function lambdaPath(max: number, count: number, ratio: number): number[] {
  if (!(max > 0)) return [0];
  return Array.from({ length: count }, (_, k) => max * ratio ** (k / Math.max(1, count - 1)));
}

/**
 * Coefficients for each λ in `lambdas` (descending). O(sweeps·|active|·p) per penalty.
 * `g` is XᵀX/n (p×p), `c` is Xᵀy/n; sweeps stop when no coefficient moves the fit by more
 * than relTol·max|c_j|.
 */
export function enetPath(
  g: readonly Float64Array[],
  c: Float64Array,
  a: number,
  lambdas: readonly number[],
  relTol = 1e-5,
  maxSweeps = 200,
  maxNonzero = Infinity,
): Float64Array[] {
  const p = c.length;
  const beta = new Float64Array(p);
  const r = Float64Array.from(c); // r_j = c_j − Σ_k G_jk β_k
  const out: Float64Array[] = [];
  let prevLam = lambdaMax(c, a);
  const inSet = new Uint8Array(p);
  // Convergence is judged on the fitted values' scale: |Δβ_j|·√G_jj against relTol·max|c_j|.
  const tol = relTol * Math.max(1e-12, lambdaMax(c, 1));
  for (const lam of lambdas) {
    const l1 = lam * a;
    const l2 = lam * (1 - a);
    const strong = a * (2 * lam - prevLam);
    for (let j = 0; j < p; j++) inSet[j] = beta[j] !== 0 || Math.abs(r[j]) >= strong ? 1 : 0;
    for (;;) {
      for (let sweep = 0; sweep < maxSweeps; sweep++) {
        let maxDelta = 0;
        for (let j = 0; j < p; j++) {
          if (!inSet[j]) continue;
          const gj = g[j];
          const gjj = gj[j];
          if (!(gjj > 0)) continue;
          const nb = softThreshold(r[j] + gjj * beta[j], l1) / (gjj + l2);
          const d = nb - beta[j];
          if (d === 0) continue;
          beta[j] = nb;
          for (let k = 0; k < p; k++) r[k] -= d * gj[k];
          maxDelta = Math.max(maxDelta, Math.abs(d) * Math.sqrt(gjj));
        }
        if (maxDelta < tol) break;
      }
      let violated = false;
      for (let j = 0; j < p; j++) {
        if (!inSet[j] && Math.abs(r[j]) > l1 && g[j][j] > 0) {
          inSet[j] = 1;
          violated = true;
        }
      }
      if (!violated) break;
    }
    out.push(Float64Array.from(beta));
    prevLam = lam;
    // Like glmnet, stop once the model saturates: smaller penalties only chase noise (p > n).
    if (beta.reduce((k, b) => k + (b !== 0 ? 1 : 0), 0) >= maxNonzero) break;
  }
  return out;
}
