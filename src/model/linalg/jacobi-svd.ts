/**
 * Singular values and right singular vectors of a tall n×k matrix by one-sided Jacobi rotations
 * (Hestenes 1958; Demmel & Veselić 1992), preconditioned by a Householder QR (Drmač & Veselić 2008,
 * "New fast and accurate Jacobi SVD algorithm I", SIAM J. Matrix Anal. Appl. 29(4)): X = QR and
 * RᵀR = XᵀX, so the rotations computed on the k×k factor R are those of X and its V and singular
 * values are X's, at O(n·k²) once instead of per sweep. R's `arima` rotates several regressors by V
 * of `svd(xreg)` to decorrelate their coefficients before optimising; `auto.arima` checks the ratio
 * of the smallest singular value to their sum for rank deficiency.
 */

/** Singular values (descending) and V as k columns of length k, so X·V = U·diag(values). */
export interface JacobiSvd {
  readonly values: Float64Array;
  readonly v: Float64Array[];
}

/**
 * The k×k upper-triangular factor of X = QR by Householder reflections, as k columns of length k
 * (only the rows < k of each column are used). Columns are copied, not modified. O(n·k²).
 */
function qrFactor(U: Float64Array[], n: number): Float64Array[] {
  const k = U.length;
  const A = U.map((c) => c.slice());
  const R = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j++) {
    const c = A[j];
    let s = 0;
    for (let i = j; i < n; i++) s += c[i] * c[i];
    const alpha = Math.sqrt(s);
    const Rj = R[j];
    for (let i = 0; i < j; i++) Rj[i] = c[i];
    if (alpha === 0) continue;
    const a0 = c[j] >= 0 ? -alpha : alpha;
    const v0 = c[j] - a0;
    const vnorm2 = s - c[j] * c[j] + v0 * v0;
    c[j] = v0;
    Rj[j] = a0;
    if (vnorm2 === 0) continue;
    for (let jj = j + 1; jj < k; jj++) {
      const z = A[jj];
      let dot = 0;
      for (let i = j; i < n; i++) dot += c[i] * z[i];
      const f = (2 * dot) / vnorm2;
      for (let i = j; i < n; i++) z[i] -= f * c[i];
    }
  }
  return R;
}

/**
 * One-sided Jacobi SVD of the columns X (each length n; rows with a NaN dropped, like `na.omit`).
 * Sweeps until every column pair is orthogonal to 1e-15 relative (≤ 60 sweeps): O(n·k²) for the QR
 * plus O(k³) per sweep.
 */
export function jacobiSvd(X: readonly ArrayLike<number>[]): JacobiSvd {
  const k = X.length;
  const N = k > 0 ? X[0].length : 0;
  const rows: number[] = [];
  for (let i = 0; i < N; i++) {
    let ok = true;
    for (let j = 0; j < k && ok; j++) if (Number.isNaN(X[j][i])) ok = false;
    if (ok) rows.push(i);
  }
  const nr = rows.length;
  const cols = X.map((c) => {
    const out = new Float64Array(nr);
    for (let t = 0; t < nr; t++) out[t] = c[rows[t]];
    return out;
  });
  const U = nr > k ? qrFactor(cols, nr) : cols;
  const n = nr > k ? k : nr;
  const V = Array.from({ length: k }, (_, j) => {
    const e = new Float64Array(k);
    e[j] = 1;
    return e;
  });
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < k - 1; i++) {
      for (let j = i + 1; j < k; j++) {
        const ui = U[i],
          uj = U[j];
        let alpha = 0,
          beta = 0,
          gamma = 0;
        for (let t = 0; t < n; t++) {
          alpha += ui[t] * ui[t];
          beta += uj[t] * uj[t];
          gamma += ui[t] * uj[t];
        }
        if (gamma === 0) continue;
        const rel = Math.abs(gamma) / Math.sqrt(alpha * beta);
        off = Math.max(off, rel);
        if (rel < 1e-15) continue;
        const zeta = (beta - alpha) / (2 * gamma);
        const t0 = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t0 * t0),
          s = c * t0;
        for (let t = 0; t < n; t++) {
          const a = ui[t],
            b = uj[t];
          ui[t] = c * a - s * b;
          uj[t] = s * a + c * b;
        }
        const vi = V[i],
          vj = V[j];
        for (let t = 0; t < k; t++) {
          const a = vi[t],
            b = vj[t];
          vi[t] = c * a - s * b;
          vj[t] = s * a + c * b;
        }
      }
    }
    if (off < 1e-15) break;
  }
  const norms = U.map((u) => {
    let s = 0;
    for (let t = 0; t < n; t++) s += u[t] * u[t];
    return Math.sqrt(s);
  });
  const order = norms.map((_, i) => i).sort((a, b) => norms[b] - norms[a]);
  return { values: Float64Array.from(order, (i) => norms[i]), v: order.map((i) => V[i]) };
}
