/**
 * Shared state of the regression candidates: the causal feature matrix over the whole table
 * (computed once), and per fold plus for the final fit a pre-screened, standardised design.
 * Screening and scaling use each fold's own training origins (honest CV). O(F·n·P).
 */
import type { MetricName } from '../types.js';
import { WIDEN_OTHER, WIDEN_TARGET } from '../prediction-bounds.js';
import { buildDesign, type Design } from './design.js';
import { computeFeature, isTargetFeature, type FeatureDef, type SeriesData } from './features.js';
import { prescreen } from './prescreen.js';
import type { LinearSpec } from '../spec.js';

/** Most columns from other series kept by pre-screening, however long the history: bounds every later stage's cost. */
export const SCREEN_K = 100;

/**
 * Columns from other series kept for `n` training origins: Fan & Lv's (2008) d = n / ln n, so
 * the screened regressions are never much wider than the history is long (a 64-week fold keeps
 * 15 of 170 candidate columns), and at most SCREEN_K.
 */
export function screenCount(n: number): number {
  return Math.min(SCREEN_K, Math.max(1, Math.floor(n / Math.log(Math.max(n, 3)))));
}
/** First training origin (row 0 has no past changes). */
const START = 1;

export interface LinearContext {
  readonly data: SeriesData;
  readonly defs: readonly FeatureDef[];
  readonly cutoffs: readonly number[];
  readonly horizon: number;
  readonly metric: MetricName;
  /** One design per fold, at its cutoff. */
  readonly designs: readonly Design[];
  /** The design at the last row, for the final fit. */
  readonly full: Design;
  /** Positions (in every design) of the target-derived features: always 0..nCore−1. */
  readonly nCore: number;
}

export function linearContext(data: SeriesData, defs: readonly FeatureDef[], cutoffs: readonly number[], horizon: number, metric: MetricName): LinearContext {
  const features = defs.map((d) => computeFeature(d, data));
  const core = defs.flatMap((d, j) => (isTargetFeature(d) ? [j] : []));
  const exog = defs.flatMap((d, j) => (isTargetFeature(d) ? [] : [j]));
  const design = (t: number): Design => {
    const to = t - horizon;
    const keep = prescreen(features, exog, data.y, START, to, horizon, screenCount(to - START + 1));
    const widen = [...core.map(() => WIDEN_TARGET), ...keep.map(() => WIDEN_OTHER)];
    return buildDesign(features, [...core, ...keep], widen, data.y, START, to, horizon, t);
  };
  return {
    data,
    defs,
    cutoffs,
    horizon,
    metric,
    designs: cutoffs.map(design),
    full: design(data.y.length - 1),
    nCore: core.length,
  };
}

/** A change model (base = last value) from a design and its coefficients; zero columns dropped. */
export function linearSpec(ctx: LinearContext, d: Design, betas: readonly ArrayLike<number>[]): LinearSpec {
  const used = d.idx.flatMap((_, k) => (betas.some((b) => b[k] !== 0) ? [k] : []));
  return {
    kind: 'linear',
    base: 'last',
    features: used.map((k) => ctx.defs[d.idx[k]]),
    mean: used.map((k) => d.scaling[k].mean),
    sd: used.map((k) => d.scaling[k].sd),
    lo: used.map((k) => d.bounds[k].lo),
    hi: used.map((k) => d.bounds[k].hi),
    coef: betas.map((b) => used.map((k) => b[k] / d.yScale)),
    intercept: betas.map(() => 0),
  };
}
