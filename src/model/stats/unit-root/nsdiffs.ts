/**
 * forecast's `nsdiffs` (R/unitRoot.R): the number of seasonal differences D ≤ maxD, by the
 * seasonal-strength heuristic (`test = "seas"`, default: difference when the MSTL strength of
 * seasonality exceeds 0.64; Wang, Smith & Hyndman 2006) or the OCSB test.
 */
import { seasonalStrength } from '../seasonal-strength.js';
import { isConstant } from '../is-constant.js';
import { ocsbCriticalValue, ocsbStatistic } from './ocsb.js';

/** Which seasonal test decides. */
export type SeasonalTest = 'seas' | 'ocsb';

/**
 * D for a series of period m: 0 when y is constant or m ≥ n; each test that fails (throws) counts as
 * "no difference", as R's `tryCatch` does. Cost: one MSTL (seas) or 4 small regressions (ocsb) per test.
 */
export function nsdiffs(y: ArrayLike<number>, m: number, test: SeasonalTest = 'seas', maxD = 1): number {
  let x = Float64Array.from(y);
  let D = 0;
  if (isConstant(x)) return D;
  if (m <= 1 || m >= x.length) return 0;
  const period = Math.round(m);
  const run = (s: Float64Array): boolean => {
    try {
      if (test === 'seas') return seasonalStrength(s, m) > 0.64;
      return ocsbStatistic(s, period, 3) > ocsbCriticalValue(period);
    } catch {
      return false;
    }
  };
  let dodiff = run(x);
  while (dodiff && D < maxD) {
    D++;
    const next = new Float64Array(Math.max(x.length - period, 0));
    for (let i = 0; i < next.length; i++) next[i] = x[i + period] - x[i];
    x = next;
    if (isConstant(x)) return D;
    dodiff = x.length >= 2 * period && D < maxD ? run(x) : false;
  }
  return D;
}
