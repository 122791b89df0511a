/**
 * Ordinary least squares by Householder QR (Golub & Van Loan 2013, §5.3), what R's `lm` reports for
 * the regression starts of `arima` and the auxiliary regressions of the unit-root tests: coefficients,
 * their standard errors √(σ̂²·[(XᵀX)⁻¹]_jj) with σ̂² = RSS/(n − k), residuals and the rank.
 */

/** An `lm` fit: `rank < k` means a column was (numerically) a combination of earlier ones. */
export interface LeastSquaresFit {
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly residuals: Float64Array;
  readonly rss: number;
  readonly nobs: number;
  readonly rank: number;
}

/** √Σx², as `Math.hypot` (scaled by the largest magnitude, so it neither overflows nor underflows). O(n). */
function norm2(x: Float64Array): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > big) big = a;
  }
  if (big === 0 || !Number.isFinite(big)) return big;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] / big;
    s += v * v;
  }
  return big * Math.sqrt(s);
}

/** z ← (I − 2vvᵀ/‖v‖²) z on rows r…n−1, v = c[r…n−1]. O(n). */
function reflect(c: Float64Array, z: Float64Array, r: number, n: number, vnorm2: number): void {
  let dot = 0;
  for (let i = r; i < n; i++) dot += c[i] * z[i];
  const f = (2 * dot) / vnorm2;
  for (let i = r; i < n; i++) z[i] -= f * c[i];
}

/**
 * Regresses y on the columns X (no intercept is added), dropping rows with a NaN (R's `na.omit`).
 * A column whose Householder pivot falls below 1e-7 of its norm (R's `lm` tolerance) counts as
 * dependent: its coefficient and standard error are NaN and the rank drops. O(n·k²).
 */
export function leastSquares(X: readonly ArrayLike<number>[], y: ArrayLike<number>): LeastSquaresFit {
  const k = X.length,
    N = y.length;
  const rows: number[] = [];
  for (let i = 0; i < N; i++) {
    let ok = !Number.isNaN(y[i]);
    for (let j = 0; j < k && ok; j++) if (Number.isNaN(X[j][i])) ok = false;
    if (ok) rows.push(i);
  }
  const n = rows.length;
  const gather = (col: ArrayLike<number>) => {
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) out[t] = col[rows[t]];
    return out;
  };
  const A = X.map(gather);
  const b = gather(y);
  const norms = A.map(norm2);
  const diag = new Float64Array(k);
  const dependent = new Uint8Array(k);
  let rank = 0;
  for (let j = 0; j < k; j++) {
    const c = A[j];
    let s = 0;
    for (let i = rank; i < n; i++) s += c[i] * c[i];
    const alpha = Math.sqrt(s);
    if (!(alpha > 1e-7 * norms[j]) || rank >= n) {
      dependent[j] = 1;
      continue;
    }
    const r = rank;
    const a0 = c[r] >= 0 ? -alpha : alpha;
    const v0 = c[r] - a0;
    const vnorm2 = s - c[r] * c[r] + v0 * v0;
    c[r] = v0;
    for (let jj = j + 1; jj < k; jj++) reflect(c, A[jj], r, n, vnorm2);
    reflect(c, b, r, n, vnorm2);
    diag[j] = a0;
    // Keep R's row r of column j as the diagonal; the Householder vector stays below (unused later).
    rank++;
  }
  // R (rank×rank upper triangle over the independent columns) and Qᵀb.
  const idx: number[] = [];
  for (let j = 0; j < k; j++) if (!dependent[j]) idx.push(j);
  const Rm = (i: number, jj: number) => (i === jj ? diag[idx[jj]] : A[idx[jj]][i]);
  const beta = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = b[i];
    for (let jj = i + 1; jj < rank; jj++) s -= Rm(i, jj) * beta[jj];
    beta[i] = s / Rm(i, i);
  }
  let rss = 0;
  for (let i = rank; i < n; i++) rss += b[i] * b[i];
  // (RᵀR)⁻¹ diagonal = row norms² of R⁻¹.
  const Rinv = new Float64Array(rank * rank);
  for (let c = 0; c < rank; c++) {
    Rinv[c * rank + c] = 1 / Rm(c, c);
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let jj = i + 1; jj <= c; jj++) s += Rm(i, jj) * Rinv[jj * rank + c];
      Rinv[i * rank + c] = -s / Rm(i, i);
    }
  }
  const sigma2 = n > rank ? rss / (n - rank) : NaN;
  const coef = new Float64Array(k).fill(NaN),
    se = new Float64Array(k).fill(NaN);
  for (let i = 0; i < rank; i++) {
    coef[idx[i]] = beta[i];
    let s = 0;
    for (let c = i; c < rank; c++) s += Rinv[i * rank + c] ** 2;
    se[idx[i]] = Math.sqrt(sigma2 * s);
  }
  const residuals = new Float64Array(N).fill(NaN);
  for (let t = 0; t < n; t++) {
    let fit = 0;
    for (let j = 0; j < k; j++) if (!dependent[j]) fit += X[j][rows[t]] * coef[j];
    residuals[rows[t]] = y[rows[t]] - fit;
  }
  return { coef, se, residuals, rss, nobs: n, rank };
}
