/**
 * forecast's `ndiffs` with its default KPSS test (Hyndman & Khandakar 2008, §3.2): difference while
 * the KPSS level test rejects stationarity at level α.
 */
import { isConstant } from '../is-constant.js';
import { kpssPValue, kpssStatistic } from './kpss.js';

/**
 * The number of first differences d ≤ maxD that makes y level-stationary by repeated KPSS tests
 * (p-value < α, α clamped to [0.01, 0.1]); stops early when the differenced series is constant.
 * NaNs are dropped first. O(maxD·n·√n).
 */
export function ndiffs(y: ArrayLike<number>, alpha = 0.05, maxD = 2): number {
  const a = Math.min(0.1, Math.max(0.01, alpha));
  let x = Float64Array.from(Array.from(y).filter((v) => !Number.isNaN(v)));
  let d = 0;
  if (isConstant(x)) return d;
  const reject = (s: Float64Array) => {
    const stat = kpssStatistic(s);
    return Number.isNaN(stat) ? null : kpssPValue(stat) < a;
  };
  let dodiff = reject(x);
  if (dodiff === null) return d;
  while (dodiff && d < maxD) {
    d++;
    const next = new Float64Array(x.length - 1);
    for (let i = 0; i < next.length; i++) next[i] = x[i + 1] - x[i];
    x = next;
    if (isConstant(x)) return d;
    dodiff = reject(x);
    if (dodiff === null) return d - 1;
  }
  return d;
}
