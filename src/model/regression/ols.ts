/**
 * Ordinary least squares, β = (XᵀX)⁻¹Xᵀy, through ml-regression-multivariate-linear (SVD of
 * XᵀX, so rank-deficient designs get the pseudo-inverse solution). O(n·p² + p³). When there
 * are at least as many columns as rows (XᵀX is singular: the original pipeline's "every column"
 * model on a short history) or more than MAX_DIRECT columns, the same minimum-norm solution is
 * taken from the n×n kernel instead (ridge with a vanishing penalty), O(n²·p): the p×p SVD
 * would dominate a training run for the same answer.
 */
import MLR from 'ml-regression-multivariate-linear';
import { ridgeFit } from './ridge.js';

const MAX_DIRECT = 300;

export interface OlsFit {
  /** Coefficients per response. */
  readonly coef: Float64Array[];
  /** Intercept per response (0 without intercept). */
  readonly intercept: number[];
}

/** Fits every response in `ys` on the columns `cols` (n rows each). */
export function olsFit(cols: readonly Float64Array[], ys: readonly Float64Array[], intercept: boolean): OlsFit {
  const p = cols.length;
  const n = ys[0]?.length ?? 0;
  if (p === 0 || n === 0) {
    return { coef: ys.map(() => new Float64Array(p)), intercept: ys.map((y) => (intercept && n > 0 ? mean(y) : 0)) };
  }
  if (p + (intercept ? 1 : 0) <= Math.min(MAX_DIRECT, n - 1)) {
    const x = Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
    const y = Array.from({ length: n }, (_, i) => ys.map((c) => c[i]));
    const w = new MLR(x, y, { intercept, statistics: false }).weights;
    return {
      coef: ys.map((_, h) => Float64Array.from({ length: p }, (_, j) => w[j][h])),
      intercept: ys.map((_, h) => (intercept ? w[p][h] : 0)),
    };
  }
  const mx = cols.map((c) => (intercept ? mean(c) : 0));
  const cc = cols.map((c, j) => c.map((v) => v - mx[j]));
  const my = ys.map((y) => (intercept ? mean(y) : 0));
  const yc = ys.map((y, h) => y.map((v) => v - my[h]));
  let tr = 0;
  for (const c of cc) for (const v of c) tr += v * v;
  const coef = ridgeFit(cc, yc, 1e-9 * (tr / Math.max(1, Math.min(n, p))) + 1e-12);
  return { coef, intercept: coef.map((b, h) => my[h] - mx.reduce((s, m, j) => s + m * b[j], 0)) };
}

function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return a.length > 0 ? s / a.length : 0;
}
