/**
 * The regression part of an ARIMA fit as forecast's `Arima` and R's `arima` set it up: the columns
 * (intercept when d + D = 0, drift 1…n, then the user's), R's rotation of several free regressors by
 * the right singular vectors of the design, and the starting values and parameter scales from an
 * initial `lm` of the differenced series on the differenced regressors (init = β̂, parscale = 10·se(β̂)).
 */
import { inputError } from '../../../errors.js';
import { jacobiSvd } from '../../linalg/jacobi-svd.js';
import { leastSquares } from '../../linalg/least-squares.js';

/** The design of the regression part. */
export interface ArimaDesign {
  readonly columns: Float64Array[];
  readonly names: string[];
  readonly hasIntercept: boolean;
  readonly hasDrift: boolean;
  readonly nxreg: number;
}

/** Builds the regressor columns and names in R's order: intercept, drift, user columns. O(n·k). */
export function arimaDesign(
  n: number,
  nd: number,
  includeMean: boolean,
  includeDrift: boolean,
  xreg: readonly ArrayLike<number>[] | undefined,
  xregNames: readonly string[] | undefined,
): ArimaDesign {
  const columns: Float64Array[] = [];
  const names: string[] = [];
  const hasIntercept = includeMean && nd === 0;
  const hasDrift = includeDrift && nd <= 1;
  if (hasIntercept) {
    columns.push(new Float64Array(n).fill(1));
    names.push('intercept');
  }
  if (hasDrift) {
    columns.push(Float64Array.from({ length: n }, (_, i) => i + 1));
    names.push('drift');
  }
  const user = xreg ?? [];
  user.forEach((col, j) => {
    if (col.length !== n) throw inputError('arima_xreg_length', "lengths of 'x' and 'xreg' do not match");
    columns.push(col instanceof Float64Array ? col : Float64Array.from(col)); // never written to
    names.push(xregNames?.[j] ?? (user.length === 1 ? 'xreg' : `xreg${j + 1}`));
  });
  return { columns, names, hasIntercept, hasDrift, nxreg: user.length };
}

/** Differences a series in place order: `differences` times at `lag` (R's `diff`); returns a new array. */
export function diffSeries(x: ArrayLike<number>, lag: number, differences: number): Float64Array {
  let out = Float64Array.from(x);
  for (let k = 0; k < differences; k++) {
    const next = new Float64Array(Math.max(out.length - lag, 0));
    for (let i = 0; i < next.length; i++) next[i] = out[i + lag] - out[i];
    out = next;
  }
  return out;
}

/** Starting values, parameter scales and the optional rotation of the regressors. */
export interface RegressionStart {
  /** Columns as the optimiser sees them (rotated when `rotation` is set). */
  readonly columns: Float64Array[];
  /** V of the SVD (columns), so β = V·β̃; null when the original columns are used. */
  readonly rotation: Float64Array[] | null;
  readonly init: Float64Array;
  readonly parscale: Float64Array;
}

/**
 * R's `arima` regression start: rotate by V of svd(xreg) when there are ≥ 2 regressors and none is
 * fixed, regress the (d, D)-differenced series on the differenced regressors (or the originals when
 * that has rank 0), init = β̂, parscale = 10·se. O(n·k²).
 */
export function regressionStart(x: Float64Array, columns: Float64Array[], d: number, D: number, m: number, anyFixed: boolean): RegressionStart {
  const k = columns.length;
  let cols = columns;
  let rotation: Float64Array[] | null = null;
  if (!(k === 1 || anyFixed)) {
    const { v } = jacobiSvd(columns);
    rotation = v;
    cols = v.map((vj) => {
      const out = new Float64Array(x.length);
      for (let i = 0; i < k; i++) {
        const c = columns[i],
          w = vj[i];
        if (w !== 0) for (let t = 0; t < x.length; t++) out[t] += w * c[t];
      }
      return out;
    });
  }
  const dif = (s: Float64Array) => {
    let o = d > 0 ? diffSeries(s, 1, d) : s;
    if (m > 1 && D > 0) o = diffSeries(o, m, D);
    return o;
  };
  const dx = dif(x);
  const dcols = cols.map(dif);
  let fit = dx.length > k ? leastSquares(dcols, dx) : null;
  if (!fit || fit.rank === 0) fit = leastSquares(cols, x);
  if (fit.rank < k) throw inputError('arima_xreg_rank', 'the regressors are linearly dependent');
  const parscale = fit.se.map((s) => 10 * s);
  return { columns: cols, rotation, init: fit.coef, parscale };
}
