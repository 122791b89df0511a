/**
 * Strength of seasonality from an MSTL decomposition, the heuristic `seas.heuristic` behind
 * `forecast::nsdiffs(x, test = "seas")` (R/unitRoot.R; Wang, Smith & Hyndman 2006,
 * *Characteristic-based clustering for time series data*, Data Min. Knowl. Disc. 13:335–364):
 * nsdiffs takes one seasonal difference when the strength exceeds 0.64.
 */
import { mstl } from './mstl.js';

function variance(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const m = s / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) * (x[i] - m);
  return ss / (x.length - 1);
}

function strength(remainder: Float64Array, seasonal: Float64Array): number {
  const sum = new Float64Array(remainder.length);
  for (let i = 0; i < sum.length; i++) sum[i] = remainder[i] + seasonal[i];
  return Math.max(0, Math.min(1, 1 - variance(remainder) / variance(sum)));
}

/**
 * F_S = max(0, min(1, 1 − var(R)/var(R + S))) with S and R the seasonal and remainder of
 * mstl(ts(y, frequency = period)) (one STL fit, s.window = 11). Throws input.stl_period when
 * n ≤ 2·period (nsdiffs then keeps D = 0); NaN for a constant series, as in R (nsdiffs returns 0
 * before asking). O(n·window) for the STL fit.
 * @example seasonalStrength(monthly, 12) > 0.64 // take a seasonal difference
 */
export function seasonalStrength(y: Float64Array, period: number): number {
  const d = mstl(y, period);
  return strength(d.remainder, d.seasonals[0]);
}

/**
 * The strength F_S of each period of mstl(msts(y, periods)) (periods ≥ n/2 dropped, ascending),
 * as seas.heuristic returns for an msts series. O(n·window·periods).
 */
export function seasonalStrengths(y: Float64Array, periods: readonly number[]): { periods: number[]; strength: number[] } {
  const d = mstl(y, periods);
  return { periods: d.periods, strength: d.seasonals.map((s) => strength(d.remainder, s)) };
}
