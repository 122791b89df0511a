/**
 * Cross-products of a design held as columns (cols[j][i] = x_ij, n rows, p columns).
 * Column-major storage keeps the inner loops contiguous.
 */

/** XᵀX (p×p). O(n·p²/2). */
export function gram(cols: readonly Float64Array[]): Float64Array[] {
  const p = cols.length;
  const g = cols.map(() => new Float64Array(p));
  for (let j = 0; j < p; j++) {
    const cj = cols[j];
    for (let k = 0; k <= j; k++) {
      const ck = cols[k];
      let s = 0;
      for (let i = 0; i < cj.length; i++) s += cj[i] * ck[i];
      g[j][k] = s;
      g[k][j] = s;
    }
  }
  return g;
}

/**
 * XXᵀ (n×n), the linear kernel. O(p·n²/2). The design is first copied row-major so every
 * entry is one contiguous dot product (several times faster than column updates).
 */
export function kernel(cols: readonly Float64Array[], n: number): Float64Array[] {
  const p = cols.length;
  const rows = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const c = cols[j];
    for (let i = 0; i < n; i++) rows[i * p + j] = c[i];
  }
  const k = Array.from({ length: n }, () => new Float64Array(n));
  // 2×2 blocks: four dot products share each pair of row loads (about twice as fast).
  for (let a = 0; a < n; a += 2) {
    const a1 = Math.min(a + 1, n - 1);
    const oa = a * p,
      oa1 = a1 * p;
    for (let b = 0; b <= a1; b += 2) {
      const b1 = Math.min(b + 1, n - 1);
      const ob = b * p,
        ob1 = b1 * p;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0;
      for (let j = 0; j < p; j++) {
        const x0 = rows[oa + j],
          x1 = rows[oa1 + j],
          y0 = rows[ob + j],
          y1 = rows[ob1 + j];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      k[a][b] = s00;
      k[b][a] = s00;
      k[a][b1] = s01;
      k[b1][a] = s01;
      k[a1][b] = s10;
      k[b][a1] = s10;
      k[a1][b1] = s11;
      k[b1][a1] = s11;
    }
  }
  return k;
}

/** Xᵀy (p). O(n·p). */
export function xty(cols: readonly Float64Array[], y: ArrayLike<number>): Float64Array {
  const out = new Float64Array(cols.length);
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i] * y[i];
    out[j] = s;
  }
  return out;
}

/** x·β. O(p). */
export function dot(x: ArrayLike<number>, beta: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += x[j] * beta[j];
  return s;
}
