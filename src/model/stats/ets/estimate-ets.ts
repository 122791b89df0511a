/**
 * Maximum-likelihood estimation of one ETS form, R's `forecast:::etsmodel` with
 * `opt.crit = "lik"`: starting values from `initparam`/`initstate`, then Nelder–Mead
 * (maxit 2000, reltol √ε) jointly on the smoothing parameters and the free initial states,
 * the objective being `EtsTargetFunction::eval` (src/etsTargetFunction.cpp).
 */
import { nelderMead } from '../optim/nelder-mead.js';
import { etsAdmissible } from './ets-admissible.js';
import { etsFilter } from './ets-filter.js';
import { componentCode, freeParamCount, stateLength, type EtsFit, type EtsForm } from './ets-form.js';
import { etsInitState } from './ets-init-state.js';

/** Parameter space: R's `lower`, `upper` (α, β, γ, φ) and `bounds`. */
export interface EtsBounds {
  readonly lower?: readonly [number, number, number, number];
  readonly upper?: readonly [number, number, number, number];
  /** `"both"` (R's default): the usual box and the admissible region; `"usual"`; `"admissible"`. */
  readonly bounds?: 'both' | 'usual' | 'admissible';
  /** Nelder–Mead evaluation limit (R: 2000). */
  readonly maxit?: number;
}

const LOWER = [1e-4, 1e-4, 1e-4, 0.8] as const;
const UPPER = [0.9999, 0.9999, 0.9999, 0.98] as const;

/**
 * Starting smoothing parameters, R's `initparam`: α = lo + 0.2(up − lo)/m, β = lo + 0.1(min(up, α) − lo),
 * γ = lo + 0.05(min(up, 1 − α) − lo), φ = lo + 0.99(up − lo). O(1).
 */
export function etsStartParams(form: EtsForm, m: number, opts: EtsBounds = {}): number[] {
  const lower = [...(opts.lower ?? LOWER)];
  const upper = [...(opts.upper ?? UPPER)];
  if (opts.bounds === 'admissible') {
    for (let k = 0; k < 3; k++) [lower[k], upper[k]] = [0, 1e-3];
  }
  let alpha = lower[0] + (0.2 * (upper[0] - lower[0])) / m;
  if (alpha > 1 || alpha < 0) alpha = lower[0] + 2e-3;
  const par = [alpha];
  if (form.trend !== 'N') {
    const up = Math.min(upper[1], alpha);
    let beta = lower[1] + 0.1 * (up - lower[1]);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    par.push(beta);
  }
  if (form.season !== 'N') {
    const up = Math.min(upper[2], 1 - alpha);
    let gamma = lower[2] + 0.05 * (up - lower[2]);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    par.push(gamma);
  }
  if (form.damped) {
    let phi = lower[3] + 0.99 * (upper[3] - lower[3]);
    if (phi < 0 || phi > 1) phi = upper[3] - 1e-3;
    par.push(phi);
  }
  return par;
}

/**
 * Fits `form` to y by maximum likelihood; `m` is the seasonal period (ignored, i.e. 1, for
 * non-seasonal forms). Returns undefined where R's `etsmodel` gives up: fewer than
 * (free parameters + 2) observations, or a starting point with a non-finite likelihood.
 * No input validation (see fitEts). O(maxit · (n + m²)) time; the objective allocates nothing.
 */
export function estimateEts(series: ArrayLike<number>, period: number, form: EtsForm, opts: EtsBounds = {}): EtsFit | undefined {
  // One element type in the hot loop, whatever the caller passes.
  const y = series instanceof Float64Array ? series : Float64Array.from(series);
  const n = y.length;
  const hasTrend = form.trend !== 'N';
  const hasSeason = form.season !== 'N';
  const m = hasSeason ? period : 1;
  const nfree = freeParamCount(form, m);
  if (nfree >= n - 1) return undefined;
  const lower = opts.lower ?? LOWER;
  const upper = opts.upper ?? UPPER;
  const bounds = opts.bounds ?? 'both';
  const start = etsStartParams(form, m, opts);
  const nsmooth = start.length;
  const init = etsInitState(y, m, form.trend, form.season);
  const x0 = [...start, ...init];
  const iBeta = hasTrend ? 1 : -1;
  const iGamma = hasSeason ? 1 + (hasTrend ? 1 : 0) : -1;
  const iPhi = form.damped ? nsmooth - 1 : -1;
  const nstate = stateLength(form, m);
  const so = hasTrend ? 2 : 1;
  const multSeason = form.season === 'M';
  const state = new Float64Array(nstate);
  const ring = new Float64Array(m);
  const work = new Float64Array(2 * (m + 2));
  const spec = { error: componentCode(form.error), trend: componentCode(form.trend), season: componentCode(form.season), m, alpha: 0, beta: 0, gamma: 0, phi: 1 };

  /** Writes the full initial state (with the implied last seasonal) from par; false if inadmissible. */
  const loadState = (par: ArrayLike<number>): boolean => {
    for (let k = 0; k < init.length; k++) state[k] = par[nsmooth + k];
    if (hasSeason) {
      let sum = 0;
      for (let k = so; k < nstate - 1; k++) sum += state[k];
      state[nstate - 1] = (multSeason ? m : 0) - sum;
      if (multSeason) for (let k = so; k < nstate; k++) if (state[k] < 0) return false;
    }
    return true;
  };
  const setSpec = (par: ArrayLike<number>): void => {
    spec.alpha = par[0];
    spec.beta = iBeta >= 0 ? par[iBeta] : 0;
    spec.gamma = iGamma >= 0 ? par[iGamma] : 0;
    spec.phi = iPhi >= 0 ? par[iPhi] : 1;
  };

  const objective = (par: Float64Array): number => {
    setSpec(par);
    const { alpha, beta, gamma, phi } = spec;
    if (bounds !== 'admissible') {
      if (alpha < lower[0] || alpha > upper[0]) return Infinity;
      if (hasTrend && (beta < lower[1] || beta > alpha || beta > upper[1])) return Infinity;
      if (form.damped && (phi < lower[3] || phi > upper[3])) return Infinity;
      if (hasSeason && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return Infinity;
    }
    if (bounds !== 'usual' && !etsAdmissible(alpha, beta, gamma, phi, hasTrend, hasSeason, m, work)) return Infinity;
    if (!loadState(par)) return Infinity;
    const lik = etsFilter(y, 0, n, spec, state, ring);
    if (Number.isNaN(lik)) return Infinity;
    return lik < -1e10 ? -1e10 : lik;
  };

  const nm = nelderMead(objective, x0, { abstol: -Infinity, reltol: Math.sqrt(Number.EPSILON), alpha: 1, beta: 0.5, gamma: 2, maxit: opts.maxit ?? 2000 });
  if (nm.fail === 20) return undefined;
  const par = nm.x;
  setSpec(par);
  loadState(par);
  const initialState = Float64Array.from(state);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  const lik = etsFilter(y, 0, n, spec, state, ring, fitted, residuals);
  const np = nfree + 1;
  const aic = lik + 2 * np;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += residuals[i] * residuals[i];
  return {
    form,
    m,
    alpha: spec.alpha,
    beta: spec.beta,
    gamma: spec.gamma,
    phi: spec.phi,
    sigma2: sse / (n - nfree),
    state: Float64Array.from(state),
    initialState,
    logLik: -0.5 * lik,
    aic,
    aicc: aic + (2 * np * (np + 1)) / (n - np - 1),
    bic: lik + Math.log(n) * np,
    n,
    nParams: np,
    fitted,
    residuals,
    fnCount: nm.fnCount,
  };
}
