/**
 * Z-scoring with training statistics only: z = (x − mean) / sd over rows [from, to]. A column
 * that is constant on the training rows gets sd = 1 (it becomes all zeros, so every
 * estimator gives it a zero coefficient) instead of a division by zero. O(n) per column.
 */

export interface Scaling {
  readonly mean: number;
  readonly sd: number;
}

/** Mean and population sd of col[from..to], two passes. O(n). */
function meanSd(col: ArrayLike<number>, from: number, to: number): Scaling {
  const n = to - from + 1;
  let s = 0;
  for (let i = from; i <= to; i++) s += col[i];
  const mean = s / n;
  let v = 0;
  for (let i = from; i <= to; i++) v += (col[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(v / n) };
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

/** The z-scores of col[from..to] (a new array of to−from+1 values). */
export function applyScaling(col: ArrayLike<number>, from: number, to: number, s: Scaling): Float64Array {
  const out = new Float64Array(to - from + 1);
  for (let i = from; i <= to; i++) out[i - from] = (col[i] - s.mean) / s.sd;
  return out;
}
