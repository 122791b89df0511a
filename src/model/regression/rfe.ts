/**
 * Recursive feature elimination (Guyon et al. 2002) with a ridge estimator, done honestly:
 * each fold eliminates on its own training origins and forecasts its own validation window
 * at every subset size, so the score-vs-size curve is out of sample (as sklearn's RFECV).
 * A fraction of the features is dropped per step, so a run costs O(log p) ridge fits instead
 * of p: Σ_k min(n,p_k)³ with p_k shrinking geometrically.
 */
import { choleskySolve } from '../linalg/cholesky.js';
import { designForecast, designGram, subDesign, type Design } from './design.js';
import { kernel, xty } from './gram.js';

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
 * Every fit reuses the design's cross-products instead of recomputing them: with at most as many
 * features as rows, (X_SᵀX_S + λI)β = X_Sᵀy is read off XᵀX and Xᵀy (O(|S|³)); with more, the
 * kernel X_SX_Sᵀ is XXᵀ minus the dropped columns' outer products (O(n²) per dropped column).
 */
export function rfeRun(d: Design, lambda: number): RfeRun {
  const n = d.ys[0].length;
  const lam = Math.max(lambda, 1e-10);
  const g = designGram(d);
  const xy = d.ys.map((y) => xty(d.cols, y));
  let kern: Float64Array[] | undefined; // XXᵀ of the kept columns, while they outnumber the rows
  let keep = d.idx.map((_, j) => j);
  const sizes: number[] = [];
  const forecasts: Float64Array[] = [];
  const eliminated: number[] = [];
  while (keep.length > 0) {
    let betas: Float64Array[];
    if (keep.length <= n) {
      betas = choleskySolve(
        ridged(g, keep, lam),
        xy.map((v) => pick(v, keep)),
      );
    } else {
      kern ??= kernel(d.cols, n);
      const cols = keep.map((j) => d.cols[j]);
      betas = choleskySolve(ridged(kern, undefined, lam), d.ys).map((alpha) => xty(cols, alpha));
    }
    sizes.push(keep.length);
    forecasts.push(designForecast(subDesign(d, keep), betas));
    const ranked = keep.map((k, j) => ({ k, w: betas.reduce((s, b) => s + b[j] * b[j], 0) })).sort((a, b) => a.w - b.w || b.k - a.k);
    const drop = keep.length === 1 ? 1 : Math.max(1, Math.floor(RFE_STEP * keep.length));
    const gone = ranked.slice(0, drop).map((r) => r.k);
    eliminated.push(...gone);
    const goneSet = new Set(gone);
    keep = keep.filter((k) => !goneSet.has(k));
    if (kern && keep.length > n) for (const j of gone) downdate(kern, d.cols[j]);
  }
  return { sizes, forecasts, order: eliminated.reverse() };
}

/** The submatrix of `m` on rows and columns `at` (all when undefined), plus λ on the diagonal. */
function ridged(m: readonly Float64Array[], at: readonly number[] | undefined, lam: number): Float64Array[] {
  const q = at ? at.length : m.length;
  const out: Float64Array[] = [];
  for (let r = 0; r < q; r++) {
    const src = m[at ? at[r] : r];
    const row = new Float64Array(q);
    for (let c = 0; c < q; c++) row[c] = src[at ? at[c] : c];
    row[r] += lam;
    out.push(row);
  }
  return out;
}

function pick(v: Float64Array, at: readonly number[]): Float64Array {
  const out = new Float64Array(at.length);
  for (let r = 0; r < at.length; r++) out[r] = v[at[r]];
  return out;
}

/** K −= x·xᵀ. O(n²). */
function downdate(k: Float64Array[], x: Float64Array): void {
  for (let i = 0; i < k.length; i++) {
    const ki = k[i];
    const xi = x[i];
    for (let j = 0; j < k.length; j++) ki[j] -= xi * x[j];
  }
}

/** The top-m design positions of a run, in design order (ascending). */
export function topFeatures(run: RfeRun, m: number): number[] {
  return run.order.slice(0, m).sort((a, b) => a - b);
}
