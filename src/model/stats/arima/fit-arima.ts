/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)_m with regressors, estimated as R's `stats::arima` wrapped by forecast's
 * `Arima` (R's `src/library/stats/R/arima.R`; Hyndman & Khandakar 2008, JSS 27(3), §3): conditional
 * sum of squares for starting values, then exact Gaussian maximum likelihood by the Kalman filter
 * (`CSS-ML`), or either alone, optimised by R's BFGS with R's PACF transformation of the AR parts.
 */
import { inputError } from '../../../errors.js';
import { hasNaN } from './has-nan.js';
import { bfgs, type BfgsResult } from '../optim/bfgs.js';
import { cssResiduals, cssWork } from './css.js';
import { arimaObjectives } from './objectives.js';
import { maInvert, rootsOutside } from './poly-roots.js';
import { arimaDesign, regressionStart, type RegressionStart } from './regressors.js';
import { differencingPolynomial } from './state-space.js';
import { armaPolys, invTransPars, transPars, undoPars, type ArmaOrders } from './transform.js';
import type { ArimaFit, ArimaSpec } from './types.js';
import { finalFilter, varianceCheck, type FinalFilter } from './fit-finish.js';

const arCheck = (ar: ArrayLike<number>) =>
  rootsOutside(
    Array.from(ar, (v) => -v),
    1,
  );

/** Coefficient names in R's order. */
function armaNames(arma: ArmaOrders): string[] {
  const out: string[] = [];
  const add = (prefix: string, k: number) => {
    for (let i = 1; i <= k; i++) out.push(`${prefix}${i}`);
  };
  add('ar', arma[0]);
  add('ma', arma[1]);
  add('sar', arma[2]);
  add('sma', arma[3]);
  return out;
}

/**
 * Fits the model to y (NaN = missing). Throws `input.arima_*` errors where R's `arima` stops: too few
 * observations, a non-stationary AR part from CSS, non-finite objective at the start, dependent
 * regressors. Cost: each objective evaluation is O(n·(p + q + k)) for CSS and O(n·rd²) for ML
 * (rd = max(p + mP, q + mQ + 1) + d + mD); BFGS needs ~10–100 iterations of 2k + 1 evaluations.
 * `startCache` (for repeated fits of one series and regressors, as in the order search) memoises the
 * regression start, which depends only on d, D and the intercept/drift columns.
 */
// eslint-disable-next-line max-lines-per-function -- a port of R's stats::arima, kept in its order for parity
export function fitArima(y: ArrayLike<number>, spec: ArimaSpec, startCache?: Map<string, RegressionStart>): ArimaFit {
  const x = Float64Array.from(y);
  const n = x.length;
  const [p, d, q] = spec.order;
  const [P, D, Q] = spec.seasonal?.order ?? [0, 0, 0];
  const m = Math.trunc(spec.seasonal?.period ?? 1) || 1;
  const arma: ArmaOrders = [p, q, P, Q, m, d, D];
  const narma = p + q + P + Q;
  const delta = differencingPolynomial(d, D, m);
  const nd = d + D;
  const design = arimaDesign(n, nd, spec.includeMean ?? true, spec.includeDrift ?? false, spec.xreg, spec.xregNames);
  const ncxreg = design.columns.length;
  const kappa = spec.kappa ?? 1e6;
  let method = spec.method ?? 'CSS-ML';
  let anyNa = hasNaN(x);
  for (const c of design.columns) if (hasNaN(c)) anyNa = true;
  if (method === 'CSS-ML' && anyNa) method = 'ML';
  let ncond = 0;
  if (method !== 'ML') ncond = d + D * m + p + m * P;
  const fixed = new Float64Array(narma + ncxreg).fill(NaN);
  if (spec.fixed) {
    if (spec.fixed.length !== fixed.length) throw inputError('arima_fixed', "wrong length for 'fixed'");
    for (let i = 0; i < fixed.length; i++) fixed[i] = spec.fixed[i];
  }
  const mask = Array.from(fixed, Number.isNaN);
  const freeIndex: number[] = [];
  mask.forEach((f, i) => {
    if (f) freeIndex.push(i);
  });
  const nfree = freeIndex.length;
  const noOptim = nfree === 0;
  let transform = (spec.transformPars ?? true) && !noOptim;
  if (transform) {
    for (let i = 0; i < p; i++) if (!mask[i]) transform = false;
    for (let i = 0; i < P; i++) if (!mask[p + q + i]) transform = false;
  }
  let init: Float64Array = new Float64Array(narma + ncxreg);
  const parscale = new Float64Array(narma + ncxreg).fill(1);
  let columns = design.columns;
  let rotation: Float64Array[] | null = null;
  let nUsed = 0;
  if (anyNa) {
    for (let t = 0; t < n; t++) if (!Number.isNaN(x[t]) && design.columns.every((c) => !Number.isNaN(c[t]))) nUsed++;
  } else {
    nUsed = n;
  }
  nUsed -= delta.length;
  if (nUsed <= 0) throw inputError('arima_too_short', 'too few non-missing observations');
  if (ncxreg > 0) {
    const anyFixedX = mask.slice(narma).some((f) => !f);
    const key = `${d},${D},${m},${design.hasIntercept},${design.hasDrift},${anyFixedX}`;
    let start = startCache?.get(key);
    if (!start) {
      start = regressionStart(x, design.columns, d, D, m, anyFixedX);
      startCache?.set(key, start);
    }
    columns = start.columns;
    rotation = start.rotation;
    init.set(start.init, narma);
    parscale.set(start.parscale, narma);
  }
  const coef = Float64Array.from(fixed);
  const obj = arimaObjectives({ x, xreg: columns, arma, delta, coef, mask, ncond, kappa });
  const free = (v: ArrayLike<number>) => Float64Array.from(freeIndex, (i) => v[i]);
  const ps = free(parscale);
  const noRun = (value: number): BfgsResult => ({ par: new Float64Array(0), value, fail: 0, fnCount: 0, grCount: 0 });
  let res: BfgsResult;
  let hessianAt: { fn: (p: Float64Array) => number; par: Float64Array } | null = null;
  let gradA: Float64Array | null = null;
  if (method === 'CSS') {
    res = noOptim ? noRun(obj.css(new Float64Array(0))) : bfgs(obj.css, free(init), { parscale: ps });
    coef.set(obj.fullCoef(res.par));
    if (!noOptim) hessianAt = { fn: obj.css, par: res.par };
  } else {
    if (method === 'CSS-ML') {
      const r0 = noOptim ? noRun(obj.css(new Float64Array(0))) : bfgs(obj.css, free(init), { parscale: ps });
      if (r0.fail === 0) init = obj.fullCoef(r0.par);
      if (p > 0 && !arCheck(init.subarray(0, p))) throw inputError('arima_nonstationary', 'non-stationary AR part from CSS');
      if (P > 0 && !arCheck(init.subarray(p + q, p + q + P))) {
        throw inputError('arima_nonstationary', 'non-stationary seasonal AR part from CSS');
      }
    }
    if (transform) {
      init = invTransPars(init, arma);
      if (q > 0) init.set(maInvert(init.subarray(p, p + q)), p);
      if (Q > 0) init.set(maInvert(init.subarray(p + q + P, narma)), p + q + P);
    }
    const ml = (v: Float64Array) => obj.ml(v, transform);
    res = noOptim ? noRun(ml(new Float64Array(0))) : bfgs(ml, free(init), { parscale: ps });
    coef.set(obj.fullCoef(res.par));
    if (!noOptim) hessianAt = { fn: ml, par: res.par };
    if (transform) {
      let changed = false;
      const inv = (from: number, len: number) => {
        if (len === 0 || !mask.slice(from, from + len).every(Boolean)) return;
        const v = maInvert(coef.subarray(from, from + len));
        for (let i = 0; i < len; i++) if (v[i] !== coef[from + i]) changed = true;
        coef.set(v, from);
      };
      inv(p, q);
      inv(p + q + P, Q);
      if (changed) {
        const par = free(coef);
        res = { ...res, par };
        hessianAt = { fn: ml, par };
      }
      gradA = coef.slice();
      coef.set(undoPars(coef, arma));
    }
  }
  const polys = transPars(coef, arma, false, armaPolys(arma));
  const wreg = obj.regressionResidual(coef);
  const filter = () => finalFilter(wreg, polys.phi, polys.theta, delta, kappa);
  let fin: FinalFilter | null = null;
  let sigma2Raw: number;
  let residuals: Float64Array;
  if (method === 'CSS') {
    const cw = cssWork(n, polys.phi.length, polys.theta.length);
    sigma2Raw = cssResiduals(wreg, d, D, m, polys.phi, polys.theta, ncond, cw);
    residuals = cw.resid.slice();
  } else {
    // R reports the objective of its own (diffuse-state) likelihood at the optimum: the final run's.
    fin = filter();
    res = { ...res, value: fin.objective };
    sigma2Raw = fin.ssq / nUsed;
    residuals = fin.residuals;
  }
  const value = 2 * nUsed * res.value + nUsed + nUsed * Math.log(2 * Math.PI);
  let aic = method !== 'CSS' ? value + 2 * nfree + 2 : NaN;
  if (rotation) {
    const b = coef.slice(narma);
    for (let i = 0; i < ncxreg; i++) {
      let s = 0;
      for (let j = 0; j < ncxreg; j++) s += rotation[j][i] * b[j];
      coef[narma + i] = s;
    }
  }
  // forecast's Arima: n* over the non-missing span, AICc, BIC and σ² = Σe²/(n* − k).
  let first = 0,
    last = n - 1;
  while (first < n && Number.isNaN(residuals[first])) first++;
  while (last > first && Number.isNaN(residuals[last])) last--;
  let nNonMissing = 0;
  for (let t = first; t <= last; t++) if (!Number.isNaN(residuals[t])) nNonMissing++;
  const nstar = nNonMissing - d - D * m;
  const npar = nfree + 1;
  if (!Number.isFinite(aic)) aic = NaN;
  const aicc = aic + (2 * npar * (npar + 1)) / (nstar - npar - 1);
  const bic = aic + npar * (Math.log(nstar) - 2);
  let ss2 = 0;
  for (const e of residuals) if (!Number.isNaN(e)) ss2 += e * e;
  const names = [...armaNames(arma), ...design.names];
  const check = varianceCheck(hessianAt, ps, nUsed, gradA, arma, mask, rotation, narma);
  if (spec.hessian ?? true) check();
  return {
    arma,
    method,
    coef,
    coefNames: names,
    mask,
    sigma2: ss2 / (nstar - npar + 1),
    sigma2Raw,
    loglik: -0.5 * value,
    aic,
    aicc,
    bic,
    nobs: nUsed,
    nstar,
    npar,
    residuals,
    code: res.fail,
    hasIntercept: design.hasIntercept,
    hasDrift: design.hasDrift,
    nxreg: design.nxreg,
    n,
    phi: polys.phi,
    theta: polys.theta,
    // The end state is only needed to forecast: CSS fits (the search's) filter on first use.
    get model() {
      return (fin ??= filter()).model;
    },
    varianceOk: check,
  };
}
