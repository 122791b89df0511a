/**
 * Rough seasonal component for ETS starting values, as R's `forecast:::initstate` gets it:
 * `stats::decompose` when there are at least three seasons, otherwise the residual of a
 * regression on a linear trend and one Fourier pair (`tslm(y ~ trend + fourier(y, 1))`).
 */
import { decompose } from '../decompose.js';
import { cosPi, sinPi } from '../fourier.js';

/**
 * The seasonal component of R's `stats::decompose` (decompose.ts), repeated over the series with
 * position 0 at the first observation. O(n·m).
 */
export function classicalSeasonal(y: ArrayLike<number>, m: number, multiplicative: boolean): Float64Array {
  return decompose(Float64Array.from(y), m, multiplicative ? 'multiplicative' : 'additive').seasonal;
}

/**
 * Seasonal residual of the least-squares fit y_t ~ a + b·t + c·sin(2πt/m) + d·cos(2πt/m),
 * t = 1..n (the sine is dropped when m = 2): y − (a + b·t), or y/(a + b·t) when multiplicative,
 * as in `initstate` for series shorter than three seasons. Normal equations, O(n).
 */
export function fourierSeasonal(y: ArrayLike<number>, m: number, multiplicative: boolean): Float64Array {
  const n = y.length;
  const p = 1 / m;
  const withSin = Math.abs(2 * p - Math.round(2 * p)) > Number.EPSILON;
  const k = withSin ? 4 : 3;
  const A = new Float64Array(k * (k + 1)); // augmented normal equations [XᵀX | Xᵀy]
  const x = new Float64Array(k);
  for (let t = 1; t <= n; t++) {
    x[0] = 1;
    x[1] = t;
    let c = 2;
    if (withSin) x[c++] = sinPi(2 * p * t);
    x[c] = cosPi(2 * p * t);
    for (let r = 0; r < k; r++) {
      for (let s = 0; s < k; s++) A[r * (k + 1) + s] += x[r] * x[s];
      A[r * (k + 1) + k] += x[r] * y[t - 1];
    }
  }
  const beta = solveAugmented(A, k);
  const out = new Float64Array(n);
  for (let t = 1; t <= n; t++) {
    const trend = beta[0] + beta[1] * t;
    out[t - 1] = multiplicative ? y[t - 1] / trend : y[t - 1] - trend;
  }
  return out;
}

/** Gaussian elimination with partial pivoting on a k × (k + 1) augmented matrix. O(k³). */
function solveAugmented(A: Float64Array, k: number): Float64Array {
  const w = k + 1;
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r * w + c]) > Math.abs(A[piv * w + c])) piv = r;
    if (piv !== c) for (let s = 0; s < w; s++) [A[c * w + s], A[piv * w + s]] = [A[piv * w + s], A[c * w + s]];
    const d = A[c * w + c];
    for (let r = c + 1; r < k; r++) {
      const f = A[r * w + c] / d;
      if (f !== 0) for (let s = c; s < w; s++) A[r * w + s] -= f * A[c * w + s];
    }
  }
  const out = new Float64Array(k);
  for (let r = k - 1; r >= 0; r--) {
    let s = A[r * w + k];
    for (let c = r + 1; c < k; c++) s -= A[r * w + c] * out[c];
    out[r] = s / A[r * w + r];
  }
  return out;
}
