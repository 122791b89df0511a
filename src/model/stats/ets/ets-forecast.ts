/**
 * ETS forecasts with analytic prediction variances for the three linear-ish classes of
 * Hyndman et al. (2008), ch. 6, as R's `forecast.ets` (`class1`, `class2`, `class3` in
 * R/etsforecast.R).
 */
import type { StatForecast } from '../stat-forecast.js';
import { class3Moments } from './ets-class3-moments.js';
import type { EtsModel } from './ets-form.js';
import { etsPointForecast } from './ets-point-forecast.js';

/** Which analytic class a form belongs to (0: none, simulate). O(1). */
export function etsVarianceClass(model: EtsModel): 0 | 1 | 2 | 3 {
  const { error, trend, season } = model.form;
  if (trend === 'M') return 0;
  if (error === 'A') return season === 'M' ? 0 : 1;
  return season === 'M' ? 3 : 2;
}

/**
 * Class 1 (ETS(A,N/A/Ad,N/A)) moments: ŷ_h = H F^{h−1} x_T and
 * v_h = σ²(1 + Σ_{j=1}^{h−1} c_j²), c_j = H F^{j−1} G (Hyndman et al. 2008, eq. 6.1).
 * Also returns the c_j for class 2. F is applied as a sparse operator. O(H·m).
 */
function class1(model: EtsModel, horizon: number): { mean: Float64Array; variance: Float64Array; c: Float64Array } {
  const { form, m, alpha, beta, gamma, phi, sigma2, state } = model;
  const p = state.length;
  const trended = form.trend !== 'N';
  const seasonal = form.season !== 'N';
  const so = trended ? 2 : 1;
  const x = Float64Array.from(state);
  const g = new Float64Array(p);
  g[0] = alpha;
  if (trended) g[1] = beta;
  if (seasonal) g[so] = gamma;
  const dot = (v: Float64Array): number => v[0] + (trended ? phi * v[1] : 0) + (seasonal ? v[so + m - 1] : 0);
  const step = (v: Float64Array): void => {
    if (trended) {
      v[0] += phi * v[1];
      v[1] *= phi;
    }
    if (seasonal) {
      const lastS = v[so + m - 1];
      for (let k = so + m - 1; k > so; k--) v[k] = v[k - 1];
      v[so] = lastS;
    }
  };
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  const c = new Float64Array(horizon);
  let cum = 0;
  for (let h = 0; h < horizon; h++) {
    mean[h] = dot(x);
    variance[h] = sigma2 * (1 + cum);
    c[h] = dot(g);
    cum += c[h] * c[h];
    step(x);
    step(g);
  }
  return { mean, variance, c };
}

/**
 * Forecasts h = 1..H from the model's state with R's `forecast.ets` moments:
 * class 1 (additive error, no multiplicative component) eq. 6.1; class 2 (multiplicative error,
 * otherwise linear) v_h = (1 + σ²)θ_h − ŷ_h², θ_h = ŷ_h² + σ²Σ_{j=1}^{h−1} c_j²θ_{h−j};
 * class 3 (multiplicative error and season) via {@link class3Moments}, whose mean includes the
 * σ² correction, as R reports it. Returns the mean and sd = √v_h; for the other forms
 * (multiplicative trend, additive error with multiplicative season) the point forecasts and
 * sd = NaN: use etsSimulate for their intervals.
 * Complexity: O(H·m) for classes 1–2, O(H²) for θ, O(H·m²) for class 3.
 */
export function etsForecast(model: EtsModel, horizon: number): StatForecast {
  const cls = etsVarianceClass(model);
  if (cls === 0) return { mean: etsPointForecast(model, horizon), sd: new Float64Array(horizon).fill(NaN) };
  if (cls === 3) {
    const c3 = class3Moments(model, horizon);
    return { mean: c3.mean, sd: c3.variance.map(Math.sqrt) };
  }
  const c1 = class1(model, horizon);
  if (cls === 1) return { mean: c1.mean, sd: c1.variance.map(Math.sqrt) };
  const { mean, c } = c1;
  const s2 = model.sigma2;
  const theta = new Float64Array(horizon);
  const sd = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let s = 0;
    for (let j = 1; j <= h; j++) s += c[j - 1] * c[j - 1] * theta[h - j];
    theta[h] = mean[h] * mean[h] + s2 * s;
    sd[h] = Math.sqrt((1 + s2) * theta[h] - mean[h] * mean[h]);
  }
  return { mean, sd };
}
