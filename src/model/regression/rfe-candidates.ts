/**
 * Candidates built on the RFE runs: `ridge_rfe` (ridge on the subset size that minimises the
 * honest CV curve) and `ols` (OLS on the top-m features of each fold's own ranking, m chosen
 * on the folds among small sizes so OLS stays well-posed). Also returns the selection curve.
 */
import type { SelectionPoint } from '../types.js';
import { bestVariant, scoreFolds, type Candidate } from '../selection/candidate.js';
import { designForecast, subDesign } from './design.js';
import { linearSpec, type LinearContext } from './linear-context.js';
import { meanStd } from '../selection/metrics.js';
import { olsFit } from './ols.js';
import { ridgeFit } from './ridge.js';
import { rfeRun, topFeatures, type RfeRun } from './rfe.js';

const OLS_SIZES = [1, 2, 3, 5, 8, 13];

export interface RfeResult {
  readonly ridgeRfe: Candidate;
  readonly ols: Candidate;
  readonly curve: SelectionPoint[];
  /** Full-data run: its order ranks the final design's features. */
  readonly fullRun: RfeRun;
  readonly bestSize: number;
}

/** `c` is the ridge penalty as a multiple of the training rows (from the ridge candidate). */
export function rfeCandidates(ctx: LinearContext, c: number): RfeResult {
  const { data, cutoffs, metric } = ctx;
  const runs = ctx.designs.map((d) => rfeRun(d, c * d.ys[0].length));
  const sizes = runs[0].sizes.filter((s) => runs.every((r) => r.sizes.includes(s)));
  const variants = sizes.map((s) => runs.map((r) => r.forecasts[r.sizes.indexOf(s)]));
  const curve = variants.map((v, i) => {
    const fold = scoreFolds(data.y, cutoffs, v, metric).perFold.map((m) => m[metric]);
    return { nFeatures: sizes[i], ...summaryOf(meanStd(fold)) };
  });
  const bestIdx = bestVariant(data.y, cutoffs, [...variants].reverse(), metric);
  const bestSize = sizes[sizes.length - 1 - bestIdx];
  const fullRun = rfeRun(ctx.full, c * ctx.full.ys[0].length);
  const ridgeOn = (m: number) => {
    const d = subDesign(ctx.full, topFeatures(fullRun, m));
    return linearSpec(ctx, d, ridgeFit(d.cols, d.ys, c * d.ys[0].length));
  };
  const minRows = Math.min(...ctx.designs.map((d) => d.ys[0].length));
  const mGrid = OLS_SIZES.filter((m) => m <= sizes[0] && m <= Math.max(1, Math.floor(minRows / 4)));
  const olsVariants = mGrid.map((m) =>
    ctx.designs.map((d, f) => {
      const sub = subDesign(d, topFeatures(runs[f], m));
      return designForecast(sub, olsFit(sub.cols, sub.ys, false).coef);
    }),
  );
  const mBest = mGrid[bestVariant(data.y, cutoffs, olsVariants, metric)];
  return {
    curve,
    fullRun,
    bestSize,
    ridgeRfe: { name: 'ridge_rfe', forecasts: variants[sizes.indexOf(bestSize)], fit: () => ridgeOn(bestSize) },
    ols: {
      name: 'ols',
      forecasts: olsVariants[mGrid.indexOf(mBest)],
      fit: () => {
        const d = subDesign(ctx.full, topFeatures(fullRun, mBest));
        return linearSpec(ctx, d, olsFit(d.cols, d.ys, false).coef);
      },
    },
  };
}

function summaryOf(s: { mean: number; std: number }): { score: number; std: number } {
  return { score: s.mean, std: s.std };
}
