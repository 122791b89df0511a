/**
 * Serializable model specifications (ModelFile.params) and the one function that turns a
 * specification plus a table into forecasts, shared by cross-validation and `predict` so
 * that what was scored is exactly what is served.
 */
import { clip } from './regression/design.js';
import { etsForecast } from './baselines/damped-ets.js';
import { computeFeature, type FeatureDef, type SeriesData } from './regression/features.js';
import { naiveForecast } from './baselines/naive.js';
import { seasonalNaiveForecast } from './baselines/seasonal-naive.js';
import { adjusted, reseasonalise, seasonalIndices, sesForecast, thetaForecast, windowMeanForecast } from './baselines/smoothing.js';

export type ModelSpec =
  | { readonly kind: 'naive' }
  | { readonly kind: 'snaive'; readonly period: number }
  | { readonly kind: 'ets'; readonly alpha: number; readonly beta: number; readonly phi: number; readonly period?: number }
  | { readonly kind: 'ses'; readonly alpha: number; readonly period: number }
  | { readonly kind: 'theta'; readonly alpha: number; readonly period: number; readonly slope: number }
  | { readonly kind: 'wmean'; readonly window: number }
  | LinearSpec
  | { readonly kind: 'combo'; readonly how: 'mean' | 'median'; readonly parts: readonly ModelSpec[] };

/**
 * ŷ_{t+h} = base + intercept_h + Σ_j coef_hj·(clip(f_j(t), lo_j, hi_j) − mean_j)/sd_j, base = y_t
 * ('last': change models, which fall back to naive as coefficients shrink) or 0 ('zero': level
 * models). lo/hi bound each feature to near its training range (design.ts predictionBounds);
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
  switch (spec.kind) {
    case 'naive': return naiveForecast(data.y, t, horizon);
    case 'snaive': return seasonalNaiveForecast(data.y, t, horizon, spec.period);
    case 'ets': {
      const idx = spec.period ? seasonalIndices(data.y, t, spec.period) : undefined;
      return reseasonalise(etsForecast(adjusted(data.y, t, idx), t, horizon, spec), t, idx);
    }
    case 'ses': return sesForecast(data.y, t, horizon, spec);
    case 'theta': return thetaForecast(data.y, t, horizon, spec);
    case 'wmean': return windowMeanForecast(data.y, t, horizon, spec.window);
    case 'linear': {
      const bound = (v: number, j: number) => clip(v, { lo: spec.lo?.[j] ?? -Infinity, hi: spec.hi?.[j] ?? Infinity });
      const z = spec.features.map((d, j) => (bound(computeFeature(d, data)[t], j) - spec.mean[j]) / spec.sd[j]);
      const base = spec.base === 'last' ? data.y[t] : 0;
      return Float64Array.from({ length: horizon }, (_, h) => base + spec.intercept[h] + z.reduce((s, v, j) => s + v * spec.coef[h][j], 0));
    }
    case 'combo': return combine(spec.parts.map((p) => forecastSpec(p, data, t, horizon)), spec.how);
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
    if (s.kind === 'combo') s.parts.forEach(walk);
  };
  walk(spec);
  return [...out].sort();
}
