/**
 * Automatic ARIMA order selection as forecast's `auto.arima` (R/newarima2.R; Hyndman & Khandakar
 * 2008, "Automatic time series forecasting: the forecast package for R", JSS 27(3)): D by the
 * seasonal-strength heuristic (or OCSB), d by repeated KPSS tests, then the stepwise search on the
 * AICc (CSS fits during the search when n > 150 or m > 12, then the best models refitted by CSS-ML
 * until one passes the checks).
 */
import { inputError } from '../../../errors.js';
import { isConstant } from '../is-constant.js';
import { ndiffs } from '../unit-root/ndiffs.js';
import { nsdiffs, type SeasonalTest } from '../unit-root/nsdiffs.js';
import { fitCandidate, verifyCandidate, type Candidate, type CandidateContext, type InformationCriterion } from './candidate.js';
import { fitArima } from './fit-arima.js';
import { jacobiSvd } from '../../linalg/jacobi-svd.js';
import { leastSquares } from '../../linalg/least-squares.js';
import { diffSeries } from './regressors.js';
import { stepwiseSearch } from './stepwise-search.js';
import { exhaustiveSearch } from './exhaustive-search.js';
import type { ArimaFit, ArimaMethod } from './types.js';

/** Options of {@link autoArima}; defaults are auto.arima's. */
export interface AutoArimaOptions {
  /** Observations per cycle (R's `frequency`), e.g. 12, 4, 365.25/7; default 1. */
  readonly period?: number;
  /** Consider seasonal models (default true); false with Fourier `xreg` is the weekly recipe. */
  readonly seasonal?: boolean;
  /** Fixed differences (default: ndiffs by KPSS, and nsdiffs for D). */
  readonly d?: number;
  readonly D?: number;
  /** Largest p, q (default 5), P, Q (Ps, Qs; default 2) and p + q + P + Q (default 5, exhaustive only). */
  readonly maxP?: number;
  readonly maxQ?: number;
  readonly maxPs?: number;
  readonly maxQs?: number;
  readonly maxOrder?: number;
  /** Largest d (default 2) and D (default 1). */
  readonly maxD?: number;
  readonly maxDs?: number;
  /** Starting orders of the stepwise search (default p = q = 2, P = Q = 1). */
  readonly startP?: number;
  readonly startQ?: number;
  readonly startPs?: number;
  readonly startQs?: number;
  /** Only stationary models (d = D = 0). */
  readonly stationary?: boolean;
  /** Criterion to minimise (default AICc). */
  readonly ic?: InformationCriterion;
  /** Stepwise search (default) or every model up to maxOrder. */
  readonly stepwise?: boolean;
  /** Most models the stepwise search fits (default 94). */
  readonly nmodels?: number;
  /** CSS during the search; default n > 150 or period > 12. */
  readonly approximation?: boolean;
  /** Estimation method of every candidate (default CSS while approximating, else CSS-ML). */
  readonly method?: ArimaMethod;
  /** Regressors as columns the length of y (regression with ARIMA errors), and their names. */
  readonly xreg?: readonly ArrayLike<number>[];
  readonly xregNames?: readonly string[];
  /** Seasonal differencing test (default 'seas', the strength heuristic; or 'ocsb'). */
  readonly seasonalTest?: SeasonalTest;
  /** Consider drift when d + D = 1 and a mean when d + D = 0 (both default true). */
  readonly allowDrift?: boolean;
  readonly allowMean?: boolean;
}

/** The chosen model and the search record. */
export interface AutoArimaResult {
  readonly fit: ArimaFit;
  /** The criterion of the chosen model (forecast drops it; kept here for reporting). */
  readonly ic: number;
  readonly d: number;
  readonly D: number;
  /** Number of candidate models fitted during the search (refits excluded). */
  readonly models: number;
}

/** Drops the leading missing values, as auto.arima does. */
function trimLeading(y: ArrayLike<number>, xreg?: readonly ArrayLike<number>[]) {
  let first = 0;
  while (first < y.length && Number.isNaN(y[first])) first++;
  if (first === y.length) throw inputError('arima_all_missing', 'All data are missing');
  const x = Float64Array.from(y).subarray(first).slice();
  const xr = xreg?.map((c) => Float64Array.from(c).subarray(first).slice());
  return { x, xreg: xr, first };
}

/**
 * Selects and fits an ARIMA model for y (NaN = missing), forecast's `auto.arima(y, …)` with its
 * defaults. Cost: one KPSS per d, one MSTL for D, then ~10–40 candidate fits (CSS or CSS-ML) and the
 * final CSS-ML refit. Throws `input.arima_*` when no model can be fitted.
 */
// eslint-disable-next-line max-lines-per-function -- one pass of forecast::auto.arima's steps, kept in its order for parity with R
export function autoArima(y: ArrayLike<number>, opts: AutoArimaOptions = {}): AutoArimaResult {
  const { x, xreg } = trimLeading(y, opts.xreg);
  const frequency = opts.period ?? 1;
  const ctxBase = { xreg, xregNames: opts.xregNames, method: opts.method };
  let last = x.length - 1;
  while (last > 0 && Number.isNaN(x[last])) last--;
  let serieslength = 0;
  for (let t = 0; t <= last; t++) if (!Number.isNaN(x[t])) serieslength++;
  if (isConstant(x)) {
    let s = 0,
      c = 0;
    for (const v of x)
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    const fit = fitArima(x, { order: [0, 0, 0], fixed: opts.allowMean === false ? [] : [s / c], includeMean: opts.allowMean !== false, xreg: undefined });
    return { fit, ic: NaN, d: 0, D: 0, models: 0 };
  }
  let ic: InformationCriterion = opts.ic ?? 'aicc';
  let m = opts.seasonal === false ? 1 : frequency;
  m = m < 1 ? 1 : Math.round(m);
  let maxP = Math.min(opts.maxP ?? 5, Math.floor(serieslength / 3));
  let maxQ = Math.min(opts.maxQ ?? 5, Math.floor(serieslength / 3));
  let maxPs = Math.min(opts.maxPs ?? 2, Math.floor(serieslength / 3 / m));
  let maxQs = Math.min(opts.maxQs ?? 2, Math.floor(serieslength / 3 / m));
  if (serieslength <= 3) ic = 'aic';
  // Regressors: the tests run on the residuals of lm(x ~ xreg) over the non-constant columns.
  let xx = x;
  let xregg: Float64Array[] | null = null;
  if (xreg && xreg.length > 0) {
    const nonConst = xreg.filter((c) => !isConstant(c));
    if (nonConst.length > 0) {
      xregg = nonConst;
      const ones = new Float64Array(x.length).fill(1);
      const sv = jacobiSvd([ones, ...nonConst]).values;
      const sum = sv.reduce((a, b) => a + b, 0);
      if (sv[sv.length - 1] / sum < Number.EPSILON) throw inputError('arima_xreg_rank', 'xreg is rank deficient');
      const fit = leastSquares([ones, ...nonConst], x);
      xx = Float64Array.from(x, (v, i) => (Number.isNaN(fit.residuals[i]) ? v : fit.residuals[i]));
    }
  }
  let d = opts.d ?? NaN,
    D = opts.D ?? NaN;
  if (opts.stationary) d = D = 0;
  const someConstant = (cols: Float64Array[]) => cols.some((c) => isConstant(c));
  if (m === 1) {
    D = 0;
    maxPs = maxQs = 0;
  } else if (Number.isNaN(D) && xx.length <= 2 * m) {
    D = 0;
  } else if (Number.isNaN(D)) {
    D = nsdiffs(xx, frequency, opts.seasonalTest ?? 'seas', opts.maxDs ?? 1);
    if (D > 0 && xregg && someConstant(xregg.map((c) => diffSeries(c, m, D)))) D--;
    if (D > 0 && diffSeries(xx, m, D).every(Number.isNaN)) D--;
  }
  let dx = D > 0 ? diffSeries(xx, m, D) : xx;
  const diffxreg = xregg ? (D > 0 ? xregg.map((c) => diffSeries(c, m, D)) : xregg) : null;
  if (Number.isNaN(d)) {
    d = ndiffs(dx, 0.05, opts.maxD ?? 2);
    if (d > 0 && diffxreg && someConstant(diffxreg.map((c) => diffSeries(c, 1, d)))) d--;
    if (d > 0 && diffSeries(dx, 1, d).every(Number.isNaN)) d--;
  }
  if (d > 0) dx = diffSeries(dx, 1, d);
  if (dx.length === 0) throw inputError('arima_too_short', 'Not enough data to proceed');
  const seasonal = (P: number, Q: number) => ({ order: [P, D, Q] as [number, number, number], period: m });
  if (isConstant(dx)) {
    const mean = (v: Float64Array) => {
      let s = 0,
        c = 0;
      for (const t of v)
        if (!Number.isNaN(t)) {
          s += t;
          c++;
        }
      return s / c;
    };
    const base = {
      order: [0, d, 0] as [number, number, number],
      seasonal: D > 0 ? seasonal(0, 0) : undefined,
      method: opts.method,
      xreg,
      xregNames: opts.xregNames,
    };
    let fit: ArimaFit;
    if (xreg && xreg.length > 0) fit = fitArima(x, base);
    else if (D > 0 && d === 0) fit = fitArima(x, { ...base, includeDrift: true, fixed: [mean(dx) / m] });
    else if (D > 0 || d === 2) fit = fitArima(x, base);
    else if (d < 2) fit = fitArima(x, { ...base, includeMean: true, includeDrift: d === 1, fixed: [mean(dx)] });
    else throw inputError('arima_polynomial', 'Data follow a simple polynomial and are not suitable for ARIMA modelling.');
    return { fit, ic: NaN, d, D, models: 0 };
  }
  if (m > 1) {
    if (maxPs > 0) maxP = Math.min(maxP, m - 1);
    if (maxQs > 0) maxQ = Math.min(maxQ, m - 1);
  }
  const approximation = opts.approximation ?? (x.length > 150 || frequency > 12);
  const allowDrift = (opts.allowDrift ?? true) && d + D === 1;
  const allowMean = (opts.allowMean ?? true) && d + D === 0;
  // The offset R adds to CSS criteria is the same for every candidate, so it cannot change the choice.
  const ctx: CandidateContext = { ...ctxBase, x, period: m, ic, offset: 0, startCache: new Map() };
  let best: Candidate;
  let tried: Candidate[];
  if (opts.stepwise === false) {
    ({ best, tried } = exhaustiveSearch(ctx, { d, D, m, maxP, maxQ, maxPs, maxQs, maxOrder: opts.maxOrder ?? 5, allowDrift, allowMean }, approximation));
  } else {
    let startP = opts.startP ?? 2,
      startQ = opts.startQ ?? 2,
      startPs = opts.startPs ?? 1,
      startQs = opts.startQs ?? 1;
    if (x.length < 10) {
      startP = Math.min(startP, 1);
      startQ = Math.min(startQ, 1);
      startPs = 0;
      startQs = 0;
    }
    ({ best, tried } = stepwiseSearch(
      ctx,
      {
        d,
        D,
        m,
        maxP,
        maxQ,
        maxPs,
        maxQs,
        allowDrift,
        allowMean,
        nmodels: opts.nmodels ?? 94,
        startP: Math.min(startP, maxP),
        startQ: Math.min(startQ, maxQ),
        startPs: Math.min(startPs, maxPs),
        startQs: Math.min(startQs, maxQs),
      },
      approximation,
    ));
  }
  if (approximation && best.fit && opts.stepwise !== false) best = refitBest(ctx, tried, best);
  if (best.ic === Infinity && opts.method !== 'CSS') throw inputError('arima_no_model', 'No suitable ARIMA model found');
  if (!best.fit) throw inputError('arima_no_model', 'No suitable ARIMA model found');
  return { fit: best.fit, ic: best.ic, d, D, models: tried.length };
}

/**
 * auto.arima's final step after an approximate search: refit the candidates by CSS-ML in increasing
 * order of their (approximate) criterion and keep the first that passes the checks. Candidates whose
 * deferred covariance check never ran are checked before they are ordered (as R checks them all).
 */
function refitBest(ctx: CandidateContext, tried: Candidate[], best: Candidate): Candidate {
  const first = fitCandidate(ctx, best.order, false);
  if (verifyCandidate(first) < Infinity) return first;
  for (const c of tried) verifyCandidate(c);
  const order = tried.map((c, i) => i).sort((a, b) => tried[a].ic - tried[b].ic || a - b);
  for (const i of order) {
    if (tried[i] === best) continue;
    const c = fitCandidate(ctx, tried[i].order, false);
    if (verifyCandidate(c) < Infinity) return c;
  }
  return best;
}
