/**
 * Model selection on the folds, in anytime order (cheapest first): univariate baselines
 * (naive, seasonal naive, SES, theta, damped ETS, window mean), penalised regressions, RFE,
 * then the foundation model fold by fold. Combinations follow (M3/M4 evidence: combining a
 * few methods is usually more accurate than picking one on few folds):
 *  - `combo_base`: the fixed equal-weight mean of SES, theta, damped ETS (the M4 statistical
 *    benchmarks) and the shrunk autoregression on changes `ridge_ar` — the default winner;
 *  - `combo_mean2`, `combo_mean3`, `combo_median3`: the top-k singles, ranked *prequentially*:
 *    the forecast at fold f combines the k best singles on the earlier folds whose validation
 *    windows were fully observed by f's cutoff (no peeking), so their fold losses are honest
 *    out-of-sample numbers, comparable with the singles'. The final fit ranks on all folds.
 * The winner is `combo_base` unless another candidate beats it clearly on the paired per-fold
 * losses (one-sided z > 1.64, see `chooseWinner`), so a candidate that won a few folds by luck
 * does not displace the robust default. Only candidates scored on every fold can win or enter
 * a combination; the foundation model is refitted on the last ORIGINAL_FOLDS folds only (its
 * n²·p kernel per fit dominates the run) and is reported on those.
 */
import { inputError, limitError } from '../../errors.js';
import type { EngineOptions } from '../types.js';
import { etsCandidate, meanCandidate, naiveCandidate, seasonalNaiveCandidate, sesCandidate, thetaCandidate } from '../baselines/baseline-candidates.js';
import { BudgetTracker } from './budget.js';
import { scoreFolds, type Candidate } from './candidate.js';
import type { FeatureDef, SeriesData } from '../regression/features.js';
import { enetCandidate, ridgeCandidate } from '../regression/linear-candidates.js';
import { linearContext, screenCount, type LinearContext } from '../regression/linear-context.js';
import { fitOriginalOls, type OriginalFit } from '../regression/original-ols.js';
import { rfeCandidates, type RfeResult } from '../regression/rfe-candidates.js';
import { combine, forecastSpec, type ModelSpec } from '../spec.js';
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
/** Parts of the fixed combination, and the fallback ranking before enough folds are observed. */
const BASE_PARTS = ['ses', 'theta', 'ets_damped', 'ridge_ar'];
const DEFAULT_ORDER = ['ses', 'theta', 'ets_damped', 'naive', 'mean', 'snaive'];
/** Earlier observed folds needed before the prequential ranking replaces the default order. */
const MIN_PRIOR = 3;
/** Folds the foundation model is refitted on at most (its n²·p kernel dominates the run). */
export const ORIGINAL_FOLDS = 3;

/** Whether a candidate has a finite forecast at every fold. */
function complete(c: Candidate): boolean {
  return c.forecasts.every((f) => f.every(Number.isFinite));
}

export function selectModel(data: SeriesData, defs: readonly FeatureDef[], cutoffs: readonly number[], opts: EngineOptions, period: number): Selection {
  const H = opts.horizon;
  const n = data.y.length;
  const F = cutoffs.length;
  // A list of combinations only (e.g. ['combo_mean3']) computes every single as a part and
  // lets only the listed combinations win.
  const comboOnly = opts.candidates !== undefined && opts.candidates.length > 0 && opts.candidates.every((c) => c.startsWith('combo_'));
  const allowed = (name: string) => !opts.candidates || comboOnly || opts.candidates.includes(name);
  const budget = new BudgetTracker(opts.budget);
  const out: Candidate[] = [];
  const add = (c: Candidate | undefined) => {
    if (c) out.push(c);
  };
  const stage = <T>(name: string, work: number, unit: () => T): T | undefined => (allowed(name) ? budget.run(name, unit, work) : undefined);

  add(stage('naive', F * H, () => naiveCandidate(data, cutoffs, H)));
  if (allowed('naive') && out.length === 0) throw limitError('deadline', 'no time left to score even the naive baseline');
  add(stage('snaive', F * H, () => seasonalNaiveCandidate(data, cutoffs, H, period)));
  const smoothWork = F * n * (30 + 2 * period);
  add(stage('ses', smoothWork, () => sesCandidate(data, cutoffs, H, period)));
  add(stage('theta', smoothWork, () => thetaCandidate(data, cutoffs, H, period)));
  add(stage('ets_damped', F * n * (170 + 2 * period), () => etsCandidate(data, cutoffs, H, period)));
  add(stage('mean', F * 120, () => meanCandidate(data, cutoffs, H, opts.metric)));

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
  const L = new Map(singles.map((c) => [c, loss(c)]));
  const byName = new Map(singles.map((c) => [c.name, c]));
  const baseParts = BASE_PARTS.flatMap((s) => byName.get(s) ?? []);
  if (allowed('combo_base') && baseParts.length >= 2) {
    out.push({
      name: 'combo_base',
      forecasts: cutoffs.map((_, f) => combine(baseParts.map((c) => c.forecasts[f]), 'mean')),
      fit: () => ({ kind: 'combo', how: 'mean', parts: baseParts.map((c) => c.fit()) }),
    });
  }
  const fallback = [...DEFAULT_ORDER.flatMap((s) => byName.get(s) ?? []), ...singles.filter((c) => !DEFAULT_ORDER.includes(c.name))];
  const ranking = (folds: readonly number[]): Candidate[] => {
    if (folds.length < MIN_PRIOR) return fallback;
    const mean = (c: Candidate) => folds.reduce((s, g) => s + (L.get(c) as Float64Array)[g], 0) / folds.length;
    return singles.map((c, i) => ({ c, i, l: mean(c) })).sort((a, b) => a.l - b.l || a.i - b.i).map((r) => r.c);
  };
  const prior = cutoffs.map((t) => cutoffs.flatMap((u, g) => (u + H <= t ? [g] : [])));
  const rankAt = prior.map(ranking);
  const rankAll = ranking(cutoffs.map((_, g) => g));
  for (const combo of COMBOS) {
    if (!allowed(combo.name) || singles.length < combo.k) continue;
    const parts = rankAll.slice(0, combo.k);
    out.push({
      name: combo.name,
      forecasts: cutoffs.map((_, f) => combine(rankAt[f].slice(0, combo.k).map((c) => c.forecasts[f]), combo.how)),
      fit: () => ({ kind: 'combo', how: combo.how, parts: parts.map((c) => c.fit()) }),
    });
  }
  const eligible = comboOnly ? out.filter((c) => opts.candidates?.includes(c.name)) : out;
  if (eligible.length === 0) throw inputError('no_candidate', `none of the candidates ${(opts.candidates ?? []).join(', ')} applies to this series`);
  const winner = chooseWinner(eligible, loss, DEFAULT_WINNER);
  return { candidates: out, winner, original: original?.full, rfe, linear, skipped: budget.skipped };
}

/**
 * The winner: the default combination unless another candidate beats it clearly — its mean
 * paired fold-loss difference is below zero by more than Z_SWITCH standard errors (a one-sided
 * test; per-fold differences are paired, so a shared bad fold does not blur the comparison).
 * Without the default, the lowest mean loss plus its standard error. Ties: earlier candidate.
 */
const DEFAULT_WINNER = 'combo_base';
const Z_SWITCH = 1.64;
function chooseWinner(cands: readonly Candidate[], loss: (c: Candidate) => Float64Array, defaultName: string): Candidate {
  const ok = cands.filter(complete);
  const base = ok.find((c) => c.name === defaultName);
  if (base) {
    const lb = loss(base);
    let winner = base, best = 0;
    for (const c of ok) {
      const lc = loss(c);
      const d = meanStd(Array.from(lc, (v, f) => v - lb[f]));
      const z = d.std > 0 ? d.mean / (d.std / Math.sqrt(lc.length)) : d.mean < 0 ? -Infinity : 0;
      if (z < -Z_SWITCH && d.mean < best) {
        best = d.mean;
        winner = c;
      }
    }
    return winner;
  }
  let winner = ok[0] ?? cands[0];
  let best = Infinity;
  for (const c of ok) {
    const s = meanStd(loss(c));
    const l = s.mean + s.std / Math.sqrt(s.std >= 0 ? loss(c).length : 1);
    if (l < best) {
      best = l;
      winner = c;
    }
  }
  return winner;
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
 * The foundation model: its full fit first (reported whoever wins), then refits on the last
 * ORIGINAL_FOLDS folds, newest first, each a budget unit; folds not refitted forecast NaN
 * (the candidate is then reported on fewer folds and, when others exist, cannot win).
 */
function originalStage(data: SeriesData, cutoffs: readonly number[], H: number, budget: BudgetTracker): { candidate: Candidate; full: OriginalFit } | undefined {
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
