/**
 * The cheap candidates, scored first: naive, seasonal naive (when every fold has a full
 * season plus the horizon of history) and the window mean.
 */
import type { MetricName } from '../types.js';
import { bestVariant, type Candidate } from '../selection/candidate.js';
import type { SeriesData } from '../regression/features.js';
import { naiveForecast } from './naive.js';
import { seasonalNaiveApplies, seasonalNaiveForecast } from './seasonal-naive.js';
import { windowMeanForecast } from './window-mean.js';

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
    forecasts: cutoffs.map((t) =>
      seasonalNaiveApplies(t, horizon, period) ? seasonalNaiveForecast(data.y, t, horizon, period) : new Float64Array(horizon).fill(NaN),
    ),
    fit: () => ({ kind: 'snaive', period }),
  };
}

/** Window means; the window is chosen on the folds. */
export const MEAN_WINDOWS = [4, 8, 13, 26, 52];
export function meanCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, metric: MetricName): Candidate {
  const variants = MEAN_WINDOWS.map((w) => cutoffs.map((t) => windowMeanForecast(data.y, t, horizon, w)));
  const best = bestVariant(data.y, cutoffs, variants, metric);
  return { name: 'mean', forecasts: variants[best], fit: () => ({ kind: 'wmean', window: MEAN_WINDOWS[best] }) };
}
