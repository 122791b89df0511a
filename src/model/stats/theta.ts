/**
 * The Theta method of Assimakopoulos & Nikolopoulos (2000, *IJF* 16:521–530) in the form of
 * Hyndman & Billah (2003, *IJF* 19:287–290): simple exponential smoothing with a drift equal to
 * half the slope of the linear trend, on data deseasonalised by a classical multiplicative
 * decomposition when the 90 % seasonality test passes — as R's `forecast::thetaf`.
 */
import { isSeasonal } from './acf.js';
import { decompose } from './decompose.js';
import { etsForecast } from './ets/ets-forecast.js';
import { fitEts } from './ets/fit-ets.js';
import { parseEtsForm, type EtsFit } from './ets/ets-form.js';
import type { StatForecast } from './stat-forecast.js';

const ANN = parseEtsForm('ANN');

export interface ThetaFit {
  /** SES on the (adjusted) series: α, final level, σ². */
  readonly ses: EtsFit;
  /** b/2, b the OLS slope of the (adjusted) series on 0..n−1. */
  readonly drift: number;
  readonly n: number;
  /** The last `period` multiplicative seasonal indices, in phase order from row n − period; empty when not seasonal. */
  readonly seasonal: Float64Array;
}

/** OLS slope of y[0..n−1] on 0..n−1. O(n). */
function slope(y: ArrayLike<number>, n: number): number {
  const mx = (n - 1) / 2;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i];
  my /= n;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (y[i] - my);
    sxx += (i - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/**
 * Fits thetaf to y[0..n−1] with seasonal period `period` (an integer; 1 for none). The series
 * is adjusted by multiplicative indices when it is seasonal (acf.ts isSeasonal), non-constant and
 * positive, and none of the indices is near 0 (as R). SES is `ets(y, "ANN")`, whose likelihood
 * and MSE criteria share their minimum. O(n·period + SES fit).
 */
export function fitTheta(y: ArrayLike<number>, period: number, n = y.length): ThetaFit {
  let x = Float64Array.from({ length: n }, (_, i) => y[i]);
  let seasonal = new Float64Array(0);
  let positive = true;
  for (let i = 0; i < n; i++) if (!(x[i] > 0)) positive = false;
  if (period > 1 && positive && isSeasonal(x, period)) {
    const d = decompose(x, period, 'multiplicative');
    if (d.figure.every((s) => Math.abs(s) >= 1e-4)) {
      seasonal = Float64Array.from({ length: period }, (_, j) => d.seasonal[n - period + j]);
      x = x.map((v, i) => v / d.seasonal[i]);
    }
  }
  const ses = fitEts(x, 1, ANN);
  return { ses, drift: slope(x, n) / 2, n, seasonal };
}

/**
 * Forecasts h = 1..H: ℓ_n + drift·(h − 1 + (1 − (1 − α)ⁿ)/α), times the seasonal index of the
 * target's phase; standard errors √σ²·√(1 + (h − 1)α²) as R (not re-seasonalised). O(H).
 */
export function thetaForecast(fit: ThetaFit, horizon: number): StatForecast {
  const alpha = Math.max(1e-10, fit.ses.alpha);
  const base = etsForecast(fit.ses, horizon).mean;
  const tail = (1 - (1 - alpha) ** fit.n) / alpha;
  const p = fit.seasonal.length;
  const mean = new Float64Array(horizon);
  const sd = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    const s = p > 0 ? fit.seasonal[(h - 1) % p] : 1;
    mean[h - 1] = (base[h - 1] + fit.drift * (h - 1 + tail)) * s;
    sd[h - 1] = Math.sqrt(fit.ses.sigma2 * (1 + (h - 1) * alpha * alpha));
  }
  return { mean, sd };
}
