/**
 * Forecasts of a fitted ARIMA model as R's `predict.Arima` (`KalmanForecast`, `arima.c`'s
 * `KalmanFore`) and forecast's `forecast.Arima`: from the filtered end state, a ← T a and
 * P ← T P Tᵀ + V for each step; the mean is Z a plus the regression part (intercept, drift n+1…n+h,
 * user regressors), the standard error √(Z P Zᵀ · σ²).
 */
import { inputError } from '../../../errors.js';
import type { ArimaStateSpace } from './state-space.js';
import type { ArimaCore, ArimaFit, ArimaForecast } from './types.js';

/**
 * h-step forecasts of the state-space model from its current state (which is not modified):
 * means Z·a and variances Z·P·Zᵀ in units of σ². O(h·rd²·(r + nnz(Δ))) with the sparse T.
 */
export function kalmanForecast(ss: ArimaStateSpace, h: number): { mean: Float64Array; variance: Float64Array } {
  const { phi, theta, delta, deltaNz, r, rd } = ss;
  const p = phi.length,
    q = theta.length,
    d = rd - r,
    nnz = deltaNz.length;
  const a = ss.a.slice(),
    P = ss.P.slice();
  const anew = new Float64Array(rd),
    mm = new Float64Array(rd * rd),
    Pn = new Float64Array(rd * rd);
  const mean = new Float64Array(h),
    variance = new Float64Array(h);
  // T·v for a state vector (column j of a column-major matrix at offset `off`).
  const applyT = (src: Float64Array, off: number, dst: Float64Array, dstOff: number, stride: number) => {
    const s0 = src[off];
    for (let i = 0; i < r; i++) {
      let t = i < p ? phi[i] * s0 : 0;
      if (i < r - 1) t += src[off + (i + 1) * stride];
      dst[dstOff + i * stride] = t;
    }
    if (d > 0) {
      let t = s0;
      for (let k = 0; k < nnz; k++) t += delta[deltaNz[k]] * src[off + (r + deltaNz[k]) * stride];
      dst[dstOff + r * stride] = t;
      for (let i = 1; i < d; i++) dst[dstOff + (r + i) * stride] = src[off + (r + i - 1) * stride];
    }
  };
  for (let l = 0; l < h; l++) {
    applyT(a, 0, anew, 0, 1);
    a.set(anew);
    let fc = a[0];
    for (let k = 0; k < nnz; k++) fc += delta[deltaNz[k]] * a[r + deltaNz[k]];
    mean[l] = fc;
    // mm = T P (columns), Pn = mm Tᵀ (rows of mm through T), + V
    for (let j = 0; j < rd; j++) applyT(P, j * rd, mm, j * rd, 1);
    for (let i = 0; i < rd; i++) applyT(mm, i, Pn, i, rd);
    for (let i = 0; i <= q && i < r; i++) {
      const vi = i === 0 ? 1 : theta[i - 1];
      for (let j = 0; j <= q && j < r; j++) Pn[i + rd * j] += vi * (j === 0 ? 1 : theta[j - 1]);
    }
    P.set(Pn);
    let v = 0;
    for (let i = 0; i < rd; i++) {
      const zi = i === 0 ? 1 : i >= r ? delta[i - r] : 0;
      if (zi === 0) continue;
      for (let j = 0; j < rd; j++) {
        const zj = j === 0 ? 1 : j >= r ? delta[j - r] : 0;
        if (zj !== 0) v += zi * zj * P[i + j * rd];
      }
    }
    variance[l] = v;
  }
  return { mean, variance };
}

/**
 * The regression part x_{n+i}ᵀβ of the next h steps after a series of length `n`: intercept, drift
 * n+1…n+h, then the user's future regressors (`xregFuture`, columns of length ≥ h). O(h·k).
 */
export function regressionMean(fit: ArimaCore, n: number, h: number, xregFuture?: readonly ArrayLike<number>[]): Float64Array {
  const narma = fit.arma[0] + fit.arma[1] + fit.arma[2] + fit.arma[3];
  const out = new Float64Array(h);
  let k = narma;
  if (fit.hasIntercept) {
    const b = fit.coef[k++];
    for (let i = 0; i < h; i++) out[i] += b;
  }
  if (fit.hasDrift) {
    const b = fit.coef[k++];
    for (let i = 0; i < h; i++) out[i] += b * (n + 1 + i);
  }
  if (fit.nxreg > 0) {
    if (!xregFuture || xregFuture.length !== fit.nxreg) {
      throw inputError('arima_xreg_future', `the model needs ${fit.nxreg} future regressor columns`);
    }
    for (let j = 0; j < fit.nxreg; j++) {
      const col = xregFuture[j],
        b = fit.coef[k++];
      if (col.length < h) throw inputError('arima_xreg_future', 'future regressors are shorter than the horizon');
      for (let i = 0; i < h; i++) out[i] += b * col[i];
    }
  }
  return out;
}

/**
 * Forecasts h steps after the fitted series (R's `forecast(fit, h, xreg = xregFuture)`): mean and
 * standard error per horizon, se = √(v_h·σ²) with forecast's σ². O(h·rd²·r).
 */
export function arimaForecast(fit: ArimaFit, h: number, xregFuture?: readonly ArrayLike<number>[]): ArimaForecast {
  if (!(Number.isInteger(h) && h >= 1)) throw inputError('arima_horizon', 'the horizon must be a positive integer');
  const { mean, variance } = kalmanForecast(fit.model, h);
  const xm = regressionMean(fit, fit.n, h, xregFuture);
  const se = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    mean[i] += xm[i];
    se[i] = Math.sqrt(variance[i] * fit.sigma2);
  }
  return { mean, se };
}
