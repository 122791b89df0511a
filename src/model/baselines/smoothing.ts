/**
 * Simple univariate forecasters (Hyndman & Athanasopoulos, FPP3 §5, §8; Makridakis et al.,
 * M3/M4 benchmarks), all fitted on rows ≤ t only and deterministic:
 *  - SES: ℓ_i = αy_i + (1−α)ℓ_{i−1}, ŷ_{t+h} = ℓ_t, α picked on a grid by the one-step SSE;
 *  - theta (Assimakopoulos & Nikolopoulos 2000, in Hyndman & Billah's 2003 form): SES plus half
 *    the slope b of the linear trend over y[0..t]: ŷ_{t+h} = ℓ_t + ½b·(h − 1 + 1/α − (1−α)^n/α);
 *  - window mean: ŷ_{t+h} = mean(y_{t−w+1..t}).
 * Seasonality (as in R's forecast::thetaf): when the lag-s autocorrelation of y[0..t] is
 * significant at 90 % and two full seasons are available, the series is adjusted by classical
 * additive seasonal indices (centred moving average), the method runs on the adjusted series
 * and the index of the target's phase is added back. O(G·t) per fit.
 */

const ALPHAS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** Rows averaged for SES' initial level. */
const INIT_ROWS = 5;

/** SES over y[0..t]: final level and one-step SSE. O(t). */
export function sesFilter(y: ArrayLike<number>, t: number, alpha: number): { level: number; sse: number } {
  const m = Math.min(INIT_ROWS, t + 1);
  let level = 0;
  for (let i = 0; i < m; i++) level += y[i];
  level /= m;
  let sse = 0;
  for (let i = 0; i <= t; i++) {
    const e = y[i] - level;
    sse += e * e;
    level += alpha * e;
  }
  return { level, sse };
}

/** α with the lowest one-step SSE on y[0..t] (the largest on ties). O(G·t). */
export function fitSesAlpha(y: ArrayLike<number>, t: number): number {
  let best = 1, bestSse = Infinity;
  for (let g = ALPHAS.length - 1; g >= 0; g--) {
    const { sse } = sesFilter(y, t, ALPHAS[g]);
    if (sse < bestSse * (1 - 1e-12)) {
      bestSse = sse;
      best = ALPHAS[g];
    }
  }
  return best;
}

/** OLS slope of y[0..t] on the row index. O(t). */
export function trendSlope(y: ArrayLike<number>, t: number): number {
  const n = t + 1;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  let my = 0;
  for (let i = 0; i <= t; i++) my += y[i];
  my /= n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i <= t; i++) {
    sxy += (i - mx) * (y[i] - my);
    sxx += (i - mx) ** 2;
  }
  return sxy / sxx;
}

/** Lag-k autocorrelation of y[0..t]. O(t). */
function acf(y: ArrayLike<number>, t: number, k: number, mean: number, c0: number): number {
  let s = 0;
  for (let i = k; i <= t; i++) s += (y[i] - mean) * (y[i - k] - mean);
  return c0 > 0 ? s / c0 : 0;
}

/**
 * thetaf's seasonality test on y[0..t]: |r_s| > 1.645·√((1 + 2Σ_{k<s} r_k²)/n), and at least
 * two full seasons. O(s·t).
 */
export function isSeasonal(y: ArrayLike<number>, t: number, period: number): boolean {
  const n = t + 1;
  if (period < 2 || n < 2 * period + 2) return false;
  let mean = 0;
  for (let i = 0; i <= t; i++) mean += y[i];
  mean /= n;
  let c0 = 0;
  for (let i = 0; i <= t; i++) c0 += (y[i] - mean) ** 2;
  let s2 = 0;
  for (let k = 1; k < period; k++) s2 += acf(y, t, k, mean, c0) ** 2;
  return Math.abs(acf(y, t, period, mean, c0)) > 1.645 * Math.sqrt((1 + 2 * s2) / n);
}

/**
 * Additive seasonal indices by phase i mod s from y[0..t]: mean of y − centred moving average
 * (2×s for even s), normalised to sum zero. O(s·t).
 */
export function seasonalIndices(y: ArrayLike<number>, t: number, period: number): Float64Array {
  const half = Math.floor(period / 2);
  const sum = new Float64Array(period), cnt = new Float64Array(period);
  for (let i = half; i + half <= t; i++) {
    let ma = 0;
    if (period % 2 === 0) {
      for (let k = -half; k <= half; k++) ma += (k === -half || k === half ? 0.5 : 1) * y[i + k];
    } else {
      for (let k = -half; k <= half; k++) ma += y[i + k];
    }
    ma /= period;
    sum[i % period] += y[i] - ma;
    cnt[i % period]++;
  }
  const idx = sum.map((s, p) => (cnt[p] > 0 ? s / cnt[p] : 0));
  const m = idx.reduce((a, b) => a + b, 0) / period;
  return idx.map((v) => v - m);
}

/** The seasonal adjustment a fit at row t uses: indices when the test passes, else none. */
export function adjustment(y: ArrayLike<number>, t: number, period: number): Float64Array | undefined {
  return isSeasonal(y, t, period) ? seasonalIndices(y, t, period) : undefined;
}

/** y[0..t] minus the seasonal indices (a copy; unchanged when `idx` is undefined). */
export function adjusted(y: ArrayLike<number>, t: number, idx: Float64Array | undefined): Float64Array {
  const out = Float64Array.from({ length: t + 1 }, (_, i) => y[i]);
  if (idx) for (let i = 0; i <= t; i++) out[i] -= idx[i % idx.length];
  return out;
}

/** Adds the seasonal index of each target row t+h back onto an adjusted forecast (in place). */
export function reseasonalise(f: Float64Array, t: number, idx: Float64Array | undefined): Float64Array {
  if (idx) for (let h = 1; h <= f.length; h++) f[h - 1] += idx[(t + h) % idx.length];
  return f;
}

export interface SesParams {
  readonly alpha: number;
  /** Seasonal period used for adjustment (0: none). */
  readonly period: number;
}

export interface ThetaParams extends SesParams {
  /** Linear-trend slope of the (adjusted) training series. */
  readonly slope: number;
}

/** Fits SES (with the seasonal test) on y[0..t]. O(G·t + s·t). */
export function fitSes(y: ArrayLike<number>, t: number, period: number): SesParams {
  const idx = adjustment(y, t, period);
  const a = adjusted(y, t, idx);
  return { alpha: fitSesAlpha(a, t), period: idx ? period : 0 };
}

export function fitTheta(y: ArrayLike<number>, t: number, period: number): ThetaParams {
  const idx = adjustment(y, t, period);
  const a = adjusted(y, t, idx);
  return { alpha: fitSesAlpha(a, t), period: idx ? period : 0, slope: trendSlope(a, t) };
}

function indicesFor(y: ArrayLike<number>, t: number, period: number): Float64Array | undefined {
  return period > 0 ? seasonalIndices(y, t, period) : undefined;
}

export function sesForecast(y: ArrayLike<number>, t: number, horizon: number, p: SesParams): Float64Array {
  const idx = indicesFor(y, t, p.period);
  const { level } = sesFilter(adjusted(y, t, idx), t, p.alpha);
  return reseasonalise(new Float64Array(horizon).fill(level), t, idx);
}

export function thetaForecast(y: ArrayLike<number>, t: number, horizon: number, p: ThetaParams): Float64Array {
  const idx = indicesFor(y, t, p.period);
  const { level } = sesFilter(adjusted(y, t, idx), t, p.alpha);
  const n = t + 1;
  const tail = (1 - (1 - p.alpha) ** n) / p.alpha;
  return reseasonalise(Float64Array.from({ length: horizon }, (_, h) => level + 0.5 * p.slope * (h + tail)), t, idx);
}

/** Mean of the last `window` values up to t (fewer when the history is shorter). O(w). */
export function windowMeanForecast(y: ArrayLike<number>, t: number, horizon: number, window: number): Float64Array {
  const from = Math.max(0, t - window + 1);
  let s = 0;
  for (let i = from; i <= t; i++) s += y[i];
  return new Float64Array(horizon).fill(s / (t - from + 1));
}
