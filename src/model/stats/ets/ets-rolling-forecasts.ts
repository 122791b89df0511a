/**
 * Point forecasts of a fitted ETS model from many rolling origins in one pass over the series.
 */
import { inputError } from '../../../errors.js';
import { etsFilter } from './ets-filter.js';
import type { EtsFit, EtsModel } from './ets-form.js';
import { etsPointForecast } from './ets-point-forecast.js';
import { filterSpec } from './ets-refilter.js';

/**
 * For each origin t (ascending, 0 ≤ t < n), the H point forecasts of y[t+1..t+H] made from the
 * state after y[0..t], the parameters and initial states of `fit` fixed (see etsRefilter).
 * The state is carried from one origin to the next, so the whole call is O(n + F·(H + m)) for
 * F origins instead of O(F·n). Throws `input.ets_refilter` on unsorted or out-of-range origins.
 */
export function etsRollingForecasts(
  fit: Pick<EtsFit, 'initialState'> & EtsModel,
  y: ArrayLike<number>,
  origins: readonly number[],
  horizon: number,
): Float64Array[] {
  const spec = filterSpec(fit);
  const state = Float64Array.from(fit.initialState);
  const ring = new Float64Array(fit.m);
  const model: EtsModel = { ...fit, state };
  const out: Float64Array[] = [];
  let done = 0; // observations already filtered
  for (const t of origins) {
    if (!Number.isInteger(t) || t < done - 1 || t >= y.length) throw inputError('ets_refilter', `origin ${t} is out of range or not ascending`);
    if (t + 1 > done) etsFilter(y, done, t + 1, spec, state, ring);
    done = t + 1;
    out.push(etsPointForecast(model, horizon));
  }
  return out;
}
