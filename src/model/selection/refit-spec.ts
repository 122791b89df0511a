/**
 * A statistical model's form re-estimated on an earlier stretch of history: the same ETS form,
 * ARIMA orders and regressor recipe, Box–Cox λ or STL period, with parameters (and initial
 * states) estimated on rows 0..t only. The folds score a form chosen on all training rows with
 * parameters that never saw the fold's validation rows, so a many-parameter model is not
 * flattered against the candidates refitted at every cutoff (thetaf, the regressions).
 */
import type { SeriesData } from '../regression/features.js';
import type { ModelSpec } from '../spec.js';
import { fitArima } from '../stats/arima/fit-arima.js';
import { arimaSpecOf, recipeColumns, recipeStart } from '../stats/arima/arima-spec.js';
import { boxCox } from '../stats/box-cox.js';
import { fitEts } from '../stats/ets/fit-ets.js';
import { parseEtsForm } from '../stats/ets/ets-form.js';
import { etsSpecOf } from '../stats/ets/ets-spec.js';
import { refitStlf } from '../stats/stlf.js';

/** The history rows from..t as a new array. O(t − from). */
export function rowsTo(y: ArrayLike<number>, t: number, from = 0): Float64Array {
  return Float64Array.from({ length: t + 1 - from }, (_, i) => y[from + i]);
}

/**
 * The spec with its parameters re-estimated on rows ≤ t; specs with nothing estimated once for
 * all rows (naive, thetaf, which is refitted at each cutoff anyway, the regressions, whose folds
 * are fitted honestly by their own code) come back unchanged. Throws the estimators' input
 * errors (too little data for the form). Cost: one fixed-form fit.
 */
export function refitSpec(spec: ModelSpec, data: SeriesData, t: number): ModelSpec {
  switch (spec.kind) {
    case 'ets':
      return { kind: 'ets', ...etsSpecOf(fitEts(rowsTo(data.y, t), spec.m, parseEtsForm(spec.form))) };
    case 'stlf':
      return { kind: 'stlf', ...refitStlf(spec, data.y, t) };
    case 'arima': {
      const start = recipeStart(spec);
      const [p, q, P, Q, m, d, D] = spec.arma;
      const fit = fitArima(rowsTo(data.y, t, start), {
        order: [p, d, q],
        seasonal: P + D + Q > 0 ? { order: [P, D, Q], period: m } : undefined,
        xreg: spec.nxreg > 0 ? recipeColumns(spec, data.exog, t + 1 - start) : undefined,
        includeMean: spec.hasIntercept,
        includeDrift: spec.hasDrift,
        hessian: false,
      });
      return { kind: 'arima', ...arimaSpecOf(fit, { fourier: spec.fourier, lagged: spec.lagged }) };
    }
    case 'boxcox':
      return { ...spec, inner: refitSpec(spec.inner, { ...data, y: boxCox(data.y, spec.lambda) }, t) };
    case 'scaled':
      return { ...spec, inner: refitSpec(spec.inner, { ...data, y: data.y.map((v) => v / spec.factor) }, t) };
    default:
      return spec;
  }
}
