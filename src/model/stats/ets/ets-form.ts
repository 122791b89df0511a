/**
 * The ETS taxonomy of Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential
 * Smoothing: the State Space Approach*, Springer, Table 2.2/2.3: error A/M, trend N/A/Ad/M/Md,
 * season N/A/M. Shared types of the ETS modules.
 */
import { inputError } from '../../../errors.js';

/** A component type: none, additive, multiplicative. */
export type EtsComponent = 'N' | 'A' | 'M';

/** One model form, e.g. ETS(M,Ad,M) = `{ error: 'M', trend: 'A', season: 'M', damped: true }`. */
export interface EtsForm {
  readonly error: 'A' | 'M';
  readonly trend: EtsComponent;
  readonly season: EtsComponent;
  readonly damped: boolean;
}

/**
 * A model ready to forecast: form, smoothing parameters and the state after the last filtered
 * observation, in R's order (ℓ, b if trended, s₀..s_{m−1} with s₀ the most recent seasonal).
 * Unused parameters hold their neutral values: β = 0 without trend, γ = 0 without season, φ = 1
 * when not damped; `m` is 1 for non-seasonal forms.
 */
export interface EtsModel {
  readonly form: EtsForm;
  readonly m: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
  /** Innovation variance (of the relative errors for multiplicative error), R's `sigma2`. */
  readonly sigma2: number;
  readonly state: Float64Array;
}

/** A maximum-likelihood fit ({@link fitEts}): the model at the end of the sample plus its diagnostics. */
export interface EtsFit extends EtsModel {
  /** State before the first observation (ℓ₀, b₀, s₀..s_{m−1}), estimated jointly with the parameters. */
  readonly initialState: Float64Array;
  /** R's `loglik` = −½·(n·log Σe² + 2·Σ log|ŷ_t| for multiplicative error), constants omitted. */
  readonly logLik: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Number of observations. */
  readonly n: number;
  /** Parameters counted by the criteria: smoothing parameters + free initial states + 1 (σ²). */
  readonly nParams: number;
  /** One-step fitted values ŷ_t and residuals e_t (y − ŷ, or (y − ŷ)/ŷ for multiplicative error). */
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  /** Objective evaluations used by Nelder–Mead (0 when nothing was estimated). */
  readonly fnCount: number;
}

/** Numeric codes of the recursion (R's etscalc.c): 0 none, 1 additive, 2 multiplicative. */
export function componentCode(c: EtsComponent): 0 | 1 | 2 {
  return c === 'N' ? 0 : c === 'A' ? 1 : 2;
}

/** Short code as R's `model` argument plus `d`: `"MAdM"`, `"ANN"`. O(1). */
export function etsFormCode(f: EtsForm): string {
  return `${f.error}${f.trend}${f.damped ? 'd' : ''}${f.season}`;
}

/** Display name as R prints it: `"ETS(M,Ad,M)"`. O(1). */
export function etsFormName(f: EtsForm): string {
  return `ETS(${f.error},${f.trend}${f.damped ? 'd' : ''},${f.season})`;
}

/**
 * Parses `"AAdN"`, `"MNM"`, `"MMdN"`… (error, trend, optional `d`, season); the inverse of
 * {@link etsFormCode}. Throws `input.ets_form` on anything else. O(1).
 */
export function parseEtsForm(code: string): EtsForm {
  const r = /^([AM])([NAM])(d?)([NAM])$/.exec(code);
  if (!r || (r[3] === 'd' && r[2] === 'N')) throw inputError('ets_form', `not an ETS form: "${code}" (expected e.g. "ANN", "AAdN", "MAM")`);
  return { error: r[1] as 'A' | 'M', trend: r[2] as EtsComponent, season: r[4] as EtsComponent, damped: r[3] === 'd' };
}

/** Length of the state vector: 1 + (trend ≠ N) + m·(season ≠ N). O(1). */
export function stateLength(f: EtsForm, m: number): number {
  return 1 + (f.trend !== 'N' ? 1 : 0) + (f.season !== 'N' ? m : 0);
}

/**
 * Number of estimated quantities of a form before σ²: α, β, γ, φ as present, ℓ₀, b₀ and the m − 1
 * free seasonal states (the m-th is implied: they sum to 0, or to m for multiplicative season).
 * R's `length(par)` in `etsmodel`. O(1).
 */
export function freeParamCount(f: EtsForm, m: number): number {
  const t = f.trend !== 'N' ? 2 : 0;
  const s = f.season !== 'N' ? m : 0;
  return 2 + t + s + (f.damped ? 1 : 0);
}
