/**
 * Serializable model specifications (ModelFile.params) and the one function that turns a
 * specification plus a table into forecasts, shared by cross-validation and `predict` so
 * that what was scored is exactly what is served.
 */
import { clip } from './prediction-bounds.js';
import { computeFeature, type FeatureDef, type SeriesData } from './regression/features.js';
import { naiveForecast } from './baselines/naive.js';
import { seasonalNaiveForecast } from './baselines/seasonal-naive.js';
import { windowMeanForecast } from './baselines/window-mean.js';
import { etsSpecForecast, type EtsSpec } from './stats/ets/ets-spec.js';
import { stlfForecast, type StlfSpec } from './stats/stlf.js';
import { fitTheta, thetaForecast } from './stats/theta.js';
import type { StatForecast } from './stats/stat-forecast.js';
import { backTransform, boxCox } from './stats/box-cox.js';
import { arimaSpecForecast, type ArimaModelSpec } from './stats/arima/arima-spec.js';

export type ModelSpec =
  | { readonly kind: 'naive' }
  | { readonly kind: 'snaive'; readonly period: number }
  | ({ readonly kind: 'ets' } & EtsSpec)
  | { readonly kind: 'theta'; readonly period: number }
  | ({ readonly kind: 'stlf' } & StlfSpec)
  | ({ readonly kind: 'arima' } & ArimaModelSpec)
  | { readonly kind: 'boxcox'; readonly lambda: number; readonly inner: ModelSpec }
  | { readonly kind: 'scaled'; readonly factor: number; readonly inner: ModelSpec }
  | { readonly kind: 'wmean'; readonly window: number }
  | LinearSpec
  | { readonly kind: 'combo'; readonly how: 'mean' | 'median'; readonly parts: readonly ModelSpec[] };

/**
 * ŷ_{t+h} = base + intercept_h + Σ_j coef_hj·(clip(f_j(t), lo_j, hi_j) − mean_j)/sd_j, base = y_t
 * ('last': change models, which fall back to naive as coefficients shrink) or 0 ('zero': level
 * models). lo/hi bound each feature to near its training range (prediction-bounds.ts);
 * a spec without them does not clip.
 */
export interface LinearSpec {
  readonly kind: 'linear';
  readonly base: 'last' | 'zero';
  readonly features: readonly FeatureDef[];
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  readonly lo?: readonly number[];
  readonly hi?: readonly number[];
  readonly coef: readonly (readonly number[])[];
  readonly intercept: readonly number[];
}

/** Forecasts t+1..t+H from rows ≤ t of `data`. O(n·p) for linear specs (feature columns). */
export function forecastSpec(spec: ModelSpec, data: SeriesData, t: number, horizon: number): Float64Array {
  return forecastDist(spec, data, t, horizon).mean;
}

const noSd = (horizon: number) => new Float64Array(horizon).fill(NaN);

/**
 * Forecast mean and the model's own standard deviation (NaN for the methods without a predictive
 * distribution: naive, the window mean, the regressions) for t+1..t+H from rows ≤ t. The
 * statistical models keep their fitted form and parameters and re-run their recursions over
 * rows ≤ t (thetaf, which is cheap, is refitted). A combination's sd is the mean of its parts'.
 */
export function forecastDist(spec: ModelSpec, data: SeriesData, t: number, horizon: number): StatForecast {
  switch (spec.kind) {
    case 'naive':
      return { mean: naiveForecast(data.y, t, horizon), sd: noSd(horizon) };
    case 'snaive':
      return { mean: seasonalNaiveForecast(data.y, t, horizon, spec.period), sd: noSd(horizon) };
    case 'ets':
      return etsSpecForecast(spec, data.y, t, horizon);
    case 'theta':
      return thetaForecast(fitTheta(data.y, spec.period, t + 1), horizon);
    case 'stlf':
      return stlfForecast(spec, data.y, t, horizon);
    case 'arima':
      return arimaSpecForecast(spec, data.y, data.exog, t, horizon);
    case 'boxcox':
      return backTransform(forecastDist(spec.inner, { ...data, y: boxCox(data.y, spec.lambda) }, t, horizon), spec.lambda);
    case 'scaled': {
      const fc = forecastDist(spec.inner, { ...data, y: data.y.map((v) => v / spec.factor) }, t, horizon);
      return { mean: fc.mean.map((v) => v * spec.factor), sd: fc.sd.map((v) => v * spec.factor) };
    }
    case 'wmean':
      return { mean: windowMeanForecast(data.y, t, horizon, spec.window), sd: noSd(horizon) };
    case 'linear': {
      const bound = (v: number, j: number) => clip(v, { lo: spec.lo?.[j] ?? -Infinity, hi: spec.hi?.[j] ?? Infinity });
      const z = spec.features.map((d, j) => (bound(computeFeature(d, data)[t], j) - spec.mean[j]) / spec.sd[j]);
      const base = spec.base === 'last' ? data.y[t] : 0;
      return {
        mean: Float64Array.from({ length: horizon }, (_, h) => base + spec.intercept[h] + z.reduce((s, v, j) => s + v * spec.coef[h][j], 0)),
        sd: noSd(horizon),
      };
    }
    case 'combo': {
      const parts = spec.parts.map((p) => forecastDist(p, data, t, horizon));
      return {
        mean: combine(
          parts.map((p) => p.mean),
          spec.how,
        ),
        sd: combine(
          parts.map((p) => p.sd),
          'mean',
        ),
      };
    }
  }
}

/** Element-wise mean or median of several forecast vectors. O(H·k log k). */
export function combine(fs: readonly Float64Array[], how: 'mean' | 'median'): Float64Array {
  const horizon = fs[0].length;
  return Float64Array.from({ length: horizon }, (_, h) => {
    const v = fs.map((f) => f[h]).sort((a, b) => a - b);
    if (how === 'mean') return v.reduce((s, x) => s + x, 0) / v.length;
    const m = v.length >> 1;
    return v.length % 2 === 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  });
}

/** Other columns a specification reads (sorted, unique). */
export function specInputs(spec: ModelSpec): string[] {
  const out = new Set<string>();
  const walk = (s: ModelSpec): void => {
    if (s.kind === 'linear') for (const d of s.features) if (d.kind === 'xlevel' || d.kind === 'xdiff') out.add(d.column);
    if (s.kind === 'arima') for (const c of s.lagged?.columns ?? []) out.add(c);
    if (s.kind === 'combo') s.parts.forEach(walk);
    if (s.kind === 'boxcox' || s.kind === 'scaled') walk(s.inner);
  };
  walk(spec);
  return [...out].sort();
}
