/**
 * The objective of ETS maximum likelihood for one form, R's `EtsTargetFunction::eval`
 * (forecast, src/etsTargetFunction.cpp): the parameter vector (α, β?, γ?, φ?, ℓ₀, b₀?, s₀..s_{m−2})
 * is checked against the usual bounds and the admissible region, the implied last seasonal state
 * is added, and the likelihood criterion is computed by the ETS filter — either directly
 * ({@link EtsObjective.value}) or by loading the parameters into a lane of a three-lane kernel
 * ({@link EtsObjective.loadLane}, see ets-lanes-additive.ts) so that three forms are evaluated in
 * one pass.
 */
import { etsAdmissible } from './ets-admissible.js';
import { etsFilter } from './ets-filter.js';
import { componentCode, stateLength, type EtsForm } from './ets-form.js';
import { lanesAA, lanesAN } from './ets-lanes-additive.js';
import { lanesMA, lanesMM, lanesMN } from './ets-lanes-multiplicative.js';

/** Parameter space: R's `lower`, `upper` (α, β, γ, φ) and `bounds`. */
export interface EtsBounds {
  readonly lower?: readonly [number, number, number, number];
  readonly upper?: readonly [number, number, number, number];
  /** `"both"` (R's default): the usual box and the admissible region; `"usual"`; `"admissible"`. */
  readonly bounds?: 'both' | 'usual' | 'admissible';
  /** Nelder–Mead evaluation limit (R: 2000). */
  readonly maxit?: number;
}

export const ETS_LOWER = [1e-4, 1e-4, 1e-4, 0.8] as const;
export const ETS_UPPER = [0.9999, 0.9999, 0.9999, 0.98] as const;

/**
 * A three-lane likelihood kernel: out[c] = criterion of lane c (see ets-lanes-additive.ts);
 * `ring` (≥ 3m) and `chunks` (≥ 3n) are scratch.
 */
export type LaneKernel = (
  y: Float64Array,
  n: number,
  m: number,
  P: Float64Array,
  X: Float64Array,
  ring: Float64Array,
  out: Float64Array,
  chunks: Float64Array,
) => void;

/** The lane kernel running `form`, or undefined (multiplicative trend; additive error with multiplicative season). O(1). */
export function laneKernel(form: EtsForm): LaneKernel | undefined {
  if (form.trend === 'M') return undefined;
  if (form.error === 'A') return form.season === 'N' ? lanesAN : form.season === 'A' ? lanesAA : undefined;
  return form.season === 'N' ? lanesMN : form.season === 'A' ? lanesMA : lanesMM;
}

/** R's treatment of the filter's value: NA → Inf (rejected), and a floor of −1e10. O(1). */
export function clampLik(lik: number): number {
  if (Number.isNaN(lik)) return Infinity;
  return lik < -1e10 ? -1e10 : lik;
}

/**
 * The objective of one form on one series, with its starting point. The filter state and spec
 * are kept (and reused by every evaluation): after {@link load} they hold the parameters of `par`.
 * Per evaluation O(n + m²) time (filter, admissibility test), no allocation.
 */
export class EtsObjective {
  /** The numeric spec of the last loaded parameters (β = 0, γ = 0, φ = 1 when absent). */
  readonly spec: { error: number; trend: number; season: number; m: number; alpha: number; beta: number; gamma: number; phi: number };
  /** The full initial state (with the implied last seasonal) of the last loaded parameters. */
  readonly state: Float64Array;
  /** Effective seasonal period: m for seasonal forms, else 1. */
  readonly m: number;
  /** Width of a lane's state in the kernel: ℓ, b, s₀..s_{m−1}. */
  readonly stride: number;
  readonly kernel: LaneKernel | undefined;
  private readonly y: Float64Array;
  private readonly ring: Float64Array;
  private readonly work: Float64Array;
  private readonly nsmooth: number;
  private readonly ninit: number;
  private readonly iBeta: number;
  private readonly iGamma: number;
  private readonly iPhi: number;
  private readonly hasTrend: boolean;
  private readonly hasSeason: boolean;
  private readonly multSeason: boolean;
  private readonly damped: boolean;
  private readonly lower: readonly number[];
  private readonly upper: readonly number[];
  private readonly usual: boolean;
  private readonly admissible: boolean;

  /** `nsmooth`: the number of smoothing parameters leading `par`; `ninit`: the free initial states. */
  constructor(
    y: Float64Array,
    m: number,
    readonly form: EtsForm,
    nsmooth: number,
    ninit: number,
    opts: EtsBounds,
  ) {
    this.y = y;
    this.m = m;
    this.hasTrend = form.trend !== 'N';
    this.hasSeason = form.season !== 'N';
    this.multSeason = form.season === 'M';
    this.damped = form.damped;
    this.nsmooth = nsmooth;
    this.ninit = ninit;
    this.iBeta = this.hasTrend ? 1 : -1;
    this.iGamma = this.hasSeason ? 1 + (this.hasTrend ? 1 : 0) : -1;
    this.iPhi = form.damped ? nsmooth - 1 : -1;
    this.lower = opts.lower ?? ETS_LOWER;
    this.upper = opts.upper ?? ETS_UPPER;
    const bounds = opts.bounds ?? 'both';
    this.usual = bounds !== 'admissible';
    this.admissible = bounds !== 'usual';
    this.state = new Float64Array(stateLength(form, m));
    this.ring = new Float64Array(m);
    this.work = new Float64Array(2 * (m + 2));
    this.spec = {
      error: componentCode(form.error),
      trend: componentCode(form.trend),
      season: componentCode(form.season),
      m,
      alpha: 0,
      beta: 0,
      gamma: 0,
      phi: 1,
    };
    this.kernel = laneKernel(form);
    this.stride = this.hasSeason ? 2 + m : 2;
  }

  /**
   * Sets spec and state from `par` (always, as R's objective does before testing); false when
   * `par` is outside the usual bounds or the admissible region, or gives a negative
   * multiplicative seasonal state (R's objective is then Inf). O(m²).
   */
  load(par: ArrayLike<number>): boolean {
    const { spec, state, lower, upper, hasTrend, hasSeason, m } = this;
    const alpha = par[0];
    const beta = this.iBeta >= 0 ? par[this.iBeta] : 0;
    const gamma = this.iGamma >= 0 ? par[this.iGamma] : 0;
    const phi = this.iPhi >= 0 ? par[this.iPhi] : 1;
    spec.alpha = alpha;
    spec.beta = beta;
    spec.gamma = gamma;
    spec.phi = phi;
    const nstate = state.length;
    for (let k = 0; k < this.ninit; k++) state[k] = par[this.nsmooth + k];
    const so = hasTrend ? 2 : 1;
    if (hasSeason) {
      let sum = 0;
      for (let k = so; k < nstate - 1; k++) sum += state[k];
      state[nstate - 1] = (this.multSeason ? m : 0) - sum;
    }
    if (this.usual) {
      if (alpha < lower[0] || alpha > upper[0]) return false;
      if (hasTrend && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
      if (this.damped && (phi < lower[3] || phi > upper[3])) return false;
      if (hasSeason && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return false;
    }
    if (this.multSeason) for (let k = so; k < nstate; k++) if (state[k] < 0) return false;
    // Last, as the costliest test (Schur–Cohn, O(m²)); any failure means Inf, whatever the order.
    return !this.admissible || etsAdmissible(alpha, beta, gamma, phi, hasTrend, hasSeason, m, this.work);
  }

  /** The criterion at `par` (Inf where R's objective is), by the one-lane filter. O(n + m²). */
  value(par: ArrayLike<number>): number {
    if (!this.load(par)) return Infinity;
    return clampLik(etsFilter(this.y, 0, this.y.length, this.spec, this.state, this.ring));
  }

  /**
   * Loads `par` into lane c of the kernel's P (α, β/α, γ, φ) and X (ℓ, b, s₀..s_{m−1}); false,
   * touching nothing the kernel reads for other lanes, when `par` is infeasible (see load). O(m²).
   */
  loadLane(par: ArrayLike<number>, P: Float64Array, X: Float64Array, c: number): boolean {
    if (!this.load(par)) return false;
    const { spec, state, stride, hasTrend } = this;
    P[4 * c] = spec.alpha;
    P[4 * c + 1] = hasTrend ? spec.beta / spec.alpha : 0;
    P[4 * c + 2] = spec.gamma;
    P[4 * c + 3] = spec.phi;
    const o = c * stride;
    X[o] = state[0];
    X[o + 1] = hasTrend ? state[1] : 0;
    const so = hasTrend ? 2 : 1;
    for (let k = 2; k < stride; k++) X[o + k] = state[so + k - 2];
    return true;
  }
}
