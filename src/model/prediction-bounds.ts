/**
 * How far a regressor may leave the range it was fitted on when a forecast is made. A model is
 * only trusted near its data: a column that sat near 0 for a year and then jumps (a new word, a
 * one-off event) would otherwise be multiplied by a coefficient fitted on noise, hundreds of sds
 * out, and the forecast would leave any plausible range. Used by the regressions' designs and by
 * the regression with ARIMA errors.
 */

export interface Bounds {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Widening, in training ranges: another series by a quarter range (a regression on another
 * column barely extrapolates past what it was fitted on), the target's own level, changes and
 * deviations by up to 3 ranges, because a break in the target itself is what the change models
 * must follow. Chosen on rolling-origin backtests of all 80 demo keywords across the COVID-19
 * break (scripts/experiments/all-keywords.ts; geometric mean of MAE / naive MAE): 1.021 without
 * clipping (one keyword at 7× naive's error), 0.987 with other columns held to their range,
 * 0.985 / 0.983 / 0.984 / 0.984 with the target's features at 2 / 3 / 4 / 6 ranges, and 0.982
 * with other columns at 0.25, which also keeps the simulated leading regressor's coverage.
 */
export const WIDEN_OTHER = 0.25;
export const WIDEN_TARGET = 3;

/** The training range of col[from…to] (finite values) widened by `widen` × (max − min) on each side. O(n). */
export function predictionBounds(col: ArrayLike<number>, from: number, to: number, widen: number): Bounds {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = from; i <= to; i++) {
    if (col[i] < lo) lo = col[i];
    if (col[i] > hi) hi = col[i];
  }
  const r = hi - lo;
  return { lo: lo - widen * r, hi: hi + widen * r };
}

export function clip(v: number, b: Bounds): number {
  return v < b.lo ? b.lo : v > b.hi ? b.hi : v;
}
