/**
 * Guerrero's (1993) choice of the Box–Cox λ: the power that makes the coefficient of variation of
 * sd/mean^{1−λ} across seasonal subseries smallest (V. M. Guerrero, *Time-series analysis
 * supported by power transformations*, J. Forecasting 12:37–48), as
 * `forecast::BoxCox.lambda(x, method = "guerrero")` computes it (R/guerrero.R).
 */
import { brentMin } from './optim/brent.js';

/** R's round(): halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Mean and sd (n − 1) of the non-NaN values of x[from, from + len) with stride 1. */
function meanSd(x: ArrayLike<number>, from: number, len: number): [number, number] {
  let s = 0;
  let m = 0;
  for (let i = from; i < from + len; i++)
    if (!Number.isNaN(x[i])) {
      s += x[i];
      m++;
    }
  const mean = s / m;
  let ss = 0;
  for (let i = from; i < from + len; i++) if (!Number.isNaN(x[i])) ss += (x[i] - mean) * (x[i] - mean);
  return [mean, m > 1 ? Math.sqrt(ss / (m - 1)) : NaN];
}

/**
 * The criterion `guer.cv`: the last ⌊n/p⌋ whole periods (p = round(max(2, period))) are split into
 * subseries of p points; with their means m_j and sds s_j, r_j = s_j / m_j^{1−λ}, the value is
 * sd(r)/mean(r) (NaN values skipped). O(n).
 */
export function guerreroCv(y: Float64Array, period: number, lambda: number): number {
  const p = roundHalfEven(Math.max(2, period));
  const n = y.length;
  const nyr = Math.floor(n / p);
  const start = n - nyr * p;
  const rat = new Float64Array(nyr);
  for (let j = 0; j < nyr; j++) {
    const [mean, sd] = meanSd(y, start + j * p, p);
    rat[j] = sd / mean ** (1 - lambda);
  }
  const [mean, sd] = meanSd(rat, 0, nyr);
  return sd / mean;
}

/**
 * Guerrero's Box–Cox λ in [lower, upper], minimising {@link guerreroCv} with Brent's method at R's
 * tolerance ε^{1/4}, like forecast::BoxCox.lambda(method = "guerrero"): with any y ≤ 0 the lower
 * bound is raised to 0, and a series of at most two periods gets λ = 1.
 * Cost O(n) per evaluation, about 10–30 evaluations.
 * @example guerreroLambda(monthly, 12) // e.g. −0.19 for ldeaths
 */
export function guerreroLambda(y: Float64Array, period: number, lower = -1, upper = 2): number {
  let lo = lower;
  for (let i = 0; i < y.length; i++)
    if (y[i] <= 0) {
      lo = Math.max(lo, 0);
      break;
    }
  if (y.length <= 2 * period) return 1;
  return brentMin((lam) => guerreroCv(y, period, lam), lo, upper).x;
}
