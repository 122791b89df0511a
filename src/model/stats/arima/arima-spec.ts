/**
 * An ARIMA fit as plain data for the model file, with the recipe of its regressors (Fourier
 * terms of a possibly non-integer period, other columns lagged by at least the horizon), and its
 * forecast from any origin: the coefficients are kept and the Kalman filter re-run over the rows
 * up to the origin (arima-refilter.ts), so what the folds scored is what `predict` serves.
 */
import { clip, predictionBounds, WIDEN_OTHER } from '../../prediction-bounds.js';
import { fourierTerms } from '../fourier.js';
import { arimaRefilter } from './arima-refilter.js';
import type { ArimaCore, ArimaFit } from './types.js';
import type { StatForecast } from '../stat-forecast.js';

/** How the regressor columns are made at any row: Fourier pairs first, then lagged columns. */
export interface ArimaRecipe {
  /** Fourier terms of `period` up to order K on the row index (forecast::fourier). */
  readonly fourier?: { readonly period: number; readonly K: number };
  /** Other columns at row i − lag; the model then starts at row `lag`. */
  readonly lagged?: { readonly columns: readonly string[]; readonly lag: number };
}

export interface ArimaModelSpec extends ArimaRecipe {
  readonly arma: readonly number[];
  readonly coef: readonly number[];
  readonly hasIntercept: boolean;
  readonly hasDrift: boolean;
  readonly nxreg: number;
  readonly sigma2: number;
  readonly phi: readonly number[];
  readonly theta: readonly number[];
}

/** First row a recipe can be fitted from. O(1). */
export function recipeStart(recipe: ArimaRecipe): number {
  return recipe.lagged?.lag ?? 0;
}

/**
 * The regressor columns for rows start … start + rows − 1 (start = recipeStart). Lagged columns
 * need the other series up to row start + rows − 1 − lag. O(rows·k).
 */
export function recipeColumns(recipe: ArimaRecipe, exog: ReadonlyMap<string, ArrayLike<number>>, rows: number): Float64Array[] {
  const start = recipeStart(recipe);
  const out: Float64Array[] = [];
  if (recipe.fourier) out.push(...fourierTerms(rows, recipe.fourier.period, recipe.fourier.K, start).columns);
  if (recipe.lagged) {
    const { columns, lag } = recipe.lagged;
    for (const name of columns) {
      const x = exog.get(name) ?? [];
      out.push(Float64Array.from({ length: rows }, (_, i) => x[start + i - lag]));
    }
  }
  return out;
}

/** The serialisable part of a fit, with its recipe. O(p + q). */
export function arimaSpecOf(fit: ArimaFit, recipe: ArimaRecipe): ArimaModelSpec {
  return {
    ...recipe,
    arma: [...fit.arma],
    coef: Array.from(fit.coef),
    hasIntercept: fit.hasIntercept,
    hasDrift: fit.hasDrift,
    nxreg: fit.nxreg,
    sigma2: fit.sigma2,
    phi: Array.from(fit.phi),
    theta: Array.from(fit.theta),
  };
}

/**
 * Holds each lagged column's rows after the first n (those the forecast reads) to near its range
 * over rows 0…n−1, as the regressions do (prediction-bounds.ts): a keyword flat for a year that
 * jumps at the origin would otherwise be multiplied by its coefficient into a forecast of
 * thousands on a 0–100 index. In place. O(n·k).
 */
function holdFutureInRange(columns: readonly Float64Array[], n: number): void {
  for (const col of columns) {
    const b = predictionBounds(col, 0, n - 1, WIDEN_OTHER);
    for (let i = n; i < col.length; i++) col[i] = clip(col[i], b);
  }
}

/** Forecast mean and se for h = 1..H from origin t (rows ≤ t), the coefficients kept. O(t·r²). */
export function arimaSpecForecast(
  spec: ArimaModelSpec,
  y: ArrayLike<number>,
  exog: ReadonlyMap<string, ArrayLike<number>>,
  t: number,
  horizon: number,
): StatForecast {
  const start = recipeStart(spec);
  const n = t + 1 - start;
  const core: ArimaCore = {
    ...spec,
    arma: spec.arma as ArimaCore['arma'],
    coef: Float64Array.from(spec.coef),
    phi: Float64Array.from(spec.phi),
    theta: Float64Array.from(spec.theta),
  };
  const ys = Float64Array.from({ length: n }, (_, i) => y[start + i]);
  const xreg = spec.nxreg > 0 ? recipeColumns(spec, exog, n + horizon) : undefined;
  if (xreg && spec.lagged) holdFutureInRange(xreg.slice(xreg.length - spec.lagged.columns.length), n);
  const fc = arimaRefilter(core, ys, n, horizon, xreg);
  return { mean: fc.mean, sd: fc.se };
}
