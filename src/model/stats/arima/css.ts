/**
 * Conditional sum of squares of an ARIMA model, a port of R's `ARIMA_CSS` (`arima.c`): difference y
 * by (1 − B)^d (1 − B^m)^D, then e_t = w_t − Σφ_j w_{t−j} − Σθ_j e_{t−j} for t ≥ ncond with earlier
 * innovations taken as zero (Box, Jenkins & Reinsel 2008, §7.1.2).
 */

/** Scratch space of {@link cssResiduals}: the differenced series and the innovations. */
export interface CssWork {
  readonly w: Float64Array;
  readonly resid: Float64Array;
  /** Indices of the non-zero φ and θ (seasonal polynomials are sparse). */
  readonly phiNz: Int32Array;
  readonly thetaNz: Int32Array;
}

/** Allocates the buffers of {@link cssResiduals} for a series of length n. */
export function cssWork(n: number, p = 0, q = 0): CssWork {
  return { w: new Float64Array(n), resid: new Float64Array(n), phiNz: new Int32Array(p), thetaNz: new Int32Array(q) };
}

/**
 * Returns σ̂²_CSS = Σ e_t² / (number of finite e_t) over t ≥ ncond; `work.resid` holds the innovations
 * (zero before ncond). O(n·s) with s the number of non-zero φ, θ; no allocation
 * when `work` was sized for p and q.
 */
export function cssResiduals(
  y: ArrayLike<number>,
  d: number,
  D: number,
  m: number,
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  ncond: number,
  work: CssWork,
): number {
  const n = y.length,
    p = phi.length,
    q = theta.length;
  const { w, resid } = work;
  const phiNz = work.phiNz.length >= p ? work.phiNz : new Int32Array(p);
  const thNz = work.thetaNz.length >= q ? work.thetaNz : new Int32Array(q);
  let np = 0,
    nq = 0;
  for (let j = 0; j < p; j++) if (phi[j] !== 0) phiNz[np++] = j;
  for (let j = 0; j < q; j++) if (theta[j] !== 0) thNz[nq++] = j;
  const src = d + D > 0 ? w : y;
  if (d + D > 0) for (let l = 0; l < n; l++) w[l] = y[l];
  for (let i = 0; i < d; i++) for (let l = n - 1; l > 0; l--) w[l] -= w[l - 1];
  for (let i = 0; i < D; i++) for (let l = n - 1; l >= m; l--) w[l] -= w[l - m];
  for (let l = 0; l < ncond && l < n; l++) resid[l] = 0;
  // Lags and values of the non-zero coefficients, for a tight inner loop.
  const maxMa = nq > 0 ? thNz[nq - 1] + 1 : 0;
  let ssq = 0,
    nu = 0;
  for (let l = ncond; l < n; l++) {
    let tmp = src[l];
    for (let k = 0; k < np; k++) {
      const j = phiNz[k];
      tmp -= phi[j] * src[l - j - 1];
    }
    if (l - ncond >= maxMa) {
      for (let k = 0; k < nq; k++) {
        const j = thNz[k];
        tmp -= theta[j] * resid[l - j - 1];
      }
    } else {
      const jm = l - ncond;
      for (let k = 0; k < nq && thNz[k] < jm; k++) tmp -= theta[thNz[k]] * resid[l - thNz[k] - 1];
    }
    resid[l] = tmp;
    if (tmp === tmp) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  return ssq / nu;
}
