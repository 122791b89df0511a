/**
 * Singular values and right singular vectors of a tall n×k matrix by one-sided Jacobi rotations
 * (Hestenes 1958; Demmel & Veselić 1992). R's `arima` rotates several regressors by V of
 * `svd(xreg)` to decorrelate their coefficients before optimising; `auto.arima` checks the ratio of
 * the smallest singular value to their sum for rank deficiency.
 */

/** Singular values (descending) and V as k columns of length k, so X·V = U·diag(values). */
export interface JacobiSvd {
  readonly values: Float64Array;
  readonly v: Float64Array[];
}

/**
 * One-sided Jacobi SVD of the columns X (each length n; rows with a NaN dropped, like `na.omit`).
 * Sweeps until every column pair is orthogonal to 1e-15 relative (≤ 60 sweeps). O(n·k²) per sweep.
 */
export function jacobiSvd(X: readonly ArrayLike<number>[]): JacobiSvd {
  const k = X.length;
  const N = k > 0 ? X[0].length : 0;
  const rows: number[] = [];
  for (let i = 0; i < N; i++) if (X.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  const U = X.map((c) => Float64Array.from(rows, (i) => c[i]));
  const n = rows.length;
  const V = Array.from({ length: k }, (_, j) => {
    const e = new Float64Array(k);
    e[j] = 1;
    return e;
  });
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < k - 1; i++) {
      for (let j = i + 1; j < k; j++) {
        const ui = U[i], uj = U[j];
        let alpha = 0, beta = 0, gamma = 0;
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
        const c = 1 / Math.sqrt(1 + t0 * t0), s = c * t0;
        for (let t = 0; t < n; t++) {
          const a = ui[t], b = uj[t];
          ui[t] = c * a - s * b;
          uj[t] = s * a + c * b;
        }
        const vi = V[i], vj = V[j];
        for (let t = 0; t < k; t++) {
          const a = vi[t], b = vj[t];
          vi[t] = c * a - s * b;
          vj[t] = s * a + c * b;
        }
      }
    }
    if (off < 1e-15) break;
  }
  const norms = U.map((u) => Math.sqrt(u.reduce((s, x) => s + x * x, 0)));
  const order = norms.map((_, i) => i).sort((a, b) => norms[b] - norms[a]);
  return { values: Float64Array.from(order, (i) => norms[i]), v: order.map((i) => V[i]) };
}
