/**
 * The OCSB seasonal unit-root test (Osborn, Chui, Smith & Birchenhall 1988, Oxford Bulletin of
 * Economics and Statistics 50(4)) as forecast's `ocsb.test(x, maxlag = 3, lag.method = "AIC")`, with
 * forecast's simulated 5 % critical values (`calcOCSBCritVal`).
 */
import { inputError } from '../../../errors.js';
import { leastSquares } from '../../linalg/least-squares.js';

/** forecast's 5 % critical value of the OCSB t statistic for period m (a fitted smooth in log m). */
export function ocsbCriticalValue(m: number): number {
  const l = Math.log(m) - 0.7656451;
  return -0.2937411 * Math.exp(-0.2850853 * l + -0.05983644 * l * l) - 1.652202;
}

interface OcsbRegression {
  readonly t5: number;
  readonly aic: number;
}

/**
 * forecast's `fitOCSB`: regress y_t = ΔΔ_m x_t on its first `lag` lags (a zero column when lag = 0),
 * estimate the AR filter β, then regress y_t on those lags, Z4_{t−1} = β(B)Δ_m x_{t−1} and
 * Z5_{t−m} = β(B)Δx_{t−m}, over t ≥ m + 1 + maxlag. Returns the t value of Z5 and the AIC of that
 * regression. O(n·lag²).
 */
function fitOcsb(x: Float64Array, m: number, lag: number, maxlag: number): OcsbRegression {
  const n = x.length;
  const dm = (t: number) => x[t] - x[t - m];
  const d1 = (t: number) => x[t] - x[t - 1];
  const yv = (t: number) => dm(t) - dm(t - 1);
  const t0 = m + 1 + maxlag;
  const rows: number[] = [];
  for (let t = t0; t < n; t++) rows.push(t);
  const lagCols = (f: (t: number) => number, ts: number[]) =>
    lag === 0 ? [new Float64Array(ts.length)] : Array.from({ length: lag }, (_, k) => Float64Array.from(ts, (t) => f(t - k - 1)));
  const y = Float64Array.from(rows, yv);
  const ar = leastSquares(lagCols(yv, rows), y);
  const filtered = (f: (t: number) => number, t: number) => {
    let s = f(t);
    for (let k = 0; k < lag; k++) if (!Number.isNaN(ar.coef[k])) s -= ar.coef[k] * f(t - k - 1);
    return s;
  };
  const z4 = Float64Array.from(rows, (t) => filtered(dm, t - 1));
  const z5 = Float64Array.from(rows, (t) => filtered(d1, t - m));
  const fit = leastSquares([...lagCols(yv, rows), z4, z5], y);
  const k = fit.coef.length;
  const t5 = fit.coef[k - 1] / fit.se[k - 1];
  const N = fit.nobs;
  const loglik = 0.5 * (-N * (Math.log(2 * Math.PI) + 1 - Math.log(N) + Math.log(fit.rss)));
  return { t5, aic: -2 * loglik + 2 * (fit.rank + 1) };
}

/**
 * The OCSB statistic (t value of Z5) with the lag chosen by AIC among 1…maxlag as forecast does
 * (including its use of `which.min − 1` as the final lag). Throws `input.ocsb_failed` when the
 * regression has no solution. O(maxlag·n·maxlag²).
 */
export function ocsbStatistic(x: ArrayLike<number>, m: number, maxlag = 3): number {
  const y = Float64Array.from(x);
  if (m <= 1) throw inputError('ocsb_period', 'Data must be seasonal to use the OCSB test');
  let lag = maxlag;
  if (maxlag > 0) {
    let best = 0,
      bestAic = Infinity;
    for (let l = 1; l <= maxlag; l++) {
      const { aic } = fitOcsb(y, m, l, maxlag);
      if (aic < bestAic) {
        bestAic = aic;
        best = l;
      }
    }
    lag = best - 1;
  }
  const { t5 } = fitOcsb(y, m, lag, lag);
  if (!Number.isFinite(t5)) throw inputError('ocsb_failed', 'OCSB regression did not reach a solution');
  return t5;
}
