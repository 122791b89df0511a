/**
 * Candidate features for direct "change from the last value" models. Every feature at origin
 * row i depends on rows ≤ i only (causal), so one matrix over the whole table serves every
 * fold without leakage. Target-derived features: recent changes y_i − y_{i−k}, deviations from
 * recent means y_i − mean(y_{i−w+1..i}), the level y_i (mean reversion once centred) and
 * Fourier terms of the origin's seasonal phase (for a fixed h the seasonal change
 * S(i+h) − S(i) is a linear combination of them). Other columns: level x_i and change x_i − x_{i−1}.
 * Missing values are forward-filled then zero-filled (past values only). Cost O(n) per feature.
 */
import type { Freq } from '../../frame/freq.js';
import { seasonalPhase } from './calendar.js';
import { overflowScale } from './standardize.js';

export type FeatureDef =
  | { readonly kind: 'ydiff'; readonly lag: number }
  | { readonly kind: 'ydev'; readonly window: number }
  | { readonly kind: 'ylevel' }
  | { readonly kind: 'fourier'; readonly k: number; readonly fn: 'sin' | 'cos' }
  | { readonly kind: 'xlevel'; readonly column: string }
  | { readonly kind: 'xdiff'; readonly column: string; readonly lag: number };

/** The data features are computed from: target (filled), other columns (filled), calendar. */
export interface SeriesData {
  readonly y: Float64Array;
  readonly exog: ReadonlyMap<string, Float64Array>;
  readonly exogNames: readonly string[];
  readonly dates: Int32Array;
  readonly freq: Freq;
}

/** Forward-fill, then zero-fill the leading gap. O(n); returns a new array. */
export function fillForward(col: ArrayLike<number>): Float64Array {
  const out = new Float64Array(col.length);
  let last = NaN;
  for (let i = 0; i < col.length; i++) {
    if (!Number.isNaN(col[i])) last = col[i];
    out[i] = Number.isNaN(last) ? 0 : last;
  }
  return out;
}

/** Whether a feature is derived from the target (kept out of pre-screening). */
export function isTargetFeature(d: FeatureDef): boolean {
  return d.kind !== 'xlevel' && d.kind !== 'xdiff';
}

/** Display name of a feature, e.g. `paro.diff1`, `desempleo.dev4`, `fourier.sin1`. */
export function featureName(d: FeatureDef, target: string): string {
  switch (d.kind) {
    case 'ydiff':
      return `${target}.diff${d.lag}`;
    case 'ydev':
      return `${target}.dev${d.window}`;
    case 'ylevel':
      return target;
    case 'fourier':
      return `fourier.${d.fn}${d.k}`;
    case 'xlevel':
      return d.column;
    case 'xdiff':
      return `${d.column}.diff${d.lag}`;
  }
}

/**
 * The feature list for a table: target lags/deviations, Fourier terms when the history holds
 * a full season plus two horizons, and level + change of every other column.
 */
export function featureDefs(data: SeriesData, horizon: number, period: number): FeatureDef[] {
  const defs: FeatureDef[] = [{ kind: 'ylevel' }];
  for (const lag of [...new Set([1, 2, horizon])]) defs.push({ kind: 'ydiff', lag });
  for (const window of [4, 8, 13]) defs.push({ kind: 'ydev', window });
  if (data.y.length >= period + 2 * horizon) {
    for (const k of [1, 2]) for (const fn of ['sin', 'cos'] as const) defs.push({ kind: 'fourier', k, fn });
  }
  for (const column of data.exogNames) defs.push({ kind: 'xlevel', column }, { kind: 'xdiff', column, lag: 1 });
  return defs;
}

/** The feature's value at every row. O(n). */
export function computeFeature(d: FeatureDef, data: SeriesData): Float64Array {
  const y = data.y;
  const n = y.length;
  const out = new Float64Array(n);
  switch (d.kind) {
    case 'ylevel':
      out.set(y);
      break;
    case 'ydiff':
      for (let i = 0; i < n; i++) out[i] = y[i] - y[Math.max(0, i - d.lag)];
      break;
    case 'ydev': {
      // The window sum is kept scaled (by 1 unless the values are huge) so it cannot overflow.
      const k = overflowScale(y, 0, n - 1);
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += y[i] * k;
        if (i >= d.window) s -= y[i - d.window] * k;
        out[i] = y[i] - s / Math.min(i + 1, d.window) / k;
      }
      break;
    }
    case 'fourier':
      for (let i = 0; i < n; i++) {
        const a = 2 * Math.PI * d.k * seasonalPhase(data.dates[i], data.freq);
        out[i] = d.fn === 'sin' ? Math.sin(a) : Math.cos(a);
      }
      break;
    case 'xlevel':
    case 'xdiff': {
      const x = data.exog.get(d.column);
      if (!x) throw new Error(`feature column '${d.column}' missing`);
      if (d.kind === 'xlevel') out.set(x);
      else for (let i = 0; i < n; i++) out[i] = x[i] - x[Math.max(0, i - d.lag)];
      break;
    }
  }
  return out;
}
