/**
 * Re-filtering a fitted ARIMA model on another stretch of data: the coefficients stay as estimated,
 * the Kalman filter runs over y[0…t) and the forecasts start at t. This is how a model chosen once per
 * training window is scored cheaply on many rolling-origin folds (statsforecast's `forward`,
 * forecast's `Arima(y, model = fit)` without re-estimation).
 */
import { inputError } from '../../../errors.js';
import { kalmanForecast, regressionMean } from './arima-forecast.js';
import { kalmanLikelihood, kalmanWork } from './kalman-likelihood.js';
import { differencingPolynomial, makeStateSpace } from './state-space.js';
import type { ArimaCore, ArimaForecast } from './types.js';

/**
 * Forecasts h steps after y[0…t) with the fit's coefficients: the regression part is recomputed for
 * rows 0…t+h−1 (intercept, drift 1…t+h, and the user's `xreg` columns, which must cover t + h rows),
 * the filter starts from the model's initial state, and se_h = √(v_h·σ²) with the fit's σ².
 * NaN in y are skipped. O(t·rd²) at worst (O(t·rd) once the filter reaches its steady state)
 * plus O(h·rd²·r).
 */
export function arimaRefilter(fit: ArimaCore, y: ArrayLike<number>, t: number, h: number, xreg?: readonly ArrayLike<number>[]): ArimaForecast {
  if (!(Number.isInteger(t) && t >= 1 && t <= y.length)) throw inputError('arima_origin', 'the origin must lie within the series');
  if (!(Number.isInteger(h) && h >= 1)) throw inputError('arima_horizon', 'the horizon must be a positive integer');
  const [p, q, P, Q, m, d, D] = fit.arma;
  const narma = p + q + P + Q;
  if (fit.nxreg > 0 && (!xreg || xreg.length !== fit.nxreg || xreg.some((c) => c.length < t + h))) {
    throw inputError('arima_xreg_future', `the model needs ${fit.nxreg} regressor columns covering ${t + h} rows`);
  }
  const w = new Float64Array(t);
  let k = narma;
  const bInt = fit.hasIntercept ? fit.coef[k++] : 0;
  const bDrift = fit.hasDrift ? fit.coef[k++] : 0;
  for (let i = 0; i < t; i++) w[i] = y[i] - bInt - bDrift * (i + 1);
  for (let j = 0; j < fit.nxreg; j++) {
    const b = fit.coef[k + j],
      col = xreg![j];
    for (let i = 0; i < t; i++) w[i] -= b * col[i];
  }
  const ss = makeStateSpace(fit.phi, fit.theta, differencingPolynomial(d, D, m));
  kalmanLikelihood(w, ss, kalmanWork(ss.rd), null, { ssq: 0, sumlog: 0, nu: 0 });
  const { mean, variance } = kalmanForecast(ss, h);
  const future = fit.nxreg > 0 ? xreg!.map((c) => Array.prototype.slice.call(c, t, t + h) as number[]) : undefined;
  const xm = regressionMean(fit, t, h, future);
  const se = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    mean[i] += xm[i];
    se[i] = Math.sqrt(variance[i] * fit.sigma2);
  }
  return { mean, se };
}
