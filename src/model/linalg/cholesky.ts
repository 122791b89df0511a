/**
 * Cholesky factorisation A = LLᵀ of a symmetric positive-definite matrix and the solve
 * A X = B for several right-hand sides. O(n³/3) + O(n²·k).
 */

/** Solves A·x = b for each column b of `rhs` (arrays of length n). Throws if A is not SPD. */
export function choleskySolve(a: readonly Float64Array[], rhs: readonly Float64Array[]): Float64Array[] {
  const n = a.length;
  const l = a.map(() => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    const lj = l[j];
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= lj[k] * lj[k];
    if (!(d > 0)) throw new Error('cholesky: matrix not positive definite');
    const djj = Math.sqrt(d);
    lj[j] = djj;
    for (let i = j + 1; i < n; i++) {
      const li = l[i];
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= li[k] * lj[k];
      li[j] = s / djj;
    }
  }
  return rhs.map((b) => {
    const x = Float64Array.from(b);
    for (let i = 0; i < n; i++) {
      let s = x[i];
      for (let k = 0; k < i; k++) s -= l[i][k] * x[k];
      x[i] = s / l[i][i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i];
      for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    return x;
  });
}
