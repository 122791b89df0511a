/**
 * The loess smoother inside STL: a port of `stlest` and `stless` from `stl.f` in R's sources
 * (src/library/stats/src/stl.f, netlib `stl` by Cleveland, Cleveland, McRae & Terpenning 1990,
 * double precision by B.D. Ripley, restructured by M. Maechler). Positions are the 1-based
 * abscissae 1..n of the Fortran; arrays are 0-based. No allocation: the caller owns the scratch.
 */

/**
 * One local fit at abscissa `xs` over the points `nleft..nright` (1-based, inclusive) of
 * `y[0..n)`: tricube weights (1 − (|j − xs|/h)³)³ with h = max(xs − nleft, nright − xs), widened
 * by ⌊(len − n)/2⌋ when the span exceeds the series, times the robustness weights `rw` when given;
 * degree 1 adds the weighted linear term (skipped when the weighted spread √c ≤ 0.001·(n − 1)).
 * `w` is scratch of length ≥ n. Returns NaN when every weight is zero (Fortran's `ok = .false.`).
 * O(nright − nleft).
 */
export function loessAt(
  y: Float64Array,
  n: number,
  len: number,
  deg: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  rw: Float64Array | null,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    let wj = 0;
    if (r <= h9) {
      if (r <= h1) wj = 1;
      else {
        const q = r / h;
        const t = 1 - q * q * q;
        wj = t * t * t;
      }
      if (rw !== null) wj *= rw[j - 1];
      a += wj;
    }
    w[j - 1] = wj;
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] /= a;
  if (h > 0 && deg > 0) {
    let m = 0;
    for (let j = nleft; j <= nright; j++) m += w[j - 1] * j;
    let b = xs - m;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1] * (j - m) * (j - m);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] *= b * (j - m) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1] * y[j - 1];
  return ys;
}

/**
 * Loess smooth of `y[0..n)` with span `len` (odd), degree `deg` (0 or 1), evaluated every
 * `jump` points and linearly interpolated between them (`stless`). Writes `ys[off .. off + n)`;
 * `res` is scratch of length ≥ n; `rw` are robustness weights or null. A point whose weights all
 * vanish keeps its data value, as in the Fortran.
 * O(n·len/jump + n), no allocation.
 */
export function loessSmooth(
  y: Float64Array,
  n: number,
  len: number,
  deg: number,
  jump: number,
  rw: Float64Array | null,
  ys: Float64Array,
  off: number,
  res: Float64Array,
): void {
  if (n < 2) {
    ys[off] = y[0];
    return;
  }
  const nj = Math.min(jump, n - 1);
  const nsh = (len + 1) >> 1;
  let nleft = 1;
  let nright = n;
  const fit = (i: number): void => {
    const v = loessAt(y, n, len, deg, i, nleft, nright, res, rw);
    ys[off + i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  if (len >= n) {
    for (let i = 1; i <= n; i += nj) fit(i);
  } else if (nj === 1) {
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fit(i);
    }
  } else {
    for (let i = 1; i <= n; i += nj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fit(i);
    }
  }
  if (nj === 1) return;
  for (let i = 1; i <= n - nj; i += nj) {
    const delta = (ys[off + i + nj - 1] - ys[off + i - 1]) / nj;
    for (let j = i + 1; j <= i + nj - 1; j++) ys[off + j - 1] = ys[off + i - 1] + delta * (j - i);
  }
  const k = Math.trunc((n - 1) / nj) * nj + 1;
  if (k === n) return;
  fit(n); // with the window of the last evaluated point, as stless does
  if (k === n - 1) return;
  const delta = (ys[off + n - 1] - ys[off + k - 1]) / (n - k);
  for (let j = k + 1; j <= n - 1; j++) ys[off + j - 1] = ys[off + k - 1] + delta * (j - k);
}

/**
 * Partial sort of a[0..n) so that the 1-based positions in `ind` (ascending) hold what `psort`
 * of stl.f puts there: Singleton's quicksort (CACM Algorithm 347) that only recurses into
 * segments containing a wanted position. A literal port, jumps and all, because R's robustness
 * weights depend on its exact output. O(n) expected.
 */
// eslint-disable-next-line max-lines-per-function -- a port of R's rPsort2 (Fortran ehg106)
export function partialSort(a: Float64Array, n: number, ind: readonly number[]): void {
  const ni = ind.length;
  if (n < 2 || ni === 0) return;
  const A = (k: number): number => a[k - 1];
  const set = (k: number, v: number): void => {
    a[k - 1] = v;
  };
  const I = (k: number): number => ind[k - 1];
  const il = new Int32Array(17),
    iu = new Int32Array(17),
    indl = new Int32Array(17),
    indu = new Int32Array(17);
  let jl = 1,
    ju = ni,
    i = 1,
    j = n,
    m = 1,
    k = 0,
    l = 0,
    t = 0;
  indl[1] = 1;
  indu[1] = ni;
  let at = 161;
  for (;;) {
    switch (at) {
      case 161:
        at = i < j ? 10 : 166;
        break;
      case 166:
        m--;
        if (m === 0) return;
        i = il[m];
        j = iu[m];
        jl = indl[m];
        ju = indu[m];
        at = jl <= ju ? 173 : 166;
        break;
      case 173:
        at = j - i > 10 ? 10 : 174;
        break;
      case 10: {
        k = i;
        const ij = (i + j) >> 1;
        t = A(ij);
        if (A(i) > t) {
          set(ij, A(i));
          set(i, t);
          t = A(ij);
        }
        l = j;
        if (A(j) < t) {
          set(ij, A(j));
          set(j, t);
          t = A(ij);
          if (A(i) > t) {
            set(ij, A(i));
            set(i, t);
            t = A(ij);
          }
        }
        at = 181;
        break;
      }
      case 181:
        l--;
        if (A(l) <= t) {
          const tt = A(l);
          do k++;
          while (!(A(k) >= t));
          if (k > l) {
            at = 183;
            break;
          }
          set(l, A(k));
          set(k, tt);
        }
        break;
      case 183: {
        indl[m] = jl;
        indu[m] = ju;
        const p = m++;
        if (l - i <= j - k) {
          il[p] = k;
          iu[p] = j;
          j = l;
          for (;;) {
            if (jl > ju) {
              at = 166;
              break;
            }
            if (I(ju) > j) ju--;
            else {
              indl[p] = ju + 1;
              at = 173;
              break;
            }
          }
        } else {
          il[p] = i;
          iu[p] = l;
          i = k;
          for (;;) {
            if (jl > ju) {
              at = 166;
              break;
            }
            if (I(jl) < i) jl++;
            else {
              indu[p] = jl - 1;
              at = 173;
              break;
            }
          }
        }
        break;
      }
      case 174:
        if (i === 1) {
          at = 161;
          break;
        }
        i--;
        for (;;) {
          i++;
          if (i === j) break;
          t = A(i + 1);
          if (A(i) > t) {
            k = i;
            do {
              set(k + 1, A(k));
              k--;
            } while (!(t >= A(k)));
            set(k + 1, t);
          }
        }
        at = 166;
        break;
    }
  }
}
