/**
 * The cheap candidates, scored first: naive, seasonal naive (when every fold has a full
 * season plus the horizon of history), damped-trend ETS, and the foundation model.
 */
import type { MetricName } from '../types.js';
import { bestVariant, type Candidate } from '../selection/candidate.js';
import { fitEts } from './damped-ets.js';
import type { SeriesData } from '../regression/features.js';
import { naiveForecast } from './naive.js';
import { fitOriginalOls, type OriginalFit } from '../regression/original-ols.js';
import { seasonalNaiveApplies, seasonalNaiveForecast } from './seasonal-naive.js';
import { forecastSpec, type ModelSpec } from '../spec.js';
import { adjusted, adjustment, fitSes, fitTheta, windowMeanForecast } from './smoothing.js';

export function naiveCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number): Candidate {
  return { name: 'naive', forecasts: cutoffs.map((t) => naiveForecast(data.y, t, horizon)), fit: () => ({ kind: 'naive' }) };
}

/**
 * Seasonal naive; undefined unless the last fold has a season plus the horizon of history.
 * Earlier folds that lack one (the selection folds reach far back) are not forecast (NaN), so
 * on a short history it is reported on the folds it applies to but cannot win: filling them with
 * the naive forecast let a candidate scored mostly as naive serve last year's values (on the
 * demo's keywords, a week after a jump to 35 it forecast 8).
 */
export function seasonalNaiveCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  if (!seasonalNaiveApplies(cutoffs[cutoffs.length - 1], horizon, period)) return undefined;
  return {
    name: 'snaive',
    forecasts: cutoffs.map((t) => (seasonalNaiveApplies(t, horizon, period) ? seasonalNaiveForecast(data.y, t, horizon, period) : new Float64Array(horizon).fill(NaN))),
    fit: () => ({ kind: 'snaive', period }),
  };
}

/** Damped-trend ETS on the seasonally adjusted series when the seasonal test passes. */
function etsSpec(y: Float64Array, t: number, period: number): ModelSpec {
  const idx = adjustment(y, t, period);
  return { kind: 'ets', ...fitEts(adjusted(y, t, idx), t), period: idx ? period : 0 };
}

export function etsCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate {
  return specCandidate('ets_damped', data, cutoffs, horizon, (t) => etsSpec(data.y, t, period));
}

/** A candidate refitted by `fitAt(t)` on rows ≤ t at every cutoff and at the last row. */
function specCandidate(name: string, data: SeriesData, cutoffs: readonly number[], horizon: number, fitAt: (t: number) => ModelSpec): Candidate {
  return {
    name,
    forecasts: cutoffs.map((t) => forecastSpec(fitAt(t), data, t, horizon)),
    fit: () => fitAt(data.y.length - 1),
  };
}

export function sesCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate {
  return specCandidate('ses', data, cutoffs, horizon, (t) => ({ kind: 'ses', ...fitSes(data.y, t, period) }));
}

export function thetaCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate {
  return specCandidate('theta', data, cutoffs, horizon, (t) => ({ kind: 'theta', ...fitTheta(data.y, t, period) }));
}

/** Window means; the window is chosen on the folds. */
export const MEAN_WINDOWS = [4, 8, 13, 26, 52];
export function meanCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, metric: MetricName): Candidate {
  const variants = MEAN_WINDOWS.map((w) => cutoffs.map((t) => windowMeanForecast(data.y, t, horizon, w)));
  const best = bestVariant(data.y, cutoffs, variants, metric);
  return { name: 'mean', forecasts: variants[best], fit: () => ({ kind: 'wmean', window: MEAN_WINDOWS[best] }) };
}

/** The foundation model; `full` is its fit on all rows (reported by train whoever wins). */
export function originalCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number): { candidate: Candidate; full: OriginalFit } {
  const full = fitOriginalOls(data, data.y.length - 1, horizon);
  return {
    full,
    candidate: {
      name: 'original_ols',
      forecasts: cutoffs.map((t) => forecastSpec(fitOriginalOls(data, t, horizon).spec, data, t, horizon)),
      fit: () => full.spec,
    },
  };
}
