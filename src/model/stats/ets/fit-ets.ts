/**
 * Fit of one fixed ETS form, with the checks R's `forecast::ets(y, model = "…", damped = …)`
 * applies before estimating.
 */
import { inputError } from '../../../errors.js';
import { estimateEts, type EtsBounds } from './estimate-ets.js';
import { etsFormName, type EtsFit, type EtsForm } from './ets-form.js';

/** Options of {@link fitEts}. */
export interface FitEtsOptions extends EtsBounds {
  /**
   * R's `restrict` (default true): refuse additive error with a multiplicative trend or season,
   * and ETS(M,M*,A), whose forecast variance can be infinite.
   */
  readonly restrict?: boolean;
}

/** Throws `input.ets_series` unless y is non-empty and finite and m a positive integer. O(n). */
export function checkEtsInput(y: ArrayLike<number>, m: number): void {
  if (!Number.isInteger(m) || m < 1) throw inputError('ets_series', `seasonal period must be a positive integer, got ${m}`);
  if (y.length === 0) throw inputError('ets_series', 'empty series');
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw inputError('ets_series', `non-finite value at index ${i}: ETS needs a complete series`);
  }
}

/** R's forbidden combinations under `restrict = TRUE`. O(1). */
export function isRestrictedForm(f: EtsForm): boolean {
  return (f.error === 'A' && (f.trend === 'M' || f.season === 'M')) || (f.error === 'M' && f.trend === 'M' && f.season === 'A');
}

/**
 * Maximum-likelihood fit of one ETS form (Hyndman et al. 2008, ch. 5; R's `ets(y, model, damped)`
 * with `opt.crit = "lik"`, `bounds = "both"`): α, β, γ, φ and the initial states are estimated
 * jointly by Nelder–Mead on n·log Σe² + 2·Σ log|ŷ_t| (second term for multiplicative error), from
 * R's `initstate` starting values, within 1e−4 ≤ β ≤ α ≤ 0.9999, 1e−4 ≤ γ ≤ 1 − α,
 * 0.8 ≤ φ ≤ 0.98 and the admissible region. AIC = −2·logLik + 2k, AICc = AIC + 2k(k+1)/(n−k−1),
 * BIC = −2·logLik + k·log n with k = free parameters + 1; σ² = Σe²/(n − k + 1).
 *
 * Throws `input.*` on a non-finite series, a seasonal form with m ≤ 1 or m > 24, a multiplicative
 * error on non-positive data, a restricted form, or too little data: R requires
 * n > npars + 4 (npars = 2 + 2·trended + m·seasonal + damped) and then fits a non-ETS
 * Holt–Winters instead, which is not provided here.
 * Complexity: O(maxit · (n + m²)), maxit = 2000 objective evaluations at most.
 * @example fitEts(y, 12, parseEtsForm('MAdM')).aicc
 */
export function fitEts(y: ArrayLike<number>, m: number, form: EtsForm, opts: FitEtsOptions = {}): EtsFit {
  checkEtsInput(y, m);
  const name = etsFormName(form);
  if (form.damped && form.trend === 'N') throw inputError('ets_form', `${name}: damping needs a trend`);
  if (form.season !== 'N' && m <= 1) throw inputError('ets_form', `${name}: seasonal form on non-seasonal data (m = ${m})`);
  if (form.season !== 'N' && m > 24) throw inputError('ets_form', `${name}: seasonal period ${m} > 24 is not supported`);
  if ((opts.restrict ?? true) && isRestrictedForm(form)) throw inputError('ets_form', `${name}: forbidden model combination (restrict = TRUE)`);
  let min = Infinity;
  for (let i = 0; i < y.length; i++) min = Math.min(min, y[i]);
  if ((form.error === 'M' || form.season === 'M' || form.trend === 'M') && !(min > 0)) {
    throw inputError('ets_form', `${name}: multiplicative components need strictly positive data`);
  }
  const npars = 2 + (form.trend !== 'N' ? 2 : 0) + (form.season !== 'N' ? m : 0) + (form.damped ? 1 : 0);
  if (y.length <= npars + 4) throw inputError('ets_too_short', `${name}: ${y.length} observations, need more than ${npars + 4}`);
  const fit = estimateEts(y, m, form, opts);
  if (!fit) throw inputError('ets_fit', `${name}: the likelihood is not finite at the starting values`);
  return fit;
}
