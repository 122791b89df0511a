/**
 * Model selection on the folds, in anytime order (cheapest first): the baselines (naive, seasonal
 * naive, window mean), the statistical models (thetaf, AutoETS, STL + ETS, AutoARIMA or dynamic
 * harmonic regression, regression with ARIMA errors on leading columns), the penalised
 * regressions and RFE, then the original pipeline's model fold by fold. The winner is a single
 * that beats `combo` (the median of the best singles on the folds, topCombination) clearly on
 * the paired fold losses, else combo or `blend`, its mean with the best single, whichever
 * forecast the folds better out of sample (defaultWinner). Only candidates
 * scored on every fold can win or enter the combination; the original pipeline's model is
 * refitted on the last ORIGINAL_FOLDS folds only (its n²·p kernel per fit dominates the run) and
 * is reported on those.
 */
import { inputError, limitError } from '../../errors.js';
import type { EngineOptions } from '../types.js';
import { meanCandidate, naiveCandidate, seasonalNaiveCandidate } from '../baselines/baseline-candidates.js';
import { arimaCandidate, arimaxCandidate, etsCandidate, onSafeScale, stlfCandidate, thetaCandidate } from './stat-candidates.js';
import { BudgetTracker } from './budget.js';
import { complete, scoreFolds, type Candidate } from './candidate.js';
import { DEFAULT_WINNER, topCombination } from './top-combination.js';
import { breakAtOrigin, chooseWinner, defaultWinner } from './choose-winner.js';
import type { FeatureDef, SeriesData } from '../regression/features.js';
import { enetCandidate, ridgeCandidate } from '../regression/linear-candidates.js';
import { linearContext, screenCount, type LinearContext } from '../regression/linear-context.js';
import { fitOriginalOls, type OriginalFit } from '../regression/original-ols.js';
import { rfeCandidates, type RfeResult } from '../regression/rfe-candidates.js';
import { forecastSpec, specInputs, type ModelSpec } from '../spec.js';
import { lossOf } from './metrics.js';

export interface Selection {
  readonly candidates: readonly Candidate[];
  readonly winner: Candidate;
  readonly original?: OriginalFit;
  readonly rfe?: RfeResult;
  readonly linear?: LinearContext;
  readonly skipped: readonly string[];
}

/** Folds the replaced pipeline's model (`original_ols`) is refitted on at most (its n²·p kernel dominates the run). */
export const ORIGINAL_FOLDS = 3;

export function selectModel(data: SeriesData, defs: readonly FeatureDef[], cutoffs: readonly number[], opts: EngineOptions, period: number): Selection {
  const H = opts.horizon;
  const n = data.y.length;
  const F = cutoffs.length;
  const allowed = (name: string) => !opts.candidates || opts.candidates.includes(name);
  const budget = new BudgetTracker(opts.budget);
  const out: Candidate[] = [];
  const add = (c: Candidate | undefined) => {
    if (c) out.push(c);
  };
  const stage = <T>(name: string, work: number, unit: () => T): T | undefined => (allowed(name) ? budget.run(name, unit, work) : undefined);

  add(stage('naive', F * H, () => naiveCandidate(data, cutoffs, H)));
  if (allowed('naive') && out.length === 0) throw limitError('deadline', 'no time left to score even the naive baseline');
  add(stage('snaive', F * H, () => seasonalNaiveCandidate(data, cutoffs, H, Math.round(period))));
  add(stage('mean', F * 120, () => meanCandidate(data, cutoffs, H, opts.metric)));
  // Work units (budget.ts, ≈ 10 ns each) measured on this engine's fits (scripts/experiments/
  // speed.ts): a thetaf fit ≈ 100·n; an AutoETS search ≈ 1,000·n non-seasonal and ≈ 17,000·n
  // with a monthly season; STL ≈ 200·n per fold; an AutoARIMA search ≈ 25,000·n and with
  // regressors ≈ 50,000·n. Model searches cost a floor on short series (the number of forms
  // tried, not n, dominates), hence the floors on n. Declaring them too small would inflate the
  // tracker's rate and make it skip the regressions of a wide table for no reason.
  const seasonal = period > 1 && period <= 24;
  const rows = (floor: number) => Math.max(n, floor);
  add(stage('theta', F * n * 100, () => onSafeScale(data, (d) => thetaCandidate(d, cutoffs, H, period))));
  add(stage('ets', rows(200) * (seasonal ? 17000 : 1000) + F * n * 10, () => onSafeScale(data, (d) => etsCandidate(d, cutoffs, H, period))));
  add(stage('stlf', n * 1000 + F * n * 200, () => onSafeScale(data, (d) => stlfCandidate(d, cutoffs, H, period))));
  add(stage('arima', rows(200) * 25000 + F * n * 20, () => onSafeScale(data, (d) => arimaCandidate(d, cutoffs, H, period))));
  if (data.exogNames.length > 0) add(stage('arimax', rows(400) * 50000 + F * n * 20, () => onSafeScale(data, (d) => arimaxCandidate(d, cutoffs, H, period))));

  const pAll = defs.length;
  const p = Math.min(pAll, defs.filter((d) => d.kind !== 'xlevel' && d.kind !== 'xdiff').length + screenCount(n));
  const needLinear = ['ridge', 'ridge_ar', 'lasso', 'enet', 'ridge_rfe', 'ols'].some(allowed);
  const linear = needLinear ? budget.run('features', () => linearContext(data, defs, cutoffs, H, opts.metric), (F + 1) * n * (pAll + 4 * p)) : undefined;
  // Work units (see budget.ts) calibrated on measured runs: a ridge path per fold ≈ 0.35·n·p².
  let rfe: RfeResult | undefined;
  let ridgeC: number | undefined;
  if (linear) {
    const fitWork = (q: number) => (F + 1) * (n * q * q + q * q * q);
    const pc = linear.nCore;
    const ar = stage('ridge_ar', 0.7 * fitWork(pc), () => ridgeCandidate(linear, 'ridge_ar', true));
    add(ar?.candidate);
    const ridge = stage('ridge', 0.35 * fitWork(p), () => ridgeCandidate(linear, 'ridge', false));
    add(ridge?.candidate);
    ridgeC = ridge?.c;
    add(stage('lasso', 0.5 * fitWork(p), () => enetCandidate(linear, 'lasso', 1)));
    add(stage('enet', 0.6 * fitWork(p), () => enetCandidate(linear, 'enet', 0.5)));
    if (allowed('ridge_rfe') || allowed('ols')) {
      rfe = budget.run('rfe', () => rfeCandidates(linear, ridgeC ?? 10), 1.5 * fitWork(p));
      if (rfe && allowed('ridge_rfe')) add(rfe.ridgeRfe);
      if (rfe && allowed('ols')) add(rfe.ols);
    }
  }
  const original = allowed('original_ols') ? originalStage(data, cutoffs, H, budget) : undefined;
  add(original?.candidate);
  if (out.length === 0 && budget.deadlineHit) throw limitError('deadline', 'no candidate could be scored in the time budget');
  if (out.length === 0) throw inputError('no_candidate', `none of the candidates ${(opts.candidates ?? []).join(', ')} applies to this series`);

  const singles = out.filter(complete);
  const loss = perFoldLoss(data.y, cutoffs, opts);
  const combo = allowed(DEFAULT_WINNER) && singles.length >= 2 ? topCombination(singles, cutoffs, H, loss) : undefined;
  let winner: Candidate;
  if (combo) {
    const chosen = defaultWinner(singles, combo, cutoffs, H, loss);
    out.push(combo, chosen.blend);
    // Right after an unprecedented move the folds describe a regime that has just ended: keep the
    // robust default rather than a model that was best before it. The same when the move is in a
    // column the chosen single reads (a leading column's jump would carry straight into it).
    const moved = (y: ArrayLike<number>) => breakAtOrigin(y, H);
    const held = moved(data.y) || (chosen.winner !== combo && specInputs(chosen.single.fit()).some((x) => moved(data.exog.get(x) ?? [])));
    winner = held ? combo : chosen.winner;
  } else winner = chooseWinner(out, loss);
  return { candidates: out, winner, original: original?.full, rfe, linear, skipped: budget.skipped };
}

/** Per-fold losses of a candidate under the selection metric (NaN where not forecast). */
function perFoldLoss(y: Float64Array, cutoffs: readonly number[], opts: EngineOptions): (c: Candidate) => Float64Array {
  const cache = new Map<Candidate, Float64Array>();
  return (c) => {
    let v = cache.get(c);
    if (!v) {
      v = Float64Array.from(scoreFolds(y, cutoffs, c.forecasts, opts.metric).perFold, (m) => lossOf(opts.metric, m[opts.metric]));
      v = v.map((x) => (Number.isFinite(x) ? x : NaN));
      cache.set(c, v);
    }
    return v;
  };
}

/**
 * The replaced pipeline's model (`original_ols`): its full fit first (reported whoever wins), then refits on the last
 * ORIGINAL_FOLDS folds, newest first, each a budget unit; folds not refitted forecast NaN
 * (the candidate is then reported on fewer folds and, when others exist, cannot win).
 */
function originalStage(
  data: SeriesData,
  cutoffs: readonly number[],
  H: number,
  budget: BudgetTracker,
): { candidate: Candidate; full: OriginalFit } | undefined {
  // Not refitted on every fold: see ORIGINAL_FOLDS.
  const n = data.y.length;
  const p = data.exogNames.length;
  const work = 0.15 * (n * Math.min(n, p) * p + Math.min(n, p) ** 3) + 4 * n * p;
  const full = budget.run('original_ols', () => fitOriginalOls(data, n - 1, H), work);
  if (!full) return undefined;
  const forecasts: Float64Array[] = cutoffs.map(() => new Float64Array(H).fill(NaN));
  const F = cutoffs.length;
  for (let f = F - 1; f >= Math.max(0, F - ORIGINAL_FOLDS); f--) {
    const t = cutoffs[f];
    const fc = budget.run(`original_ols.fold${f + 1}`, () => forecastSpec(fitOriginalOls(data, t, H).spec as ModelSpec, data, t, H), work);
    if (fc) forecasts[f] = fc;
  }
  return { full, candidate: { name: 'original_ols', forecasts, fit: () => full.spec } };
}
