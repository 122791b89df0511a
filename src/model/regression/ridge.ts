/**
 * Ridge regression without intercept (features are centred beforehand):
 *   β(λ) = argmin ‖y − Xβ‖² + λ‖β‖² = (XᵀX + λI)⁻¹Xᵀy = Xᵀ(XXᵀ + λI)⁻¹y.
 * The path form decomposes the smaller of XᵀX (p ≤ n, primal) and XXᵀ (p > n, dual/kernel)
 * once, O(min(n,p)³ + n·p·min(n,p)), after which each penalty and each response costs only
 * O(min(n,p)² + n·p) — this is what keeps thousands of features × several penalties cheap.
 */
import { choleskySolve } from '../linalg/cholesky.js';
import { gram, kernel, xty } from './gram.js';
import { symEigen } from '../linalg/sym-eigen.js';

/**
 * Coefficients [λ][response] for every penalty in `lambdas` and every response in `ys`.
 * `xtx`: XᵀX of `cols` when the caller already has it (used when p ≤ n).
 */
export function ridgePath(
  cols: readonly Float64Array[],
  ys: readonly Float64Array[],
  lambdas: readonly number[],
  xtx?: readonly Float64Array[],
): Float64Array[][] {
  const p = cols.length;
  const n = ys[0]?.length ?? 0;
  if (p === 0) return lambdas.map(() => ys.map(() => new Float64Array(0)));
  if (p <= n) {
    const { values, vectors: v } = symEigen(xtx ?? gram(cols));
    const zs = ys.map((y) => project(v, xty(cols, y)));
    return lambdas.map((lam) => zs.map((z) => expand(v, z, values, lam)));
  }
  const { values, vectors: u } = symEigen(kernel(cols, n));
  const ws = ys.map((y) => project(u, y));
  return lambdas.map((lam) => ws.map((w) => xty(cols, expand(u, w, values, lam))));
}

/** Single-penalty fit by Cholesky in the smaller dimension. O(min(n,p)³ + n·p·min(n,p)). */
export function ridgeFit(cols: readonly Float64Array[], ys: readonly Float64Array[], lambda: number): Float64Array[] {
  const p = cols.length;
  const n = ys[0]?.length ?? 0;
  if (p === 0) return ys.map(() => new Float64Array(0));
  const lam = Math.max(lambda, 1e-10);
  if (p <= n) {
    const g = gram(cols);
    for (let j = 0; j < p; j++) g[j][j] += lam;
    return choleskySolve(
      g,
      ys.map((y) => xty(cols, y)),
    );
  }
  const k = kernel(cols, n);
  for (let i = 0; i < n; i++) k[i][i] += lam;
  return choleskySolve(k, ys).map((a) => xty(cols, a));
}

/** Vᵀb for eigenvector columns V. O(m²). */
function project(v: readonly Float64Array[], b: ArrayLike<number>): Float64Array {
  const m = v.length;
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const vi = v[i];
    const bi = b[i];
    for (let j = 0; j < m; j++) z[j] += vi[j] * bi;
  }
  return z;
}

/** V·diag(1/(values+λ))·z, dropping directions with a non-positive denominator. O(m²). */
function expand(v: readonly Float64Array[], z: Float64Array, values: Float64Array, lam: number): Float64Array {
  const m = v.length;
  const s = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const den = Math.max(values[j], 0) + lam;
    s[j] = den > 1e-12 ? z[j] / den : 0;
  }
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const vi = v[i];
    let t = 0;
    for (let j = 0; j < m; j++) t += vi[j] * s[j];
    out[i] = t;
  }
  return out;
}
