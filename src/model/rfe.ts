/**
 * Recursive feature elimination (Guyon et al. 2002) with a ridge estimator, done honestly:
 * each fold eliminates on its own training origins and forecasts its own validation window
 * at every subset size, so the score-vs-size curve is out of sample (as sklearn's RFECV).
 * A fraction of the features is dropped per step, so a run costs O(log p) ridge fits instead
 * of p: Σ_k min(n,p_k)³ with p_k shrinking geometrically.
 */
import { designForecast, subDesign, type Design } from './design.js';
import { ridgeFit } from './ridge.js';

/** Share of the remaining features eliminated per step. */
export const RFE_STEP = 0.2;

export interface RfeRun {
  /** Subset sizes visited, descending. */
  readonly sizes: readonly number[];
  /** Forecast at the design's origin for each size. */
  readonly forecasts: readonly Float64Array[];
  /** Design positions, most important first (the reverse of the elimination order). */
  readonly order: readonly number[];
}

/**
 * Eliminates down to one feature. Importance of feature j = Σ_h β_hj² of the ridge fit with
 * penalty `lambda` on the current subset (features are z-scored so coefficients compare).
 */
export function rfeRun(d: Design, lambda: number): RfeRun {
  let keep = d.idx.map((_, k) => k);
  const sizes: number[] = [];
  const forecasts: Float64Array[] = [];
  const eliminated: number[] = [];
  while (keep.length > 0) {
    const sub = subDesign(d, keep);
    const betas = ridgeFit(sub.cols, sub.ys, lambda);
    sizes.push(keep.length);
    forecasts.push(designForecast(sub, betas));
    const ranked = keep
      .map((k, j) => ({ k, w: betas.reduce((s, b) => s + b[j] * b[j], 0) }))
      .sort((a, b) => a.w - b.w || b.k - a.k);
    const drop = keep.length === 1 ? 1 : Math.max(1, Math.floor(RFE_STEP * keep.length));
    const gone = ranked.slice(0, drop).map((r) => r.k);
    eliminated.push(...gone);
    const goneSet = new Set(gone);
    keep = keep.filter((k) => !goneSet.has(k));
  }
  return { sizes, forecasts, order: eliminated.reverse() };
}

/** The top-m design positions of a run, in design order (ascending). */
export function topFeatures(run: RfeRun, m: number): number[] {
  return run.order.slice(0, m).sort((a, b) => a - b);
}
