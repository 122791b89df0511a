/**
 * Sample autocorrelations and the seasonality test of the classical Theta method.
 */

/**
 * Sample autocorrelations r_1 … r_maxLag of y[0..n−1], as R's `acf`:
 * r_k = Σ_{i<n−k} (y_i − ȳ)(y_{i+k} − ȳ) / Σ_i (y_i − ȳ)². Zero for a constant series. O(n·maxLag).
 * @example acf([1, 2, 3, 4], 1) // Float64Array [0.25]
 */
export function acf(y: ArrayLike<number>, maxLag: number, n = y.length): Float64Array {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += (y[i] - mean) ** 2;
  const r = new Float64Array(maxLag);
  if (!(c0 > 0)) return r;
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let i = 0; i + k < n; i++) s += (y[i] - mean) * (y[i + k] - mean);
    r[k - 1] = s / c0;
  }
  return r;
}

/** Φ⁻¹(0.95): the one-sided 90 % two-sided critical value of the Theta seasonality test. */
const Z90 = 1.6448536269514722;

/**
 * The seasonality test of Assimakopoulos & Nikolopoulos (2000), as `forecast::thetaf` applies
 * it: seasonal when |r_m| exceeds 1.645 standard errors of Bartlett's formula,
 * se = √((1 + 2·Σ_{k<m} r_k²)/n), with more than two full seasons of data. O(n·m).
 */
export function isSeasonal(y: ArrayLike<number>, period: number, n = y.length): boolean {
  if (!(period > 1) || n <= 2 * period) return false;
  const r = acf(y, period, n);
  let s = 0;
  for (let k = 0; k < period - 1; k++) s += r[k] * r[k];
  const se = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[period - 1]) / se > Z90;
}
