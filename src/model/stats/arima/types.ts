/**
 * Types of the ARIMA estimator, its forecasts and the automatic order search.
 */
import type { ArimaStateSpace } from './state-space.js';
import type { ArmaOrders } from './transform.js';

/** Estimation method, as R's `arima(method = …)`. */
export type ArimaMethod = 'CSS-ML' | 'ML' | 'CSS';

/** A seasonal ARIMA(p,d,q)(P,D,Q)_m specification with optional regressors (forecast's `Arima`). */
export interface ArimaSpec {
  /** Non-seasonal (p, d, q). */
  readonly order: readonly [number, number, number];
  /** Seasonal (P, D, Q) and the period m; omitted means (0, 0, 0). */
  readonly seasonal?: { readonly order: readonly [number, number, number]; readonly period: number };
  /** Regressors as columns, each the length of y (ARIMA errors: y_t = x_tᵀβ + η_t). */
  readonly xreg?: readonly ArrayLike<number>[];
  /** Names of the `xreg` columns (default xreg1, xreg2, … or xreg for one). */
  readonly xregNames?: readonly string[];
  /** Intercept when d + D = 0 (default true). */
  readonly includeMean?: boolean;
  /** Drift (a regressor 1…n) when d + D ≤ 1 (default false). */
  readonly includeDrift?: boolean;
  /** Default 'CSS-ML' (CSS starting values, then exact ML), as R. */
  readonly method?: ArimaMethod;
  /** Optimise the AR parts through R's PACF transformation (default true). */
  readonly transformPars?: boolean;
  /** Fixed coefficient values in R's layout (NaN = estimate); length narma + regressors. */
  readonly fixed?: ArrayLike<number>;
  /** Diffuse prior variance of the differencing states (default 1e6, R's `kappa`). */
  readonly kappa?: number;
  /**
   * Compute the coefficient covariance (R's `var.coef`, 4k² extra likelihood evaluations) during the
   * fit (default true); when false it is computed on the first call of `ArimaFit.varianceOk`.
   */
  readonly hessian?: boolean;
}

/** A fitted ARIMA model, with everything forecasting and re-filtering need. */
export interface ArimaFit {
  /** R's `arma`: [p, q, P, Q, m, d, D]. */
  readonly arma: ArmaOrders;
  readonly method: ArimaMethod;
  /** Coefficients in R's order: ar…, ma…, sar…, sma…, intercept, drift, xreg… */
  readonly coef: Float64Array;
  readonly coefNames: readonly string[];
  /** Which coefficients were estimated (not fixed). */
  readonly mask: readonly boolean[];
  /** Innovation variance as forecast's `Arima` reports it: Σe²/(n* − k), used by the forecasts. */
  readonly sigma2: number;
  /** R's `arima` σ²: the ML estimate (CSS-ML, ML) or the CSS mean square (CSS). */
  readonly sigma2Raw: number;
  readonly loglik: number;
  /** AIC, AICc, BIC as forecast reports them (NaN for CSS fits, whose likelihood is conditional). */
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Observations used by the likelihood: non-missing count − (d + m·D) (R's `nobs`). */
  readonly nobs: number;
  /** n − d − m·D over the non-missing span, forecast's n* for AICc and σ². */
  readonly nstar: number;
  /** Number of estimated coefficients + 1 (for σ²). */
  readonly npar: number;
  /** Residuals: standardised innovations (ML) or CSS innovations (CSS). */
  readonly residuals: Float64Array;
  /** R's optim convergence code (0 = converged, 1 = iteration limit). */
  readonly code: number;
  readonly hasIntercept: boolean;
  readonly hasDrift: boolean;
  /** Number of user regressors (after intercept and drift in `coef`). */
  readonly nxreg: number;
  /** Series length the model was fitted on (the drift of the next step is n + 1). */
  readonly n: number;
  /** The expanded AR polynomial φ(B)Φ(B^m) (R's `model$phi`), x_t = Σφ_i x_{t−i} + … */
  readonly phi: Float64Array;
  /** The expanded MA polynomial θ(B)Θ(B^m) (R's `model$theta`). */
  readonly theta: Float64Array;
  /** The state-space model with the filtered state at the end of the series. */
  readonly model: ArimaStateSpace;
  /**
   * Whether every diagonal entry of the coefficient covariance is a non-negative number and the
   * Hessian could be inverted (forecast's `checkarima`); lazily computed when `hessian` was false.
   */
  readonly varianceOk: () => boolean;
}

/** What forecasting and re-filtering read of a fit (all a model file needs to keep). */
export type ArimaCore = Pick<ArimaFit, 'arma' | 'coef' | 'hasIntercept' | 'hasDrift' | 'nxreg' | 'sigma2' | 'phi' | 'theta'>;

/** Point forecasts and their standard errors per horizon. */
export interface ArimaForecast {
  readonly mean: Float64Array;
  readonly se: Float64Array;
}
