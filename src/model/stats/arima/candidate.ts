/**
 * One candidate of the automatic order search, as forecast's `myarima` (R/newarima2.R; Hyndman &
 * Khandakar 2008, §3.2): fit by CSS during an approximate search or CSS-ML otherwise, score by the
 * information criterion, and reject (ic = ∞) fits that fail, that have an AR or MA root within 1.01
 * of the unit circle, or whose coefficient covariance has a negative or undefined diagonal.
 */
import { isForecastError } from '../../../errors.js';
import { fitArima } from './fit-arima.js';
import { rootsOutside } from './poly-roots.js';
import type { RegressionStart } from './regressors.js';
import type { ArimaFit, ArimaMethod } from './types.js';

/** Information criterion the search minimises. */
export type InformationCriterion = 'aicc' | 'aic' | 'bic';

/** The orders of one candidate: (p, d, q)(P, D, Q) and whether it has a constant (mean or drift). */
export interface CandidateOrder {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly P: number;
  readonly D: number;
  readonly Q: number;
  readonly constant: boolean;
}

/** What the search needs of every candidate fit. */
export interface CandidateContext {
  readonly x: Float64Array;
  readonly period: number;
  readonly ic: InformationCriterion;
  readonly method?: ArimaMethod;
  readonly offset: number;
  readonly xreg?: readonly ArrayLike<number>[];
  readonly xregNames?: readonly string[];
  /** Regression starts shared by the candidates (see `fitArima`). */
  readonly startCache?: Map<string, RegressionStart>;
}

/** A scored candidate. `ic` is provisional until {@link verifyCandidate} ran (the covariance check). */
export interface Candidate {
  readonly order: CandidateOrder;
  readonly fit: ArimaFit | null;
  ic: number;
  verified: boolean;
}

/**
 * Fits and scores a candidate (forecast's `myarima`), deferring the covariance check (4k² extra
 * objective evaluations) to {@link verifyCandidate}: the search only needs it for a candidate that
 * would become the best. With CSS the criterion is offset + n*·log σ̂² + 2k (no likelihood). Never throws
 * for a model that cannot be fitted: its ic is ∞.
 */
export function fitCandidate(ctx: CandidateContext, o: CandidateOrder, approximation: boolean): Candidate {
  const method: ArimaMethod = ctx.method ?? (approximation ? 'CSS' : 'CSS-ML');
  const diffs = o.d + o.D;
  const seasonal = o.P + o.D + o.Q > 0;
  let fit: ArimaFit;
  try {
    fit = fitArima(
      ctx.x,
      {
        order: [o.p, o.d, o.q],
        seasonal: seasonal ? { order: [o.P, o.D, o.Q], period: ctx.period } : undefined,
        includeMean: o.constant && diffs !== 1,
        includeDrift: o.constant && diffs === 1,
        method,
        xreg: ctx.xreg,
        xregNames: ctx.xregNames,
        hessian: false,
      },
      ctx.startCache,
    );
  } catch (e) {
    if (isForecastError(e)) return { order: o, fit: null, ic: Infinity, verified: true };
    throw e;
  }
  let aic = fit.aic,
    aicc = fit.aicc,
    bic = fit.bic;
  if (method === 'CSS') {
    aic = ctx.offset + fit.nstar * Math.log(fit.sigma2Raw) + 2 * fit.npar;
    bic = aic + fit.npar * (Math.log(fit.nstar) - 2);
    aicc = aic + (2 * fit.npar * (fit.npar + 1)) / (fit.nstar - fit.npar - 1);
  }
  let ic = Number.isNaN(aic) ? Infinity : ctx.ic === 'aic' ? aic : ctx.ic === 'bic' ? bic : aicc;
  if (Number.isNaN(ic)) ic = Infinity;
  const { phi, theta } = fit;
  if (
    o.p + o.P > 0 &&
    !rootsOutside(
      Array.from(phi, (v) => -v),
      1.01,
      1e-8,
    )
  )
    ic = Infinity;
  if (o.q + o.Q > 0 && ic < Infinity && !rootsOutside(theta, 1.01, 1e-8)) ic = Infinity;
  const scored = Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(fit),
      aic: { value: aic, enumerable: true },
      aicc: { value: aicc, enumerable: true },
      bic: { value: bic, enumerable: true },
    },
  ) as ArimaFit; // keeps the lazy `model` getter
  return { order: o, fit: scored, ic, verified: ic === Infinity };
}

/** Runs the deferred covariance check of a candidate; its ic becomes ∞ if the check fails. */
export function verifyCandidate(c: Candidate): number {
  if (!c.verified) {
    c.verified = true;
    if (!c.fit || !c.fit.varianceOk()) c.ic = Infinity;
  }
  return c.ic;
}
