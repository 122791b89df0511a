/**
 * Penalised regression candidates on the change y_{t+h} − y_t, penalty chosen on the folds:
 * `ridge` (all screened features), `ridge_ar` (target-derived features only), `lasso`
 * (elastic-net a = 1) and `enet` (a = 0.5). Strong penalties shrink towards the naive
 * forecast, which is why the response is the change and there is no intercept.
 */
import { bestVariant, type Candidate } from '../selection/candidate.js';
import { designForecast, designGram, subDesign, type Design } from './design.js';
import { xty } from './gram.js';
import { enetPath, lambdaMax, lambdaPath } from './lasso.js';
import { linearSpec, type LinearContext } from './linear-context.js';
import { ridgePath } from './ridge.js';

/** Ridge penalties as multiples of the number of training rows (features are z-scored). */
export const RIDGE_GRID = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];
const ENET_STEPS = 12;
const ENET_RATIO = 0.02;
/** Coordinate-descent stopping rule: forecasts need far less precision than coefficients. */
const ENET_TOL = 1e-3;
const ENET_SWEEPS = 60;

export interface RidgeResult {
  readonly candidate: Candidate;
  /** The selected penalty, as a multiple of the training rows. */
  readonly c: number;
}

/**
 * Ridge over the grid; one eigen-decomposition per fold serves all penalties and horizons. With
 * no more columns than rows it decomposes the design's XᵀX, shared with the elastic net and RFE.
 */
export function ridgeCandidate(ctx: LinearContext, name: string, coreOnly: boolean): RidgeResult {
  const restrict = (d: Design): Design =>
    coreOnly
      ? subDesign(
          d,
          Array.from({ length: ctx.nCore }, (_, k) => k),
        )
      : d;
  const paths = ctx.designs.map((d0) => {
    const d = restrict(d0);
    const n = d.ys[0].length;
    const xtx = !coreOnly && d.cols.length <= n ? designGram(d) : undefined;
    return ridgePath(
      d.cols,
      d.ys,
      RIDGE_GRID.map((c) => c * n),
      xtx,
    ).map((betas) => designForecast(d, betas));
  });
  const variants = RIDGE_GRID.map((_, v) => paths.map((p) => p[v]));
  const best = bestVariant(ctx.data.y, ctx.cutoffs, variants, ctx.metric);
  const c = RIDGE_GRID[best];
  return {
    c,
    candidate: {
      name,
      forecasts: variants[best],
      fit: () => {
        const d = restrict(ctx.full);
        return linearSpec(ctx, d, ridgePath(d.cols, d.ys, [c * d.ys[0].length])[0]);
      },
    },
  };
}

const scaledGrams = new WeakMap<Design, Float64Array[]>();
/** XᵀX/n of a design, made once from its shared XᵀX for both the lasso and the elastic net. */
function scaledGram(d: Design): Float64Array[] {
  let g = scaledGrams.get(d);
  if (!g) {
    const n = d.ys[0].length;
    g = designGram(d).map((r) => r.map((v) => v / n));
    scaledGrams.set(d, g);
  }
  return g;
}

/** Coefficients [λ-step][h] of the elastic net on a design; λ relative to each λ_max. */
function enetBetas(d: Design, a: number): Float64Array[][] {
  const n = d.ys[0].length;
  const g = scaledGram(d);
  const perH = d.ys.map((y) => {
    const c = xty(d.cols, y).map((v) => v / n);
    return enetPath(g, c, a, lambdaPath(lambdaMax(c, a), ENET_STEPS, ENET_RATIO), ENET_TOL, ENET_SWEEPS, Math.max(2, Math.floor(n / 2)));
  });
  return Array.from({ length: perH[0].length }, (_, s) => perH.map((p) => p[Math.min(s, p.length - 1)]));
}

/** Elastic net with mixing `a` (1 = lasso), path step chosen on the folds. */
export function enetCandidate(ctx: LinearContext, name: string, a: number): Candidate {
  const paths = ctx.designs.map((d) => enetBetas(d, a).map((b) => designForecast(d, b)));
  const steps = Math.min(...paths.map((p) => p.length));
  const variants = Array.from({ length: steps }, (_, s) => paths.map((p) => p[s]));
  const best = bestVariant(ctx.data.y, ctx.cutoffs, variants, ctx.metric);
  return {
    name,
    forecasts: variants[best],
    fit: () => {
      const path = enetBetas(ctx.full, a);
      return linearSpec(ctx, ctx.full, path[Math.min(best, path.length - 1)]);
    },
  };
}
