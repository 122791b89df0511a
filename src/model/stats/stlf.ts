/**
 * STL forecasting, as R's `forecast::stlf` (Cleveland et al. 1990 for STL; Hyndman &
 * Athanasopoulos, FPP2 §6.8): the series is decomposed by STL (mstl.ts, s.window 11), the
 * seasonally adjusted series (trend + remainder) is forecast by a non-seasonal AutoETS, and the
 * last cycle of the seasonal component is added back (a seasonal naive forecast of it). It is
 * the seasonal model for long periods such as 52 weeks, where seasonal ETS and ARIMA do not apply.
 */
import { autoEts } from './ets/auto-ets.js';
import { fitEts } from './ets/fit-ets.js';
import { parseEtsForm } from './ets/ets-form.js';
import { etsSpecForecast, etsSpecOf, type EtsSpec } from './ets/ets-spec.js';
import { mstl } from './mstl.js';
import type { StatForecast } from './stat-forecast.js';

export interface StlfSpec {
  /** Integer seasonal period of the decomposition. */
  readonly period: number;
  /** ETS of the seasonally adjusted training series (form and parameters kept; states re-filtered). */
  readonly ets: EtsSpec;
}

/** Whether STL applies to rows 0..t: more than two full periods. O(1). */
export function stlfApplies(t: number, period: number): boolean {
  return period > 1 && t + 1 > 2 * period;
}

/** Rows 0..t decomposed: the adjusted series and the seasonal component. O(n·window). */
function decomposeTo(y: ArrayLike<number>, t: number, period: number): { adjusted: Float64Array; seasonal: Float64Array } {
  const x = Float64Array.from({ length: t + 1 }, (_, i) => y[i]);
  const d = mstl(x, period);
  const seasonal = d.seasonals[0];
  return { adjusted: x.map((v, i) => v - seasonal[i]), seasonal };
}

/** Fits STL + ETS(Z,Z,N) on rows 0..t (stlfApplies must hold). O(n·window + ETS search). */
export function fitStlf(y: ArrayLike<number>, t: number, period: number): StlfSpec {
  const { adjusted } = decomposeTo(y, t, period);
  return { period, ets: etsSpecOf(autoEts(adjusted, 1, { model: 'ZZN' })) };
}

/**
 * Forecasts from origin t: STL of rows 0..t, the kept ETS re-filtered on their adjusted values,
 * plus seasonal_{t+h−period·⌈h/period⌉}. The sd is the ETS one (as R's forecast.stlm). O(n·window).
 */
export function stlfForecast(spec: StlfSpec, y: ArrayLike<number>, t: number, horizon: number): StatForecast {
  const { adjusted, seasonal } = decomposeTo(y, t, spec.period);
  const fc = etsSpecForecast(spec.ets, adjusted, t, horizon);
  const mean = fc.mean.map((v, h) => v + seasonal[t + 1 + h - spec.period * Math.ceil((h + 1) / spec.period)]);
  return { mean, sd: fc.sd };
}

/** The spec's ETS form re-estimated on the STL-adjusted rows 0..t (the form kept). O(n·window + one ETS fit). */
export function refitStlf(spec: StlfSpec, y: ArrayLike<number>, t: number): StlfSpec {
  const { adjusted } = decomposeTo(y, t, spec.period);
  return { period: spec.period, ets: etsSpecOf(fitEts(adjusted, 1, parseEtsForm(spec.ets.form))) };
}
