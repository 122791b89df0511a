/**
 * Automatic ETS model selection, R's `forecast::ets(y, model = "ZZZ")` (Hyndman, Koehler, Snyder &
 * Grose 2002, "A state space framework for automatic forecasting using exponential smoothing
 * methods", IJF 18(3); Hyndman et al. 2008, §7.1).
 */
import { inputError } from '../../../errors.js';
import { estimateEtsForms, type EtsBounds } from './estimate-ets.js';
import { etsFilter } from './ets-filter.js';
import type { EtsComponent, EtsFit, EtsForm } from './ets-form.js';
import { checkEtsInput, isRestrictedForm } from './fit-ets.js';
import { isConstant } from '../is-constant.js';

/** Options of {@link autoEts}; the defaults are R's. */
export interface AutoEtsOptions extends EtsBounds {
  /** R's `model`: three letters, `Z` = search (e.g. `"ZZZ"`, `"AZN"`, `"MZM"`). Default `"ZZZ"`. */
  readonly model?: string;
  /** R's `damped`: undefined tries both, true/false only damped/undamped trends. */
  readonly damped?: boolean;
  /** Selection criterion. Default `"aicc"`. */
  readonly ic?: 'aicc' | 'aic' | 'bic';
  /** Consider only additive components. Default false. */
  readonly additiveOnly?: boolean;
  /** Include multiplicative trends in the search. Default false. */
  readonly allowMultiplicativeTrend?: boolean;
  /** R's `restrict` (default true): skip forms with possibly infinite forecast variance. */
  readonly restrict?: boolean;
}

/** The chosen fit and the criterion value of every form tried (Infinity if it could not be fitted). */
export interface AutoEtsResult extends EtsFit {
  readonly candidates: readonly { readonly form: EtsForm; readonly ic: number }[];
}

function letters(model: string, pos: number, all: readonly EtsComponent[]): readonly EtsComponent[] {
  const c = model[pos];
  if (c === 'Z') return all;
  if (c === 'N' || c === 'A' || c === 'M') return [c];
  throw inputError('ets_form', `invalid ETS model "${model}"`);
}

/** R's answer for a constant series: `ses(y, alpha = 0.99999, initial = "simple")`, ℓ₀ = y₁. O(n). */
function constantFit(y: ArrayLike<number>): AutoEtsResult {
  const n = y.length;
  const form: EtsForm = { error: 'A', trend: 'N', season: 'N', damped: false };
  const spec = { error: 1, trend: 0, season: 0, m: 1, alpha: 0.99999, beta: 0, gamma: 0, phi: 1 };
  const state = Float64Array.of(y[0]);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  etsFilter(y, 0, n, spec, state, new Float64Array(1), fitted, residuals);
  let sse = 0;
  for (const e of residuals) sse += e * e;
  return {
    form,
    m: 1,
    alpha: 0.99999,
    beta: 0,
    gamma: 0,
    phi: 1,
    sigma2: sse / Math.max(1, n - 2),
    state,
    initialState: Float64Array.of(y[0]),
    logLik: NaN,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    n,
    nParams: 3,
    fitted,
    residuals,
    fnCount: 0,
    candidates: [{ form, ic: NaN }],
  };
}

/**
 * Fits every admissible ETS form and keeps the one with the smallest AICc (or `ic`), as R's
 * `ets(y)`: error A/M × trend N/A(/M) × season N/A/M × damped or not, skipping multiplicative
 * components on non-positive data, additive error with multiplicative trend or season and ETS(M,M*,A)
 * (`restrict`), seasonal forms when m ≤ 1, m > 24 or n ≤ m, and any form with n ≤ k + 1
 * (k its free parameters and initial states). Forms are tried in R's order and ties keep the
 * first. A constant series gets R's SES with α = 0.99999 (criteria NaN).
 * Throws `input.ets_too_short` when n ≤ npars + 4 for the requested letters (R then fits a
 * non-ETS Holt–Winters; npars = 2 for "ZZZ"), `input.ets_fit` when no form can be fitted.
 * The forms are estimated together ({@link estimateEtsForms}: three per filter pass, with the
 * same results as one at a time). Complexity: O(F · maxit · (n + m²)) for F ≤ 15 forms (19 with
 * multiplicative trend), maxit = 2000; warm, about 15–30 ms for n ≈ 300, m = 12 on one core.
 * @example autoEts(monthly, 12).form // { error: 'M', trend: 'A', season: 'M', damped: true }
 */
export function autoEts(series: ArrayLike<number>, m: number, opts: AutoEtsOptions = {}): AutoEtsResult {
  checkEtsInput(series, m);
  const y = series instanceof Float64Array ? series : Float64Array.from(series);
  const n = y.length;
  const model = opts.model ?? 'ZZZ';
  if (model.length !== 3) throw inputError('ets_form', `invalid ETS model "${model}"`);
  if (opts.model === undefined && isConstant(y)) return constantFit(y);
  if (model[0] === 'N') throw inputError('ets_form', `invalid ETS model "${model}": the error is A, M or Z`);
  const errors = letters(model, 0, ['A', 'M']) as readonly ('A' | 'M')[];
  const trends = letters(model, 1, opts.allowMultiplicativeTrend ? ['N', 'A', 'M'] : ['N', 'A']);
  let seasons = letters(model, 2, ['N', 'A', 'M']);
  if (model[2] !== 'Z' && model[2] !== 'N' && (m <= 1 || m > 24)) throw inputError('ets_form', `seasonal model "${model}" with period ${m}`);
  if (m <= 1 || m > 24 || n <= m) seasons = ['N'];
  const dampedOpts = opts.damped === undefined ? [true, false] : [opts.damped];
  const npars = 2 + (model[1] === 'A' || model[1] === 'M' ? 2 : 0) + (model[2] === 'A' || model[2] === 'M' ? m : 0) + (opts.damped ? 1 : 0);
  if (n <= npars + 4) throw inputError('ets_too_short', `ETS needs more than ${npars + 4} observations, got ${n}`);
  let positive = true;
  for (let i = 0; i < n; i++) if (!(y[i] > 0)) positive = false;
  const restrict = opts.restrict ?? true;
  const ic = opts.ic ?? 'aicc';
  const forms: EtsForm[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        for (const damped of dampedOpts) {
          if (trend === 'N' && damped) continue;
          const form: EtsForm = { error, trend, season, damped };
          if (restrict && isRestrictedForm(form)) continue;
          if (opts.additiveOnly && (error === 'M' || trend === 'M' || season === 'M')) continue;
          if (!positive && (error === 'M' || trend === 'M' || season === 'M')) continue;
          forms.push(form);
        }
      }
    }
  }
  const fits = estimateEtsForms(y, m, forms, opts);
  let best: EtsFit | undefined;
  let bestIc = Infinity;
  const candidates: { form: EtsForm; ic: number }[] = [];
  for (let i = 0; i < forms.length; i++) {
    const fit = fits[i];
    const value = fit ? fit[ic] : Infinity;
    candidates.push({ form: forms[i], ic: value });
    if (fit && !Number.isNaN(value) && value < bestIc) {
      best = fit;
      bestIc = value;
    }
  }
  if (!best) throw inputError('ets_fit', 'no ETS model could be fitted');
  return { ...best, candidates };
}
