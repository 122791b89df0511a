/**
 * Fourier terms for harmonic regression, as `forecast::fourier(x, K, h)` builds them
 * (R/season.R, `...fourier`): for each period m and k = 1..K, sin(2πkt/m) and cos(2πkt/m).
 */
import { inputError } from '../../errors.js';

/** The regressors of {@link fourierTerms}: R's column names and the columns. */
export interface FourierTerms {
  /** R's column names: `S<k>-<round(m)>` and `C<k>-<round(m)>`. */
  labels: string[];
  /** One array of n values per column, rows t = offset + 1 … offset + n. */
  columns: Float64Array[];
}

/** sin(πx), exact at multiples of ½ (R's `sinpi`). */
export function sinPi(x: number): number {
  let r = x % 2;
  if (r <= -1) r += 2;
  else if (r > 1) r -= 2;
  if (r === 0 || r === 1) return 0;
  if (r === 0.5) return 1;
  if (r === -0.5) return -1;
  return Math.sin(Math.PI * r);
}

/** cos(πx), exact at multiples of ½ (R's `cospi`). */
export function cosPi(x: number): number {
  const r = Math.abs(x) % 2;
  if (r % 1 === 0.5) return 0;
  if (r === 1) return -1;
  if (r === 0) return 1;
  return Math.cos(Math.PI * r);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Fourier regressors at times t = offset + 1 … offset + n for one or several (possibly
 * non-integer) periods m_j with orders K_j (2·K_j ≤ m_j): columns sin(2πkt/m), cos(2πkt/m) for
 * k = 1..K_j, computed with sinpi/cospi as R does. A frequency k/m repeated across periods is kept
 * once, and the sine is dropped where 2k/m is an integer (it is identically zero, as at k = m/2).
 * `fourier(x, K)` is `fourierTerms(length(x), m, K)`; `fourier(x, K, h)` is `fourierTerms(h, m, K, length(x))`.
 * O(n·ΣK).
 * @example fourierTerms(520, 365.25 / 7, 3).labels // ['S1-52', 'C1-52', …, 'C3-52']
 */
export function fourierTerms(n: number, period: number | readonly number[], K: number | readonly number[], offset = 0): FourierTerms {
  const periods = typeof period === 'number' ? [period] : period;
  const orders = typeof K === 'number' ? [K] : K;
  if (periods.length !== orders.length) throw inputError('fourier_orders', `fourier: ${periods.length} periods but ${orders.length} orders`);
  const freqs: number[] = [];
  const names: string[] = [];
  for (let j = 0; j < periods.length; j++) {
    if (2 * orders[j] > periods[j]) throw inputError('fourier_order', `fourier: K = ${orders[j]} is greater than period/2 (period ${periods[j]})`);
    for (let k = 1; k <= orders[j]; k++) {
      const p = k / periods[j];
      if (freqs.includes(p)) continue;
      freqs.push(p);
      names.push(`${k}-${roundHalfEven(periods[j])}`);
    }
  }
  const labels: string[] = [];
  const columns: Float64Array[] = [];
  for (let j = 0; j < freqs.length; j++) {
    const p = freqs[j];
    if (Math.abs(2 * p - Math.round(2 * p)) > Number.EPSILON) {
      labels.push(`S${names[j]}`);
      columns.push(Float64Array.from({ length: n }, (_, i) => sinPi(2 * p * (offset + i + 1))));
    }
    labels.push(`C${names[j]}`);
    columns.push(Float64Array.from({ length: n }, (_, i) => cosPi(2 * p * (offset + i + 1))));
  }
  return { labels, columns };
}
