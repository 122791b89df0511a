/**
 * The cheap candidates, scored first: naive, seasonal naive (when every fold has a full
 * season plus the horizon of history), damped-trend ETS, and the foundation model.
 */
import type { Candidate } from './candidate.js';
import { etsForecast, fitEts } from './ets.js';
import type { SeriesData } from './features.js';
import { naiveForecast } from './naive.js';
import { fitOriginalOls, type OriginalFit } from './original-ols.js';
import { seasonalNaiveApplies, seasonalNaiveForecast } from './seasonal-naive.js';
import { forecastSpec } from './spec.js';

export function naiveCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number): Candidate {
  return { name: 'naive', forecasts: cutoffs.map((t) => naiveForecast(data.y, t, horizon)), fit: () => ({ kind: 'naive' }) };
}

/** Undefined when the first fold lacks a season plus the horizon of history. */
export function seasonalNaiveCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number, period: number): Candidate | undefined {
  if (!seasonalNaiveApplies(cutoffs[0], horizon, period)) return undefined;
  return {
    name: 'snaive',
    forecasts: cutoffs.map((t) => seasonalNaiveForecast(data.y, t, horizon, period)),
    fit: () => ({ kind: 'snaive', period }),
  };
}

export function etsCandidate(data: SeriesData, cutoffs: readonly number[], horizon: number): Candidate {
  return {
    name: 'ets_damped',
    forecasts: cutoffs.map((t) => etsForecast(data.y, t, horizon, fitEts(data.y, t))),
    fit: () => ({ kind: 'ets', ...fitEts(data.y, data.y.length - 1) }),
  };
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
