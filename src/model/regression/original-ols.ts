/**
 * The replaced pipeline's model (its scikit-learn OLS), kept as the candidate `original_ols`: y_{t+h} regressed on
 * the levels of all other columns at t (lag = horizon), with an intercept. Training rows with
 * any |z| ≥ 6 (target or feature) are dropped, near-zero-variance columns are dropped, the
 * remaining columns are standardised with training statistics and fitted by OLS.
 * O(n·p² + p³) through ml-regression-multivariate-linear.
 */
import type { RemovedFeature } from '../types.js';
import type { SeriesData } from './features.js';
import { olsFit } from './ols.js';
import type { LinearSpec } from '../spec.js';
import { applyScaling, fitScaling, nearZeroVariance, overflowScale } from './standardize.js';

const Z_MAX = 6;
/** Never drop rows below this many (the fit would be meaningless). */
const MIN_ROWS = 10;

export interface OriginalFit {
  readonly spec: LinearSpec;
  /** Row indices (origins) removed as outliers. */
  readonly removedRows: readonly number[];
  readonly removedFeatures: readonly RemovedFeature[];
}

/** Fits on origins 0..t−H (so every target is observed by the cutoff t). */
export function fitOriginalOls(data: SeriesData, t: number, horizon: number): OriginalFit {
  const to = t - horizon;
  const removedFeatures: RemovedFeature[] = [];
  const kept: string[] = [];
  for (const name of data.exogNames) {
    if (nearZeroVariance(data.exog.get(name) as Float64Array, 0, to)) removedFeatures.push({ feature: name, reason: 'near-zero variance' });
    else kept.push(name);
  }
  const series = [...kept.map((n) => data.exog.get(n) as Float64Array), data.y.subarray(horizon)];
  const scal = series.map((c) => fitScaling(c, 0, to));
  let rows: number[] = [];
  const removedRows: number[] = [];
  const outlier = new Uint8Array(to + 1);
  series.forEach((c, k) => {
    const { mean, sd } = scal[k];
    for (let i = 0; i <= to; i++) if (Math.abs((c[i] - mean) / sd) >= Z_MAX) outlier[i] = 1;
  });
  for (let i = 0; i <= to; i++) (outlier[i] ? removedRows : rows).push(i);
  if (rows.length < MIN_ROWS) {
    rows = Array.from({ length: to + 1 }, (_, i) => i);
    removedRows.length = 0;
  }
  const cols = kept.map((n) => data.exog.get(n) as Float64Array);
  const pick = (c: Float64Array): Float64Array => {
    const out = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = c[rows[r]];
    return out;
  };
  const subs = cols.map(pick);
  const stats = subs.map((c) => fitScaling(c, 0, c.length - 1));
  const z = subs.map((c, j) => applyScaling(c, 0, c.length - 1, stats[j]));
  // Fitted on y·k (k < 1 only for huge targets, design.ts yScale) and scaled back: OLS is linear in y.
  const k = overflowScale(data.y, 0, data.y.length - 1);
  const ys = Array.from({ length: horizon }, (_, h) => Float64Array.from(rows, (i) => data.y[i + h + 1] * k));
  const fit = olsFit(z, ys, true);
  return {
    spec: {
      kind: 'linear',
      base: 'zero',
      features: kept.map((column) => ({ kind: 'xlevel', column })),
      mean: stats.map((s) => s.mean),
      sd: stats.map((s) => s.sd),
      coef: fit.coef.map((b) => Array.from(b, (v) => v / k)),
      intercept: Array.from(fit.intercept, (v) => v / k),
    },
    removedRows,
    removedFeatures,
  };
}
