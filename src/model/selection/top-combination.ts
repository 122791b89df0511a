import type { Candidate } from './candidate.js';
import { combine } from '../spec.js';

/** The default combination's name, its size, and the order it ranks by before the folds can. */
export const DEFAULT_WINNER = 'combo';
export const TOP_K = 7;
const FALLBACK_ORDER = ['theta', 'ets', 'arima', 'naive', 'stlf', 'ridge_ar', 'snaive', 'mean'];
/** Earlier observed folds needed before the prequential ranking replaces the fixed order. */
const MIN_PRIOR = 3;

/**
 * The default forecast, `combo`: the median of the TOP_K singles with the lowest mean fold loss.
 * A median of the best few methods is what the forecast-combination evidence favours (M3/M4:
 * combining beats picking; the median resists the one member that goes astray, e.g. a trend
 * extrapolated through a break) while the ranking still lets the folds say which families suit
 * the series (statistical models for a seasonal series, regressions for one led by another
 * column, naive for a random walk). Its fold forecasts are prequential: fold f combines the TOP_K
 * best on the earlier folds whose windows had been observed by f's cutoff (a fixed order of robust
 * methods until MIN_PRIOR such folds exist), so its fold losses are honest out-of-sample numbers,
 * comparable with the singles'. The final fit ranks on all folds.
 */
export function topCombination(singles: readonly Candidate[], cutoffs: readonly number[], horizon: number, loss: (c: Candidate) => Float64Array): Candidate {
  const fallback = [...FALLBACK_ORDER.flatMap((name) => singles.filter((c) => c.name === name)), ...singles.filter((c) => !FALLBACK_ORDER.includes(c.name))];
  const ranking = (folds: readonly number[]): Candidate[] => {
    if (folds.length < MIN_PRIOR) return fallback;
    const mean = (c: Candidate) => folds.reduce((acc, g) => acc + loss(c)[g], 0) / folds.length;
    return singles
      .map((c, i) => ({ c, i, l: mean(c) }))
      .sort((a, b) => a.l - b.l || a.i - b.i)
      .map((r) => r.c);
  };
  const top = (ranked: Candidate[]) => ranked.slice(0, TOP_K);
  const parts = top(ranking(cutoffs.map((_, g) => g)));
  const partsAt = cutoffs.map((t) => top(ranking(cutoffs.flatMap((u, g) => (u + horizon <= t ? [g] : [])))));
  return {
    name: DEFAULT_WINNER,
    forecasts: cutoffs.map((_, f) =>
      combine(
        partsAt[f].map((c) => c.forecasts[f]),
        'median',
      ),
    ),
    sds: partsAt.every((ps) => ps.every((c) => c.sds))
      ? cutoffs.map((_, f) =>
          combine(
            partsAt[f].map((c) => (c.sds as readonly Float64Array[])[f]),
            'mean',
          ),
        )
      : undefined,
    fit: () => ({ kind: 'combo', how: 'median', parts: parts.map((c) => c.fit()) }),
  };
}
