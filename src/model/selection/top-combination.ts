import type { Candidate } from './candidate.js';
import { combine } from '../spec.js';

/** The default combination's name, its size, and the order it ranks by before the folds can. */
export const DEFAULT_WINNER = 'combo';
export const TOP_K = 7;
const FALLBACK_ORDER = ['theta', 'ets', 'arima', 'naive', 'stlf', 'ridge_ar', 'snaive', 'mean'];
/** Earlier observed folds needed before the prequential ranking replaces the fixed order. */
const MIN_PRIOR = 3;

/** A combination of the best singles, and those it combines in its final fit. */
export type TopCombination = Candidate & { readonly parts: readonly Candidate[] };

export interface TopOptions {
  /** How many of the best to combine (default TOP_K). */
  readonly k?: number;
  readonly name?: string;
  /** What the folds without MIN_PRIOR observed earlier folds forecast (default: the median of a fixed order of robust methods). */
  readonly early?: Candidate;
}

/**
 * The default forecast, `combo`: the median of the TOP_K singles with the lowest mean fold loss
 * (with k = 1, the best single). A median of the best few methods is what the
 * forecast-combination evidence favours (M3/M4: combining beats picking; the median resists the
 * one member that goes astray, e.g. a trend extrapolated through a break) while the ranking
 * still lets the folds say which families suit the series (statistical models for a seasonal
 * series, regressions for one led by another column, naive for a random walk). Its fold
 * forecasts are prequential: fold f combines the k best on the earlier folds whose windows had
 * been observed by f's cutoff (a fixed order of robust methods, or `early`, until MIN_PRIOR such
 * folds exist), so its fold losses are honest out-of-sample numbers, comparable with the
 * singles'. The final fit ranks on all folds.
 */
export function topCombination(
  singles: readonly Candidate[],
  cutoffs: readonly number[],
  horizon: number,
  loss: (c: Candidate) => Float64Array,
  { k = TOP_K, name = DEFAULT_WINNER, early }: TopOptions = {},
): TopCombination {
  const fallback = early
    ? [early]
    : [...FALLBACK_ORDER.flatMap((n) => singles.filter((c) => c.name === n)), ...singles.filter((c) => !FALLBACK_ORDER.includes(c.name))];
  const ranking = (folds: readonly number[]): Candidate[] => {
    if (folds.length < MIN_PRIOR) return fallback;
    const mean = (c: Candidate) => folds.reduce((acc, g) => acc + loss(c)[g], 0) / folds.length;
    return singles
      .map((c, i) => ({ c, i, l: mean(c) }))
      .sort((a, b) => a.l - b.l || a.i - b.i)
      .map((r) => r.c);
  };
  const top = (ranked: Candidate[]) => ranked.slice(0, k);
  const parts = top(ranking(cutoffs.map((_, g) => g)));
  const partsAt = cutoffs.map((t) => top(ranking(cutoffs.flatMap((u, g) => (u + horizon <= t ? [g] : [])))));
  return {
    name,
    parts,
    ...combined(partsAt, 'median'),
    fit: () => ({ kind: 'combo', how: 'median', parts: parts.map((c) => c.fit()) }),
  };
}

/** Fold forecasts of each fold's parts combined by `how`, and their sds by the mean when every part has them. O(F·H·k log k). */
export function combined(partsAt: readonly (readonly Candidate[])[], how: 'mean' | 'median'): Pick<Candidate, 'forecasts' | 'sds'> {
  return {
    forecasts: partsAt.map((ps, f) =>
      combine(
        ps.map((c) => c.forecasts[f]),
        how,
      ),
    ),
    sds: partsAt.every((ps) => ps.every((c) => c.sds))
      ? partsAt.map((ps, f) =>
          combine(
            ps.map((c) => (c.sds as readonly Float64Array[])[f]),
            'mean',
          ),
        )
      : undefined,
  };
}
