/**
 * Model selection on the folds, in anytime order: baselines, penalised regressions, the
 * foundation model, RFE, then combinations of the best singles. The winner has the lowest
 * mean fold loss plus its standard error across folds; ties go to the earlier candidate.
 */
import { inputError, limitError } from '../errors.js';
import type { EngineOptions } from './types.js';
import { etsCandidate, naiveCandidate, originalCandidate, seasonalNaiveCandidate } from './baselines.js';
import { BudgetTracker } from './budget.js';
import { scoreFolds, type Candidate } from './candidate.js';
import type { FeatureDef, SeriesData } from './features.js';
import { enetCandidate, ridgeCandidate } from './linear-candidates.js';
import { linearContext, type LinearContext } from './linear-context.js';
import type { OriginalFit } from './original-ols.js';
import { rfeCandidates, type RfeResult } from './rfe-candidates.js';
import { combine } from './spec.js';
import { lossOf, meanStd } from './metrics.js';

export interface Selection {
  readonly candidates: readonly Candidate[];
  readonly winner: Candidate;
  readonly original?: OriginalFit;
  readonly rfe?: RfeResult;
  readonly linear?: LinearContext;
  readonly skipped: readonly string[];
}

const COMBOS = [
  { name: 'combo_mean2', k: 2, how: 'mean' },
  { name: 'combo_mean3', k: 3, how: 'mean' },
  { name: 'combo_median3', k: 3, how: 'median' },
] as const;

export function selectModel(data: SeriesData, defs: readonly FeatureDef[], cutoffs: readonly number[], opts: EngineOptions, period: number): Selection {
  const H = opts.horizon;
  const allowed = (name: string) => !opts.candidates || opts.candidates.includes(name);
  const budget = new BudgetTracker(opts.budget);
  const out: Candidate[] = [];
  const add = (c: Candidate | undefined) => {
    if (c) out.push(c);
  };
  const stage = <T>(name: string, unit: () => T): T | undefined => (allowed(name) ? budget.run(name, unit) : undefined);

  add(stage('naive', () => naiveCandidate(data, cutoffs, H)));
  if (allowed('naive') && out.length === 0) throw limitError('deadline', 'no time left to score even the naive baseline');
  add(stage('snaive', () => seasonalNaiveCandidate(data, cutoffs, H, period)));
  add(stage('ets_damped', () => etsCandidate(data, cutoffs, H)));

  const needLinear = ['ridge', 'ridge_ar', 'lasso', 'enet', 'ridge_rfe', 'ols'].some(allowed);
  const linear = needLinear ? budget.run('features', () => linearContext(data, defs, cutoffs, H, opts.metric)) : undefined;
  let rfe: RfeResult | undefined;
  let ridgeC: number | undefined;
  if (linear) {
    const ar = stage('ridge_ar', () => ridgeCandidate(linear, 'ridge_ar', true));
    add(ar?.candidate);
    const ridge = stage('ridge', () => ridgeCandidate(linear, 'ridge', false));
    add(ridge?.candidate);
    ridgeC = ridge?.c;
    add(stage('lasso', () => enetCandidate(linear, 'lasso', 1)));
    add(stage('enet', () => enetCandidate(linear, 'enet', 0.5)));
  }
  // The foundation model needs an O(n²·p) kernel per fold on all columns: after the cheaper fits.
  const original = stage('original_ols', () => originalCandidate(data, cutoffs, H));
  add(original?.candidate);
  if (linear) {
    if (allowed('ridge_rfe') || allowed('ols')) {
      rfe = budget.run('rfe', () => rfeCandidates(linear, ridgeC ?? 10));
      if (rfe && allowed('ridge_rfe')) add(rfe.ridgeRfe);
      if (rfe && allowed('ols')) add(rfe.ols);
    }
  }
  if (out.length === 0 && budget.deadlineHit) throw limitError('deadline', 'no candidate could be scored in the time budget');
  if (out.length === 0) throw inputError('no_candidate', `none of the candidates ${(opts.candidates ?? []).join(', ')} applies to this series`);

  const loss = (c: Candidate) => scoreFolds(data.y, cutoffs, c.forecasts, opts.metric).loss;
  const ranked = out.map((c, i) => ({ c, i, l: loss(c) })).sort((a, b) => a.l - b.l || a.i - b.i);
  for (const combo of COMBOS) {
    if (!allowed(combo.name) || ranked.length < combo.k) continue;
    const parts = ranked.slice(0, combo.k).map((r) => r.c);
    out.push({
      name: combo.name,
      forecasts: cutoffs.map((_, f) => combine(parts.map((p) => p.forecasts[f]), combo.how)),
      fit: () => ({ kind: 'combo', how: combo.how, parts: parts.map((p) => p.fit()) }),
    });
  }
  // Conservative choice: mean fold loss plus its standard error, so a candidate that won a
  // few folds by luck (high variance across folds) does not beat a stable one.
  const ucb = (c: Candidate) => {
    const per = scoreFolds(data.y, cutoffs, c.forecasts, opts.metric).perFold.map((m) => lossOf(opts.metric, m[opts.metric]));
    const s = meanStd(per);
    return s.mean + s.std / Math.sqrt(per.length);
  };
  let winner = out[0];
  let best = Infinity;
  for (const c of out) {
    const l = ucb(c);
    if (l < best) {
      best = l;
      winner = c;
    }
  }
  return { candidates: out, winner, original: original?.full, rfe, linear, skipped: budget.skipped };
}
