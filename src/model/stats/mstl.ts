/**
 * MSTL, the multiple seasonal decomposition of `forecast::mstl` (R/mstl.R in robjhyndman/forecast;
 * Bandara, Hyndman & Bergmeir 2021, *MSTL: A seasonal-trend decomposition algorithm for time series
 * with multiple seasonal patterns*, arXiv:2107.13462): STL fitted to one seasonal period at a time,
 * each on the series less the other seasonal components, the whole cycle repeated `iterate` times.
 */
import { inputError } from '../../errors.js';
import { boxCox } from './box-cox.js';
import { guerreroLambda } from './guerrero.js';
import { stl, type StlOptions, type StlResult } from './stl.js';

/** Options of {@link mstl}: forecast::mstl's, plus any {@link StlOptions} but sWindow passed to every STL fit. */
export interface MstlOptions extends Omit<StlOptions, 'sWindow'> {
  /** Box–Cox λ applied first, or 'auto' for Guerrero's λ in [−0.9, 2] (forecast::BoxCox(x, "auto")). Default none. */
  lambda?: number | 'auto';
  /** Passes over all periods. Default 1 for one period (R's `ts` case), 2 for several (`msts`). */
  iterate?: number;
  /** Seasonal window per period (ascending order), or one for all. Default 7 + 4·i for the i-th period (11, 15, …). */
  sWindow?: number | 'periodic' | readonly (number | 'periodic')[];
}

/** The columns of forecast::mstl's result (without the data). */
export interface MstlResult {
  /** The periods used, ascending (those < n/2 when several were given). */
  periods: number[];
  /** The trend of the last STL fit. */
  trend: Float64Array;
  /** One seasonal component per period, in the order of `periods`. */
  seasonals: Float64Array[];
  /** Series (transformed when λ is set) less trend and seasonals. */
  remainder: Float64Array;
  /** The Box–Cox λ used, or null. */
  lambda: number | null;
}

/**
 * Multiple seasonal decomposition y = trend + Σ seasonal_j + remainder (on the Box–Cox scale when
 * λ is set), as forecast::mstl(msts(y, periods)) or, for one period, mstl(ts(y, frequency = period)).
 * With several periods those ≥ n/2 are dropped, as R does. Non-integer periods go to STL as R passes
 * them (⌊m⌋ for the cycle, m for the default spans). R's fallback for series without a usable period
 * (a supsmu trend) and its NA interpolation are not implemented: they raise input errors.
 * Cost: iterate × periods STL fits, O(n·(window/jump)) each.
 * @example mstl(hourly, [24, 168]).seasonals[1]
 */
export function mstl(y: Float64Array, periods: number | readonly number[], opts: MstlOptions = {}): MstlResult {
  const n = y.length;
  const several = typeof periods !== 'number';
  let ps = several ? [...periods].filter((p) => p < n / 2) : [periods];
  ps = ps.sort((a, b) => a - b);
  if (ps.length === 0 || !(ps[0] > 1)) throw inputError('mstl_period', `mstl needs a seasonal period > 1 with two full periods of data (n = ${n})`);
  for (let i = 0; i < n; i++) if (Number.isNaN(y[i])) throw inputError('mstl_missing', `mstl needs complete data (index ${i} is NaN)`);
  const { lambda: lam, iterate, sWindow, ...stlOpts } = opts;
  let lambda: number | null = null;
  let x = y;
  if (lam !== undefined) {
    lambda = lam === 'auto' ? guerreroLambda(y, several ? Math.floor(ps[ps.length - 1]) : ps[0], -0.9, 2) : lam;
    x = boxCox(y, lambda);
  }
  const windows = ps.map((_, i) => {
    if (sWindow === undefined) return 7 + 4 * (i + 1);
    if (typeof sWindow === 'number' || sWindow === 'periodic') return sWindow;
    if (i >= sWindow.length) throw inputError('mstl_window', `mstl: ${sWindow.length} seasonal windows for ${ps.length} periods`);
    return sWindow[i];
  });
  const passes = Math.max(1, Math.trunc(iterate ?? (several ? 2 : 1)));
  const seasonals = ps.map(() => new Float64Array(n));
  const deseas = Float64Array.from(x);
  let fit: StlResult | null = null;
  for (let it = 0; it < passes; it++) {
    for (let j = 0; j < ps.length; j++) {
      const s = seasonals[j];
      for (let i = 0; i < n; i++) deseas[i] += s[i];
      fit = stl(deseas, ps[j], { ...stlOpts, sWindow: windows[j] });
      s.set(fit.seasonal);
      for (let i = 0; i < n; i++) deseas[i] -= s[i];
    }
  }
  const trend = fit!.trend;
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = deseas[i] - trend[i];
  return { periods: ps, trend, seasonals, remainder, lambda };
}
