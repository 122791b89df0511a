/**
 * Classical decomposition by moving averages, as R's `stats::decompose` (src/library/stats/R/
 * decompose.R; Kendall & Stuart 1983, *The Advanced Theory of Statistics* vol. 3, §46).
 */
import { inputError } from '../../errors.js';

/** R's `type`: y = T + S + e or y = T·S·e. */
export type DecomposeType = 'additive' | 'multiplicative';

/** The components of {@link decompose}, as R's `decomposed.ts` (random is R's name for the remainder). */
export interface DecomposeResult {
  /** Centred moving average; NaN for the ⌊period/2⌋ points at each end. */
  trend: Float64Array;
  /** The seasonal figure repeated over the series. */
  seasonal: Float64Array;
  /** y − seasonal − trend (additive) or y / seasonal / trend (multiplicative); NaN where trend is. */
  random: Float64Array;
  /** The `period` seasonal indices, summing to 0 (additive) or averaging 1 (multiplicative). */
  figure: Float64Array;
}

/**
 * Decomposes y = T + S + e (or T·S·e): T is the centred moving average with weights
 * (½, 1, …, 1, ½)/p for even p and 1/p for odd p (R's `filter(x, f, sides = 2)`, NaN where the
 * window leaves the series or meets a NaN); the figure is the mean of the detrended values at each
 * position (NaN skipped), centred to mean 0 or scaled to mean 1. NaN in y is allowed as in R.
 * Requires an integer period ≥ 2 and at least 2·period non-NaN values. O(n·period).
 * @example decompose(y, 12, 'multiplicative').figure
 */
export function decompose(y: Float64Array, period: number, type: DecomposeType = 'additive'): DecomposeResult {
  const n = y.length;
  const f = period;
  let finite = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(y[i])) finite++;
  if (!Number.isInteger(f) || f < 2) throw inputError('decompose_period', `decompose needs an integer period >= 2, got ${period}`);
  if (finite < 2 * f) throw inputError('decompose_short', `decompose needs at least two periods of data (${finite} values, period ${f})`);
  const nf = f % 2 === 0 ? f + 1 : f;
  const filter = new Float64Array(nf).fill(1 / f);
  if (f % 2 === 0) filter[0] = filter[nf - 1] = 0.5 / f;
  const shift = nf >> 1;
  const trend = new Float64Array(n).fill(NaN);
  for (let i = shift; i < n - shift; i++) {
    let z = 0;
    for (let j = 0; j < nf; j++) z += filter[j] * y[i + shift - j]; // NaN propagates, as in R's cfilter
    trend[i] = z;
  }
  const mult = type === 'multiplicative';
  const figure = new Float64Array(f);
  for (let p = 0; p < f; p++) {
    let s = 0;
    let m = 0;
    for (let i = p; i < n; i += f) {
      const v = mult ? y[i] / trend[i] : y[i] - trend[i];
      if (!Number.isNaN(v)) {
        s += v;
        m++;
      }
    }
    figure[p] = s / m;
  }
  let sum = 0;
  for (let p = 0; p < f; p++) sum += figure[p];
  const mean = sum / f;
  for (let p = 0; p < f; p++) figure[p] = mult ? figure[p] / mean : figure[p] - mean;
  const seasonal = new Float64Array(n);
  const random = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    seasonal[i] = figure[i % f];
    random[i] = mult ? y[i] / seasonal[i] / trend[i] : y[i] - seasonal[i] - trend[i];
  }
  return { trend, seasonal, random, figure };
}
