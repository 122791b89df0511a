/**
 * Re-running a fitted ETS model on (a prefix of) a series with its parameters and initial states
 * fixed — R's `ets(y, model = fit, use.initial.values = TRUE)` without the re-estimation, and the
 * "forward" step of Nixtla's statsforecast: choose and fit a form once per training window, then
 * score it on many rolling origins cheaply.
 */
import { inputError } from '../../../errors.js';
import { etsFilter } from './ets-filter.js';
import { componentCode, type EtsFit, type EtsModel } from './ets-form.js';

/** The numeric spec of the recursion for a model. O(1). */
export function filterSpec(model: EtsModel): {
  error: number;
  trend: number;
  season: number;
  m: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
} {
  const { form, m, alpha, beta, gamma, phi } = model;
  return { error: componentCode(form.error), trend: componentCode(form.trend), season: componentCode(form.season), m, alpha, beta, gamma, phi };
}

/**
 * The model after filtering y[0..t] (inclusive) from the fit's initial state with its fixed
 * α, β, γ, φ; σ² is the fit's. At t = n − 1 on the fitted series it reproduces `fit.state`.
 * Throws `input.ets_refilter` when t is outside y. O(t + m) time.
 */
export function etsRefilter(fit: Pick<EtsFit, 'initialState'> & EtsModel, y: ArrayLike<number>, t: number): EtsModel {
  if (!Number.isInteger(t) || t < 0 || t >= y.length) throw inputError('ets_refilter', `origin ${t} outside the series (length ${y.length})`);
  const state = Float64Array.from(fit.initialState);
  etsFilter(y, 0, t + 1, filterSpec(fit), state, new Float64Array(fit.m));
  return { form: fit.form, m: fit.m, alpha: fit.alpha, beta: fit.beta, gamma: fit.gamma, phi: fit.phi, sigma2: fit.sigma2, state };
}
