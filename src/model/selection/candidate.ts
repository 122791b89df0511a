/**
 * A scored candidate: its out-of-sample forecasts on every fold and a deferred final fit
 * (run only for the winner, or the parts of a winning combination).
 */
import type { MetricName } from '../types.js';
import { lossOf, naiveScale, pointMetrics, type MetricValues } from './metrics.js';
import type { ModelSpec } from '../spec.js';

export interface Candidate {
  readonly name: string;
  /** Forecasts t+1..t+H per fold (fold order as the cutoffs). */
  readonly forecasts: readonly Float64Array[];
  /** The model's own predictive sd per fold and horizon, when it has one (intervals scale by it). */
  readonly sds?: readonly Float64Array[];
  /** Fit on all training rows. */
  readonly fit: () => ModelSpec;
}

export interface FoldScore {
  /** Mean over folds of the selection metric, as a loss (lower is better). */
  readonly loss: number;
  readonly perFold: readonly MetricValues[];
  readonly zerosSkipped: number;
}

/** Whether a candidate has a finite forecast at every fold (only those can win or be combined). O(F·H). */
export function complete(c: Candidate): boolean {
  return c.forecasts.every((f) => f.every(Number.isFinite));
}

/** Scores fold forecasts against y[t+1..t+H] for each cutoff t. O(F·H). */
export function scoreFolds(y: Float64Array, cutoffs: readonly number[], forecasts: readonly Float64Array[], metric: MetricName): FoldScore {
  let zeros = 0;
  const perFold = cutoffs.map((t, f) => {
    const m = pointMetrics(y.subarray(t + 1, t + 1 + forecasts[f].length), forecasts[f], naiveScale(y, t + 1));
    zeros += m.zerosSkipped;
    return m.values;
  });
  let s = 0,
    k = 0;
  for (const v of perFold)
    if (Number.isFinite(v[metric])) {
      s += v[metric];
      k++;
    }
  return { loss: k > 0 ? lossOf(metric, s / k) : Infinity, perFold, zerosSkipped: zeros };
}

/** Residuals actual − forecast per fold. */
export function foldResiduals(y: Float64Array, cutoffs: readonly number[], forecasts: readonly Float64Array[]): Float64Array[] {
  return cutoffs.map((t, f) => forecasts[f].map((v, h) => y[t + 1 + h] - v));
}

/** Index of the variant with the lowest fold loss (first on ties). */
export function bestVariant(y: Float64Array, cutoffs: readonly number[], variants: readonly (readonly Float64Array[])[], metric: MetricName): number {
  let best = 0,
    bestLoss = Infinity;
  variants.forEach((v, i) => {
    const l = scoreFolds(y, cutoffs, v, metric).loss;
    if (l < bestLoss) {
      bestLoss = l;
      best = i;
    }
  });
  return best;
}
