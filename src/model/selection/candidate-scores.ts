/**
 * The reporting parts of a TrainResult: per-candidate fold metrics (mean ± std across folds,
 * in-sample conformal coverage) and the feature ranking of the final RFE run.
 */
import type { CandidateScore, EngineOptions, FeatureRank } from '../types.js';
import { scoreFolds, type Candidate } from './candidate.js';
import { calibrate, foldCoverage } from '../intervals/calibrate.js';
import { featureName } from '../regression/features.js';
import { summarize } from './metrics.js';
import type { Selection } from './selection.js';
import type { ModelSpec } from '../spec.js';

export function candidateScores(y: Float64Array, cutoffs: readonly number[], candidates: readonly Candidate[], opts: EngineOptions): CandidateScore[] {
  return candidates.map((c) => {
    const s = scoreFolds(y, cutoffs, c.forecasts, opts.metric);
    return {
      model: c.name,
      metrics: summarize(s.perFold),
      coverage: opts.levels.length > 0 ? foldCoverage(y, cutoffs, c, calibrate(y, cutoffs, c, opts.horizon, opts.levels)) : NaN,
      mapeZerosSkipped: s.zerosSkipped,
      nFolds: c.forecasts.filter((f) => f.every(Number.isFinite)).length,
    };
  });
}

/**
 * Standardised coefficients at t+H of a specification, by feature name. A mean combination's
 * forecast is the mean of its parts, so its effective coefficient is each linear part's
 * coefficient / k, summed over parts (a median combination has no linear form: parts / k as
 * an indication). Non-linear parts contribute none.
 */
export function effectiveCoefficients(spec: ModelSpec, target: string, weight = 1, into = new Map<string, number>()): Map<string, number> {
  if (spec.kind === 'linear') {
    spec.features.forEach((d, j) => {
      const name = featureName(d, target);
      into.set(name, (into.get(name) ?? 0) + weight * spec.coef[spec.coef.length - 1][j]);
    });
  } else if (spec.kind === 'combo') {
    for (const part of spec.parts) effectiveCoefficients(part, target, weight / spec.parts.length, into);
  }
  return into;
}

/**
 * Rank 1 = the last feature standing in the full-data RFE run; features screened out before
 * RFE share the rank after the last ranked one. Coefficient: the winner's effective
 * standardised coefficient at t+H (NaN when the winner does not use the feature).
 */
export function featureRanking(sel: Selection, spec: ModelSpec, target: string): FeatureRank[] {
  const ctx = sel.linear;
  if (!ctx) return [];
  const coef = effectiveCoefficients(spec, target);
  const rank = new Map<number, number>();
  sel.rfe?.fullRun.order.forEach((pos, r) => rank.set(ctx.full.idx[pos], r + 1));
  const unranked = rank.size + 1;
  return ctx.defs
    .map((d, j) => {
      const feature = featureName(d, target);
      return { feature, rank: rank.get(j) ?? unranked, coefficient: coef.get(feature) ?? NaN, selected: coef.has(feature) };
    })
    .sort((a, b) => a.rank - b.rank || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
}
