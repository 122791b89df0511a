/**
 * Seasonal ARIMA with regressors as R's `stats::arima` / forecast's `Arima` and `auto.arima`:
 * estimation, forecasts, re-filtering on rolling origins and the automatic order search.
 */
export { fitArima } from './fit-arima.js';
export { arimaForecast } from './arima-forecast.js';
export { arimaRefilter } from './arima-refilter.js';
export { autoArima, type AutoArimaOptions, type AutoArimaResult } from './auto-arima.js';
export type { InformationCriterion } from './candidate.js';
export type { ArimaFit, ArimaForecast, ArimaMethod, ArimaSpec } from './types.js';
