/**
 * y − Xβ for a stream of coefficient vectors, as the optimisers ask for them: the residual is kept
 * for the last β computed in full, and a β that differs from it in one coefficient (every
 * finite-difference step of BFGS and of the Hessian) costs O(n) instead of O(n·k).
 */

/**
 * Returns a function of the full coefficient vector `par` (regression coefficients at
 * par[narma…]) that yields y − Xβ in a shared, read-only buffer (valid until the next call). Deterministic:
 * the same sequence of calls gives the same bits. O(n) or O(n·k) per call.
 */
export function incrementalResidual(
  y: Float64Array, cols: readonly Float64Array[], narma: number,
): (par: ArrayLike<number>) => Float64Array {
  const n = y.length, k = cols.length;
  const baseBeta = new Float64Array(k);
  const base = Float64Array.from(y);
  const out = new Float64Array(n);
  return (par) => {
    let diff = -1, ndiff = 0;
    for (let j = 0; j < k; j++) if (par[narma + j] !== baseBeta[j]) { diff = j; ndiff++; }
    if (ndiff > 1) {
      base.set(y);
      for (let j = 0; j < k; j++) {
        const b = (baseBeta[j] = par[narma + j]), col = cols[j];
        for (let t = 0; t < n; t++) base[t] -= b * col[t];
      }
      diff = -1;
    }
    if (diff < 0) return base;
    const db = par[narma + diff] - baseBeta[diff], col = cols[diff];
    for (let t = 0; t < n; t++) out[t] = base[t] - db * col[t];
    return out;
  };
}
