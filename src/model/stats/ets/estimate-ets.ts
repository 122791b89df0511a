/**
 * Maximum-likelihood estimation of ETS forms, R's `forecast:::etsmodel` with
 * `opt.crit = "lik"`: starting values from `initparam`/`initstate`, then Nelder–Mead
 * (maxit 2000, reltol √ε) jointly on the smoothing parameters and the free initial states,
 * the objective being `EtsTargetFunction::eval` (src/etsTargetFunction.cpp). Forms that share a
 * lane kernel are searched side by side, three at a time, their evaluations batched into one
 * filter pass (see ets-lanes-additive.ts); each search follows R's path exactly.
 */
import { NelderMeadSearch, nelderMead, type NelderMeadResult } from '../optim/nelder-mead.js';
import { etsFilter } from './ets-filter.js';
import { freeParamCount, type EtsFit, type EtsForm } from './ets-form.js';
import { etsInitState } from './ets-init-state.js';
import { clampLik, ETS_LOWER, ETS_UPPER, EtsObjective, type EtsBounds } from './ets-objective.js';

export type { EtsBounds } from './ets-objective.js';

/**
 * Starting smoothing parameters, R's `initparam`: α = lo + 0.2(up − lo)/m, β = lo + 0.1(min(up, α) − lo),
 * γ = lo + 0.05(min(up, 1 − α) − lo), φ = lo + 0.99(up − lo). O(1).
 */
export function etsStartParams(form: EtsForm, m: number, opts: EtsBounds = {}): number[] {
  const lower = [...(opts.lower ?? ETS_LOWER)];
  const upper = [...(opts.upper ?? ETS_UPPER)];
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
 * No input validation (see fitEts). O(maxit · (n + m²)) time.
 */
export function estimateEts(series: ArrayLike<number>, period: number, form: EtsForm, opts: EtsBounds = {}): EtsFit | undefined {
  return estimateEtsForms(series, period, [form], opts)[0];
}

/**
 * {@link estimateEts} for several forms, result i for forms[i], bit for bit the fits one by one.
 * Forms with the same lane kernel (same error and season, trend N, A or Ad) are searched in
 * groups of three, one filter pass per round for the whole group (≈ the cost of one), so a group
 * costs about its longest search; the initstate heuristic runs once per trend and season.
 * Other forms (multiplicative trend; additive error with multiplicative season) run alone on
 * etsFilter. O(F · maxit · (n + m²)) time for F forms.
 */
export function estimateEtsForms(series: ArrayLike<number>, period: number, forms: readonly EtsForm[], opts: EtsBounds = {}): (EtsFit | undefined)[] {
  // One element type in the hot loop, whatever the caller passes.
  const y = series instanceof Float64Array ? series : Float64Array.from(series);
  const n = y.length;
  const inits = new Map<string, Float64Array>(); // the initstate heuristic depends on trend and season only
  const objectives: (EtsObjective | undefined)[] = [];
  const x0s: number[][] = [];
  for (const form of forms) {
    const m = form.season !== 'N' ? period : 1;
    if (freeParamCount(form, m) >= n - 1) {
      objectives.push(undefined);
      x0s.push([]);
      continue;
    }
    const start = etsStartParams(form, m, opts);
    const key = form.trend + form.season;
    let init = inits.get(key);
    if (!init) inits.set(key, (init = etsInitState(y, m, form.trend, form.season)));
    objectives.push(new EtsObjective(y, m, form, start.length, init.length, opts));
    x0s.push([...start, ...init]);
  }
  const nmOpts = { abstol: -Infinity, reltol: Math.sqrt(Number.EPSILON), alpha: 1, beta: 0.5, gamma: 2, maxit: opts.maxit ?? 2000 };
  const results: (NelderMeadResult | undefined)[] = forms.map(() => undefined);
  const pending = new Map<unknown, number[]>(); // kernel → indices waiting for a full group
  const flush = (idx: number[]): void => {
    const searches = idx.map((i) => new NelderMeadSearch(x0s[i], nmOpts));
    runLanes(
      y,
      idx.map((i) => objectives[i]!),
      searches,
    );
    idx.forEach((i, k) => (results[i] = searches[k].result()));
  };
  objectives.forEach((obj, i) => {
    if (!obj) return;
    if (!obj.kernel) {
      results[i] = nelderMead((par) => obj.value(par), x0s[i], nmOpts);
      return;
    }
    const group = pending.get(obj.kernel) ?? [];
    group.push(i);
    pending.set(obj.kernel, group);
    if (group.length === 3) {
      pending.delete(obj.kernel);
      flush(group);
    }
  });
  for (const group of pending.values()) flush(group);
  return objectives.map((obj, i) => (obj && results[i]!.fail !== 20 ? fitFrom(y, obj, results[i]!) : undefined));
}

/**
 * Advances up to three searches whose objectives share a kernel until all are done: each round
 * takes the next feasible point of every unfinished search (infeasible points are answered Inf
 * without filtering), runs the kernel once on them, and tells each search its lane's value.
 * Lanes left over evaluate ahead: for a search at a reflection, the points of its likeliest
 * follow-up steps ({@link NelderMeadSearch.lookahead}), told at once if the search takes one of
 * them. Unused lanes repeat lane 0. O(rounds · (n + m²)).
 */
function runLanes(y: Float64Array, objs: readonly EtsObjective[], searches: readonly NelderMeadSearch[]): void {
  const { kernel, m, stride } = objs[0];
  const P = new Float64Array(12);
  const X = new Float64Array(3 * stride);
  const ring = new Float64Array(3 * m);
  const out = new Float64Array(3);
  const chunks = new Float64Array(3 * y.length);
  const laneOf = [0, 0, 0];
  const ahead = searches.map((s) => new Float64Array(s.point.length));
  // Look-ahead entries: search, step kind, lane (−1: infeasible, value Inf).
  const aheadOf = [0, 0, 0];
  const aheadKind = [0, 0, 0];
  const aheadLane = [0, 0, 0];
  for (;;) {
    let lanes = 0;
    for (let s = 0; s < searches.length; s++) {
      const search = searches[s];
      while (!search.done) {
        if (objs[s].loadLane(search.point, P, X, lanes)) {
          laneOf[lanes++] = s;
          break;
        }
        search.tell(Infinity);
      }
    }
    if (lanes === 0) return;
    const busy = lanes;
    let nAhead = 0;
    for (let c = 0; c < busy && lanes < 3; c++) {
      const s = laneOf[c];
      for (let rank = 0; rank < 3 && lanes < 3 && nAhead < 3; rank++) {
        const kind = likelyKind(searches[s].kinds, rank);
        if (!searches[s].lookahead(kind, ahead[s])) break;
        aheadOf[nAhead] = s;
        aheadKind[nAhead] = kind;
        aheadLane[nAhead++] = objs[s].loadLane(ahead[s], P, X, lanes) ? lanes++ : -1;
      }
    }
    for (let c = lanes; c < 3; c++) {
      P.copyWithin(4 * c, 0, 4);
      X.copyWithin(c * stride, 0, stride);
    }
    kernel!(y, y.length, m, P, X, ring, out, chunks);
    for (let c = 0; c < busy; c++) {
      const s = laneOf[c];
      const search = searches[s];
      search.tell(clampLik(out[c]));
      for (let a = 0; a < nAhead; a++) {
        if (aheadOf[a] !== s || aheadKind[a] !== search.followUp) continue;
        search.tell(aheadLane[a] >= 0 ? clampLik(out[aheadLane[a]]) : Infinity);
        break;
      }
    }
  }
}

/** The step kind (0 expansion, 1 outside, 2 inside contraction) of the given rank by past frequency. O(1). */
function likelyKind(counts: readonly number[], rank: number): number {
  const [e, o, i] = counts;
  // Ties favour inside, then outside contraction.
  const first = i >= o && i >= e ? 2 : o >= e ? 1 : 0;
  const last = i < o && i < e ? 2 : o < e ? 1 : 0;
  return rank === 0 ? first : rank === 2 ? last : 3 - first - last;
}

/** The fit at the optimum found: states, fitted values, residuals and the criteria. O(n + m²). */
function fitFrom(y: Float64Array, obj: EtsObjective, nm: NelderMeadResult): EtsFit {
  const { form, m, spec, state } = obj;
  const n = y.length;
  const nfree = freeParamCount(form, m);
  obj.load(nm.x);
  const initialState = Float64Array.from(state);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  const lik = etsFilter(y, 0, n, spec, state, new Float64Array(m), fitted, residuals);
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
