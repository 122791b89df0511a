/**
 * y − Xβ for a stream of coefficient vectors, as the optimisers ask for them: the residual is kept
 * for the last β computed in full, and a β that differs from it in one coefficient (every
 * finite-difference step of BFGS and of the Hessian) costs O(n) instead of O(n·k).
 *
 * A class rather than a closure: V8 (Node 20) re-optimises a closure's hot loop for every closure
 * instance, and the order search creates one per fit.
 */

/**
 * The residual of the full coefficient vector `par` (regression coefficients at par[narma…]),
 * returned in a shared, read-only buffer (valid until the next call). Deterministic: the same
 * sequence of calls gives the same bits. O(n) or O(n·k) per call.
 */
export class IncrementalResidual {
  private readonly baseBeta: Float64Array;
  private readonly base: Float64Array;
  private readonly out: Float64Array;

  constructor(
    private readonly y: Float64Array,
    private readonly cols: readonly Float64Array[],
    private readonly narma: number,
  ) {
    this.baseBeta = new Float64Array(cols.length);
    this.base = Float64Array.from(y);
    this.out = new Float64Array(y.length);
  }

  /** y − Xβ for β = par[narma…]. */
  at(par: ArrayLike<number>): Float64Array {
    const { y, cols, narma, baseBeta, base, out } = this;
    const n = y.length,
      k = cols.length;
    let diff = -1,
      ndiff = 0;
    for (let j = 0; j < k; j++)
      if (par[narma + j] !== baseBeta[j]) {
        diff = j;
        ndiff++;
      }
    if (ndiff > 1) {
      base.set(y);
      for (let j = 0; j < k; j++) {
        const b = (baseBeta[j] = par[narma + j]);
        subtractScaled(base, b, cols[j], n);
      }
      diff = -1;
    }
    if (diff < 0) return base;
    const db = par[narma + diff] - baseBeta[diff],
      col = cols[diff];
    for (let t = 0; t < n; t++) out[t] = base[t] - db * col[t];
    return out;
  }
}

/** a ← a − b·x over the first n entries. O(n). */
function subtractScaled(a: Float64Array, b: number, x: Float64Array, n: number): void {
  for (let t = 0; t < n; t++) a[t] -= b * x[t];
}
