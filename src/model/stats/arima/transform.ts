/**
 * R's reparametrisation of ARIMA coefficients (`partrans`, `ARIMA_transPars`, `ARIMA_Invtrans`,
 * `ARIMA_undoPars`, `ARIMA_Gradtrans` in R's `src/library/stats/src/arima.c`; Jones 1980, "Maximum
 * likelihood fitting of ARMA models to time series with missing observations", Technometrics 22(3)).
 * The coefficient vector is laid out as R's: [ar(p), ma(q), sar(P), sma(Q), xreg…], and `arma` is
 * R's integer vector [p, q, P, Q, m, d, D].
 */

/** R's `arma` vector: [p, q, P, Q, period, d, D]. */
export type ArmaOrders = readonly [number, number, number, number, number, number, number];

/**
 * Maps p unconstrained reals to the coefficients of a stationary AR(p): tanh gives partial
 * autocorrelations in (−1, 1), then the Durbin–Levinson recursion φ_{j,k} = φ_{j−1,k} − φ_jj·φ_{j−1,j−k}.
 * Reads raw[off..off+p), writes out[off..off+p). O(p²).
 */
export function partrans(p: number, raw: ArrayLike<number>, out: Float64Array, off = 0, work: Float64Array = new Float64Array(p)): void {
  for (let j = 0; j < p; j++) out[off + j] = work[j] = Math.tanh(raw[off + j]);
  for (let j = 1; j < p; j++) {
    const a = out[off + j];
    for (let k = 0; k < j; k++) work[k] -= a * out[off + j - k - 1];
    for (let k = 0; k < j; k++) out[off + k] = work[k];
  }
}

/** The inverse of {@link partrans}: backwards Durbin–Levinson to the PACF, then atanh. O(p²). */
export function invPartrans(p: number, phi: ArrayLike<number>, out: Float64Array, off = 0): void {
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) out[off + j] = work[j] = phi[off + j];
  for (let j = p - 1; j > 0; j--) {
    const a = out[off + j];
    for (let k = 0; k < j; k++) work[k] = (out[off + k] + a * out[off + j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) out[off + k] = work[k];
  }
  for (let j = 0; j < p; j++) out[off + j] = Math.atanh(out[off + j]);
}

/** Workspace for {@link transPars}: the expanded φ (length p + m·P) and θ (length q + m·Q). */
export interface ArmaPolys {
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  readonly params: Float64Array;
  readonly work: Float64Array;
}

/** Allocates the buffers {@link transPars} fills for the orders `arma`. */
export function armaPolys(arma: ArmaOrders): ArmaPolys {
  const [p, q, P, Q, m] = arma;
  return {
    phi: new Float64Array(p + m * P),
    theta: new Float64Array(q + m * Q),
    params: new Float64Array(p + q + P + Q),
    work: new Float64Array(Math.max(p, P, 1)),
  };
}

/**
 * R's `ARIMA_transPars`: optionally maps the AR and seasonal AR blocks through {@link partrans}, then
 * multiplies out the seasonal polynomials, φ(B)Φ(B^m) and θ(B)Θ(B^m), into `out.phi` and `out.theta`
 * (R's sign convention: x_t = Σφ_i x_{t−i} + e_t + Σθ_j e_{t−j}). O(p·P + q·Q) plus the transform.
 */
export function transPars(par: ArrayLike<number>, arma: ArmaOrders, trans: boolean, out: ArmaPolys): ArmaPolys {
  const [mp, mq, msp, msq, ns] = arma;
  const { phi, theta, params } = out;
  for (let i = 0; i < params.length; i++) params[i] = par[i];
  if (trans) {
    if (mp > 0) partrans(mp, par, params, 0, out.work);
    if (msp > 0) partrans(msp, par, params, mp + mq, out.work);
  }
  phi.fill(0);
  theta.fill(0);
  for (let i = 0; i < mp; i++) phi[i] = params[i];
  for (let i = 0; i < mq; i++) theta[i] = params[i + mp];
  for (let j = 0; j < msp; j++) {
    const s = params[j + mp + mq];
    phi[(j + 1) * ns - 1] += s;
    for (let i = 0; i < mp; i++) phi[(j + 1) * ns + i] -= params[i] * s;
  }
  for (let j = 0; j < msq; j++) {
    const s = params[j + mp + mq + msp];
    theta[(j + 1) * ns - 1] += s;
    for (let i = 0; i < mq; i++) theta[(j + 1) * ns + i] += params[i + mp] * s;
  }
  return out;
}

/** R's `ARIMA_Invtrans`: the AR and seasonal AR blocks through {@link invPartrans}; others copied. */
export function invTransPars(par: ArrayLike<number>, arma: ArmaOrders): Float64Array {
  const [mp, mq, msp] = arma;
  const out = Float64Array.from(par);
  if (mp > 0) invPartrans(mp, par, out, 0);
  if (msp > 0) invPartrans(msp, par, out, mp + mq);
  return out;
}

/** R's `ARIMA_undoPars`: the AR and seasonal AR blocks through {@link partrans}; others copied. */
export function undoPars(par: ArrayLike<number>, arma: ArmaOrders): Float64Array {
  const [mp, mq, msp] = arma;
  const out = Float64Array.from(par);
  if (mp > 0) partrans(mp, par, out, 0);
  if (msp > 0) partrans(msp, par, out, mp + mq);
  return out;
}

/**
 * R's `ARIMA_Gradtrans`: the Jacobian A (row-major n×n, A[i][j] = ∂new_j/∂raw_i) of {@link undoPars}
 * by forward differences with step 1e-3, identity outside the AR blocks. O(p³ + P³).
 */
export function gradTrans(par: ArrayLike<number>, arma: ArmaOrders): Float64Array {
  const [mp, mq, msp] = arma;
  const n = par.length;
  const eps = 1e-3;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) A[i * n + i] = 1;
  const block = (len: number, v: number) => {
    const w1 = new Float64Array(len),
      w2 = new Float64Array(len),
      w3 = new Float64Array(len);
    for (let i = 0; i < len; i++) w1[i] = par[i + v];
    partrans(len, w1, w2);
    for (let i = 0; i < len; i++) {
      w1[i] += eps;
      partrans(len, w1, w3);
      for (let j = 0; j < len; j++) A[(i + v) * n + j + v] = (w3[j] - w2[j]) / eps;
      w1[i] -= eps;
    }
  };
  if (mp > 0) block(mp, 0);
  if (msp > 0) block(msp, mp + mq);
  return A;
}
