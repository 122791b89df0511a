/**
 * The two objectives R's `arima` hands to `optim`: `armaCSS` (½·log of the conditional mean square)
 * and `armafn` (the concentrated exact Gaussian −log-likelihood per observation,
 * ½·[log(Σv²/F / ν) + Σlog F / ν]), both as functions of the free coefficients only.
 * Without missing values both run on the differenced data (`differenced-css.ts`,
 * `differenced-likelihood.ts`); with missing values they are R's, on the observed series.
 * Buffers are allocated once per problem (lazily), so an evaluation allocates nothing.
 */
import { cssResiduals, cssWork, type CssWork } from './css.js';
import { differencedCss } from './differenced-css.js';
import { kalmanLikelihood, kalmanWork, type KalmanSums, type KalmanWork } from './kalman-likelihood.js';
import { applyDelta, differencedLikelihood } from './differenced-likelihood.js';
import { hasNaN } from './has-nan.js';
import { IncrementalResidual } from './incremental-residual.js';
import { makeStateSpace, setArma, type ArimaStateSpace } from './state-space.js';
import { armaPolys, transPars, type ArmaOrders, type ArmaPolys } from './transform.js';
import type { Objective } from '../optim/bfgs.js';

/** What the objectives need: the data, regressors, orders and the fixed/free coefficient layout. */
export interface ArimaProblem {
  readonly x: Float64Array;
  /** Regressor columns (already rotated when R would rotate them). */
  readonly xreg: readonly Float64Array[];
  readonly arma: ArmaOrders;
  readonly delta: Float64Array;
  /** Full coefficient vector with fixed values; free entries are overwritten per evaluation. */
  readonly coef: Float64Array;
  readonly mask: readonly boolean[];
  readonly ncond: number;
  readonly kappa: number;
}

/** Objective closures over one problem. */
export interface ArimaObjectives {
  /** R's `armaCSS`: ½·log of the conditional mean square (with the optimiser's cheap `pair`). */
  readonly css: Objective;
  /**
   * The ML objective; when nothing is missing it is `differencedLikelihood` (the differenced data
   * through the ARMA part, cached per ARMA vector), within O(1/κ) ≈ 1e-6 relative of R's value.
   */
  readonly ml: (p: Float64Array, trans: boolean) => number;
  /** The full coefficient vector for free values p (a copy). */
  readonly fullCoef: (p: ArrayLike<number>) => Float64Array;
  /** x − xreg·β for the full coefficients (a fresh array). */
  readonly regressionResidual: (coef: ArrayLike<number>) => Float64Array;
}

/**
 * Builds {@link ArimaObjectives}: O(n·k + rd²) memory. Without missing values a CSS evaluation is
 * O(n·(p + q + P + Q)), and its finite-difference pairs O(n·(q + Q + 1)) per coordinate; an ML
 * evaluation is one Chandrasekhar gain run O(n·r) and filter run, or O(1) for a regression step.
 */
export function arimaObjectives(pr: ArimaProblem): ArimaObjectives {
  const { x, xreg, arma, mask, coef } = pr;
  const n = x.length,
    narma = arma[0] + arma[1] + arma[2] + arma[3];
  const par = Float64Array.from(coef);
  const polys: ArmaPolys = armaPolys(arma);
  let exact: { ss: ArimaStateSpace; kw: KalmanWork } | null = null;
  let cw: CssWork | null = null;
  const fast = !hasNaN(x) && !xreg.some(hasNaN);
  let differenced: ((par: Float64Array, trans: boolean) => number) | null = null;
  const sums: KalmanSums = { ssq: 0, sumlog: 0, nu: 0 };
  const setPar = (p: ArrayLike<number>) => {
    let k = 0;
    for (let i = 0; i < par.length; i++) par[i] = mask[i] ? p[k++] : coef[i];
  };
  const incremental = new IncrementalResidual(x, xreg, narma);
  const residual = (c: ArrayLike<number>) => incremental.at(c);
  // Without missing values CSS runs on the differenced data, Dx − Σβ_j DX_j (D is linear).
  const nd = pr.delta.length;
  const fastCss =
    fast && pr.ncond - nd >= arma[0] + arma[4] * arma[2]
      ? differencedCss(
          applyDelta(x, pr.delta),
          xreg.map((c) => applyDelta(c, pr.delta)),
          arma,
          pr.ncond - nd,
        )
      : null;
  const cssValue = (p: Float64Array): number => {
    setPar(p);
    if (fastCss) return fastCss(par);
    transPars(par, arma, false, polys);
    cw ??= cssWork(n, polys.phi.length, polys.theta.length);
    const s2 = cssResiduals(residual(par), arma[5], arma[6], arma[4], polys.phi, polys.theta, pr.ncond, cw);
    return 0.5 * Math.log(s2);
  };
  const freeIndex: number[] = [];
  mask.forEach((f, i) => {
    if (f) freeIndex.push(i);
  });
  const css: Objective = !fastCss
    ? cssValue
    : Object.assign(cssValue, {
        pair: (p: Float64Array, i: number, lo: number, hi: number, out: Float64Array): boolean => {
          setPar(p);
          return fastCss.pair(par, freeIndex[i], lo, hi, out);
        },
      });
  // R's `armafn` exactly (differencing in the state, diffuse prior κ): the objective with missing values.
  const mlExact = (p: Float64Array, trans: boolean): number => {
    setPar(p);
    transPars(par, arma, trans, polys);
    if (!exact) {
      const ss = makeStateSpace(polys.phi, polys.theta, pr.delta, pr.kappa);
      exact = { ss, kw: kalmanWork(ss.rd) };
    }
    const { ss, kw } = exact;
    if (!setArma(ss, polys.phi, polys.theta)) return Number.MAX_VALUE;
    kalmanLikelihood(residual(par), ss, kw, null, sums);
    const s2 = sums.ssq / sums.nu;
    return 0.5 * (Math.log(s2) + sums.sumlog / sums.nu);
  };
  const ml = !fast
    ? mlExact
    : (p: Float64Array, trans: boolean): number => {
        setPar(p);
        differenced ??= differencedLikelihood(x, xreg, arma, pr.delta, armaPolys(arma));
        return differenced(par, trans);
      };
  const fullCoef = (p: ArrayLike<number>) => {
    setPar(p);
    return par.slice();
  };
  const regressionResidual = (c: ArrayLike<number>) => residual(c).slice();
  return { css, ml, fullCoef, regressionResidual };
}
