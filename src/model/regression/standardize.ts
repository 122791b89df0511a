/**
 * Z-scoring with training statistics only: z = (x − mean) / sd over rows [from, to]. A column
 * that is constant on the training rows gets sd = 1 (it becomes all zeros, so every
 * estimator gives it a zero coefficient) instead of a division by zero. O(n) per column.
 */

export interface Scaling {
  readonly mean: number;
  readonly sd: number;
}

/**
 * Values past 2^500 (≈ 3e150) are scaled by 2^−524 before summing: their squares and sums
 * would overflow to Infinity (a column near ±1e308 gave NaN z-scores and a Cholesky failure).
 * A power of two is exact, and below the threshold nothing is scaled, so ordinary data gives
 * bit-identical results.
 */
const HUGE = 2 ** 500;
const DOWN = 2 ** -524;

/** The factor that keeps sums and squares of col[from..to] away from overflow: 1, or DOWN for huge values. */
export function overflowScale(col: ArrayLike<number>, from: number, to: number): number {
  for (let i = from; i <= to; i++) if (Math.abs(col[i]) > HUGE) return DOWN;
  return 1;
}

/** Mean and population sd of col[from..to], two passes (three for huge values). O(n). */
function meanSd(col: ArrayLike<number>, from: number, to: number): Scaling {
  const n = to - from + 1;
  const k = overflowScale(col, from, to);
  let s = 0;
  for (let i = from; i <= to; i++) s += col[i] * k;
  const mean = s / n;
  let v = 0;
  for (let i = from; i <= to; i++) v += (col[i] * k - mean) ** 2;
  return { mean: mean / k, sd: Math.sqrt(v / n) / k };
}

/** Mean and population sd of col[from..to]; sd = 1 for a constant column. */
export function fitScaling(col: ArrayLike<number>, from: number, to: number): Scaling {
  const { mean, sd } = meanSd(col, from, to);
  return { mean, sd: sd > 1e-12 * (Math.abs(mean) + 1) ? sd : 1 };
}

/** Whether a column is (near) constant on the rows: sd ≤ 1e-8·(|mean| + 1). */
export function nearZeroVariance(col: ArrayLike<number>, from: number, to: number): boolean {
  const { mean, sd } = meanSd(col, from, to);
  return sd <= 1e-8 * (Math.abs(mean) + 1);
}

/** The z-scores of col[from..to] (a new array of to−from+1 values); x − mean computed scaled when huge. */
export function applyScaling(col: ArrayLike<number>, from: number, to: number, s: Scaling): Float64Array {
  const out = new Float64Array(to - from + 1);
  const k = Math.abs(s.mean) > HUGE || s.sd > HUGE ? DOWN : 1;
  const mean = s.mean * k,
    sd = s.sd * k;
  for (let i = from; i <= to; i++) out[i - from] = (col[i] * k - mean) / sd;
  return out;
}
