/**
 * The statistical candidates: AutoETS, thetaf and STL + ETS. The form of ETS (and of the ETS
 * inside stlf) is chosen once, on all training rows, by AICc; the folds then re-run the chosen
 * form's recursions over the rows up to each cutoff instead of searching again (as Nixtla's
 * statsforecast does), which makes them cheap enough to score on every fold of every backtest
 * origin. thetaf has no search and is refitted at each cutoff. A fold where a model does not
 * apply (too little history for the decomposition) forecasts NaN, so the candidate is reported
 * on the folds it applies to but cannot win (as seasonal naive).
 */
import type { Candidate } from './candidate.js';
import type { SeriesData } from '../regression/features.js';
import { forecastDist, type ModelSpec } from '../spec.js';
import { autoEts } from '../stats/ets/auto-ets.js';
import { etsSpecOf } from '../stats/ets/ets-spec.js';
import { fitStlf, stlfApplies } from '../stats/stlf.js';
import { refitSpec } from './refit-spec.js';
import { autoArima } from '../stats/arima/auto-arima.js';
import { fourierTerms } from '../stats/fourier.js';
import { leastSquares } from '../linalg/least-squares.js';
import { arimaSpecOf, recipeColumns, type ArimaRecipe } from '../stats/arima/arima-spec.js';
import { boxCox } from '../stats/box-cox.js';
import { guerreroLambda } from '../stats/guerrero.js';
import { isForecastError } from '../../errors.js';

/** Largest period a seasonal ETS is fitted with (R's ets refuses m > 24). */
const ETS_MAX_PERIOD = 24;

/**
 * Folds per parameter re-estimate: the folds are split into ANCHORS consecutive blocks, and each
 * block is forecast with the form's parameters re-estimated on the rows up to its first cutoff
 * (refit-spec.ts), then re-filtered up to each fold's own cutoff. Honest (no fold sees
 * parameters fitted on its validation rows) at the cost of ANCHORS fixed-form fits.
 */
const ANCHORS = 2;

/**
 * A candidate with a form fixed on all rows: forecast (mean and sd) at every cutoff where
 * `applies`, with parameters re-estimated at the anchors (the full-window fit where a re-estimate
 * is impossible, e.g. too little data for the form at the first cutoff); `fit` is the full-window spec.
 */
export function specCandidate(
  name: string,
  data: SeriesData,
  cutoffs: readonly number[],
  horizon: number,
  spec: ModelSpec,
  applies: (t: number) => boolean = () => true,
): Candidate {
  const none = () => new Float64Array(horizon).fill(NaN);
  const block = Math.max(1, Math.ceil(cutoffs.length / ANCHORS));
  const anchored = new Map<number, ModelSpec>();
  const specFor = (f: number): ModelSpec => {
    const a = f - (f % block);
    let s = anchored.get(a);
    if (!s) {
      s = (applies(cutoffs[a]) ? attempt(() => refitSpec(spec, data, cutoffs[a])) : undefined) ?? spec;
      anchored.set(a, s);
    }
    return s;
  };
  const dists = cutoffs.map((t, f) => (applies(t) ? forecastDist(specFor(f), data, t, horizon) : { mean: none(), sd: none() }));
  return { name, forecasts: dists.map((d) => d.mean), sds: dists.map((d) => d.sd), fit: () => spec };
}

/** AutoETS on all rows, seasonal when the period is at most 24 (otherwise stlf carries the season). */
export function etsCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  const m = period <= ETS_MAX_PERIOD ? Math.round(period) : 1;
  const fit = attempt(() => autoEts(data.y, m));
  return fit && specCandidate('ets', data, cutoffs, horizon, { kind: 'ets', ...etsSpecOf(fit) });
}

/** thetaf, refitted at every cutoff. */
export function thetaCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  return attempt(() => specCandidate('theta', data, cutoffs, horizon, { kind: 'theta', period: Math.round(period) }));
}

/** STL + ETS; undefined unless the training rows hold more than two periods. */
export function stlfCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  const p = Math.round(period);
  const last = data.y.length - 1;
  if (!stlfApplies(last, p)) return undefined;
  const spec = attempt(() => fitStlf(data.y, last, p));
  return spec && specCandidate('stlf', data, cutoffs, horizon, { kind: 'stlf', ...spec }, (t) => stlfApplies(t, p));
}

/** Largest Fourier order tried for a long period (weekly data's year). */
const MAX_FOURIER_K = 10;

/**
 * The Fourier order for a long period: K = 1 … MAX_FOURIER_K minimising the AICc of the
 * least-squares regression of Δy on an intercept and ΔF_K (the differences of the Fourier
 * columns), a cheap stand-in for the AICc of the full regression with ARIMA errors that FPP2 §9.5
 * compares (one ARIMA search per K would cost K searches). O(K·n·K²).
 */
export function fourierOrder(y: Float64Array, period: number): number {
  const n = y.length;
  const dy = Float64Array.from({ length: n - 1 }, (_, i) => y[i + 1] - y[i]);
  const ones = new Float64Array(n - 1).fill(1);
  let best = { K: 1, aicc: Infinity };
  for (let K = 1; K <= Math.min(MAX_FOURIER_K, Math.floor(period / 2)); K++) {
    const cols = fourierTerms(n, period, K).columns.map((c) => Float64Array.from({ length: n - 1 }, (_, i) => c[i + 1] - c[i]));
    const fit = leastSquares([ones, ...cols], dy);
    const m = fit.nobs,
      k = fit.rank + 1;
    const aicc = m * Math.log(fit.rss / m) + 2 * k + (2 * k * (k + 1)) / Math.max(1, m - k - 1);
    if (aicc < best.aicc) best = { K, aicc };
  }
  return best.K;
}

/**
 * The ARIMA for a period: seasonal ARIMA up to period 24; for longer periods with two years of
 * data, dynamic harmonic regression (Hyndman & Athanasopoulos, FPP2 §9.5): Fourier terms of the
 * (possibly non-integer) period with non-seasonal ARIMA errors; otherwise non-seasonal ARIMA.
 */
function arimaFit(y: Float64Array, exog: SeriesData['exog'], period: number): ModelSpec {
  const n = y.length;
  if (period > 1 && period <= ETS_MAX_PERIOD) return { kind: 'arima', ...arimaSpecOf(autoArima(y, { period }).fit, {}) };
  if (!(period > ETS_MAX_PERIOD && n >= 2 * period)) return { kind: 'arima', ...arimaSpecOf(autoArima(y, { seasonal: false }).fit, {}) };
  const recipe: ArimaRecipe = { fourier: { period, K: fourierOrder(y, period) } };
  return { kind: 'arima', ...arimaSpecOf(autoArima(y, { seasonal: false, xreg: recipeColumns(recipe, exog, n) }).fit, recipe) };
}

/**
 * Box–Cox λ for a positive series whose spread grows with its level: Guerrero's λ (guerrero.ts)
 * when the level of its yearly blocks varies by at least a factor LEVEL_SPAN (otherwise the
 * spread cannot be seen to follow the level, and Guerrero's criterion is flat in λ) and λ is
 * below 0.5 (the spread grows at least as the square root of the level); else none.
 */
function boxCoxLambda(y: Float64Array, period: number): number | undefined {
  const p = Math.round(period);
  if (!(p > 1) || y.length < 2 * p || !y.every((v) => v > 0)) return undefined;
  const means: number[] = [];
  for (let i = 0; i + p <= y.length; i += p) means.push(y.subarray(i, i + p).reduce((a, b) => a + b, 0) / p);
  if (Math.max(...means) < LEVEL_SPAN * Math.min(...means)) return undefined;
  const lambda = guerreroLambda(y, p, 0, 1);
  return lambda < 0.5 ? lambda : undefined;
}

/** How much the yearly level must vary before the spread is tested against it. */
const LEVEL_SPAN = 1.5;

/** AutoARIMA (or dynamic harmonic regression for long periods) on all rows, on the Box–Cox scale when the spread grows with the level. */
export function arimaCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  const lambda = boxCoxLambda(data.y, period);
  const y = lambda === undefined ? data.y : boxCox(data.y, lambda);
  const inner = attempt(() => arimaFit(y, data.exog, period));
  if (!inner) return undefined;
  const spec: ModelSpec = lambda === undefined ? inner : { kind: 'boxcox', lambda, inner };
  return specCandidate('arima', data, cutoffs, horizon, spec);
}

/** Other columns kept as lagged regressors at most (R's peer takes up to 10; fewer keep the search cheap and stable). */
const ARIMAX_COLUMNS = 3;

/**
 * The other columns whose change leads the target's change by `lag` rows most strongly
 * (|corr(Δy_i, Δx_{i−lag})| above 2/√n, at most ARIMAX_COLUMNS), over rows ≤ last. O(n·p).
 */
function leadingColumns(data: SeriesData, lag: number): string[] {
  const n = data.y.length;
  const dy = Float64Array.from({ length: n - lag - 1 }, (_, k) => data.y[k + lag + 1] - data.y[k + lag]);
  const corr = (x: Float64Array) => {
    const dx = Float64Array.from(dy, (_, k) => x[k + 1] - x[k]);
    let sx = 0,
      sy = 0,
      sxx = 0,
      syy = 0,
      sxy = 0;
    const m = dy.length;
    for (let k = 0; k < m; k++) {
      sx += dx[k];
      sy += dy[k];
      sxx += dx[k] * dx[k];
      syy += dy[k] * dy[k];
      sxy += dx[k] * dy[k];
    }
    const v = (sxx - (sx * sx) / m) * (syy - (sy * sy) / m);
    return v > 0 ? (sxy - (sx * sy) / m) / Math.sqrt(v) : 0;
  };
  return data.exogNames
    .map((name) => ({ name, r: Math.abs(corr(data.exog.get(name) as Float64Array)) }))
    .filter((c) => c.r > 2 / Math.sqrt(dy.length))
    .sort((a, b) => b.r - a.r || (a.name < b.name ? -1 : 1))
    .slice(0, ARIMAX_COLUMNS)
    .map((c) => c.name);
}

/**
 * Regression with ARIMA errors on other columns lagged by the horizon (so their values at the
 * forecast origin are known for every step): y_i = Σ β_j x_{j,i−H} + η_i, η ARIMA (seasonal up
 * to period 24), fitted from row H. Undefined without a leading column.
 */
export function arimaxCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  const columns = leadingColumns(data, horizon);
  if (columns.length === 0) return undefined;
  const recipe: ArimaRecipe = { lagged: { columns, lag: horizon } };
  const y = data.y.subarray(horizon);
  const seasonal = period > 1 && period <= ETS_MAX_PERIOD;
  const fit = attempt(() => autoArima(y, { period: seasonal ? period : 1, seasonal, xreg: recipeColumns(recipe, data.exog, y.length) }).fit);
  if (!fit) return undefined;
  return specCandidate('arimax', data, cutoffs, horizon, { kind: 'arima', ...arimaSpecOf(fit, recipe) }, (t) => t >= 2 * horizon);
}

/** The value of a fit, or undefined when the model does not apply to these data (an input.* error of the estimator). */
export function attempt<T>(fit: () => T): T | undefined {
  try {
    return fit();
  } catch (e) {
    if (isForecastError(e) && e.code.startsWith('input.')) return undefined;
    throw e;
  }
}

/** Largest |y| the statistical models see unscaled: their sums of squares overflow past ~1e154. */
const MAX_ABS = 2 ** 100;

/**
 * A statistical candidate built on y / 2^k when |y| reaches past MAX_ABS (values near ±1e308
 * would overflow every likelihood), its forecasts and sds scaled back and its spec wrapped in a
 * `scaled` spec; a power of two, so the scaling itself is exact. Ordinary data pass through. O(n).
 */
export function onSafeScale(data: SeriesData, build: (d: SeriesData) => Candidate | undefined): Candidate | undefined {
  let max = 0;
  for (const v of data.y) max = Math.max(max, Math.abs(v));
  if (!(max > MAX_ABS)) return build(data);
  const factor = 2 ** Math.ceil(Math.log2(max / MAX_ABS));
  const c = attempt(() => build({ ...data, y: data.y.map((v) => v / factor) }));
  if (!c) return undefined;
  const back = (xs: readonly Float64Array[]) => xs.map((x) => x.map((v) => v * factor));
  return { name: c.name, forecasts: back(c.forecasts), sds: c.sds && back(c.sds), fit: () => ({ kind: 'scaled', factor, inner: c.fit() }) };
}
