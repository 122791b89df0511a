/**
 * An ETS fit as plain data for the model file, and its forecast from any origin: the form,
 * parameters and initial states are kept; the states are re-filtered over the rows up to the
 * origin, so what the folds scored is what `predict` serves.
 */
import { etsFormCode, parseEtsForm, type EtsFit } from './ets-form.js';
import { etsForecast } from './ets-forecast.js';
import { etsRefilter } from './ets-refilter.js';
import type { StatForecast } from '../stat-forecast.js';

export interface EtsSpec {
  /** R's model code, e.g. `MAdM`. */
  readonly form: string;
  readonly m: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
  readonly sigma2: number;
  /** States before the first training row (ℓ₀, b₀, s₀..s_{m−1}). */
  readonly init: readonly number[];
}

/** The serialisable part of a fit. O(m). */
export function etsSpecOf(fit: EtsFit): EtsSpec {
  return {
    form: etsFormCode(fit.form),
    m: fit.m,
    alpha: fit.alpha,
    beta: fit.beta,
    gamma: fit.gamma,
    phi: fit.phi,
    sigma2: fit.sigma2,
    init: Array.from(fit.initialState),
  };
}

/** Forecast mean and sd for h = 1..H from origin t (rows 0..t of y). O(t + H·m). */
export function etsSpecForecast(spec: EtsSpec, y: ArrayLike<number>, t: number, horizon: number): StatForecast {
  const model = { ...spec, form: parseEtsForm(spec.form), initialState: Float64Array.from(spec.init), state: new Float64Array(0) };
  return etsForecast(etsRefilter(model, y, t), horizon);
}
