/**
 * The state-space form of an ARIMA model as R's `makeARIMA` builds it (Harvey 1989, §3.4; Durbin &
 * Koopman 2012, §3.4): an ARMA block of size r = max(p, q + 1) with transition T (φ in the first
 * column, ones on the superdiagonal) and disturbance loading (1, θ₁…θ_{r−1}), plus d_tot = d + m·D
 * states holding past observations for the differencing polynomial Δ (y_t = w_t + Σ Δ_i y_{t−i}).
 * The ARMA block starts at its stationary covariance Q₀; the differencing states are diffuse
 * (variance κ = 10⁶), as R does.
 */
import { q0Workspace, stationaryCovariance, type Q0Workspace } from './stationary-covariance.js';

/** A mutable ARIMA state-space model: its polynomials, the current state and covariances. */
export interface ArimaStateSpace {
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  /** Δ: y_t − Σ Δ_i y_{t−i} is the differenced series (R's `Delta`). */
  readonly delta: Float64Array;
  /** Indices of the non-zero Δ_i (Δ is sparse for seasonal differencing). */
  readonly deltaNz: Int32Array;
  readonly r: number;
  readonly rd: number;
  readonly kappa: number;
  /** State mean a (length rd). */
  readonly a: Float64Array;
  /** Filtered state covariance P (rd×rd, column-major like R). */
  readonly P: Float64Array;
  /** Predicted state covariance (rd×rd); holds the initial covariance before a filter run. */
  readonly Pn: Float64Array;
  readonly q0: Q0Workspace;
  /** Whether the last reset found Q₀ (false when the AR part is not stationary enough). */
  q0Ok: boolean;
}

/**
 * The differencing polynomial of (1 − B)^d (1 − B^m)^D as R's `Delta`: the coefficients Δ₁…Δ_{d+mD}
 * with (1 − B)^d (1 − B^m)^D = 1 − Σ Δ_i B^i. O((d + mD)²).
 */
export function differencingPolynomial(d: number, D: number, m: number): Float64Array {
  let poly = Float64Array.of(1);
  const conv = (b: Float64Array) => {
    const out = new Float64Array(poly.length + b.length - 1);
    for (let i = 0; i < poly.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += poly[i] * b[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) conv(Float64Array.of(1, -1));
  for (let i = 0; i < D; i++) {
    const s = new Float64Array(m + 1);
    s[0] = 1;
    s[m] = -1;
    conv(s);
  }
  const delta = new Float64Array(poly.length - 1);
  for (let i = 1; i < poly.length; i++) delta[i - 1] = -poly[i];
  return delta;
}

/** Resets a, Pn to the initial state: a = 0, Pn = blockdiag(Q₀(φ, θ), κ·I). O(r²·s² + rd²). */
export function resetStateSpace(ss: ArimaStateSpace): boolean {
  const { r, rd, a, Pn, phi, theta } = ss;
  a.fill(0);
  Pn.fill(0);
  let ok = true;
  if (r > 1) ok = stationaryCovariance(phi, theta, Pn, rd, ss.q0);
  else Pn[0] = phi.length > 0 ? 1 / (1 - phi[0] * phi[0]) : 1;
  for (let i = r; i < rd; i++) Pn[i + rd * i] = ss.kappa;
  ss.q0Ok = ok;
  return ok;
}

/**
 * R's `makeARIMA(phi, theta, Delta, kappa)`: allocates the model (O(rd²) memory) and sets its initial
 * state. The φ/θ arrays are copied; use {@link setArma} to change them in place during optimisation.
 */
export function makeStateSpace(phi: ArrayLike<number>, theta: ArrayLike<number>, delta: ArrayLike<number>, kappa = 1e6): ArimaStateSpace {
  const p = phi.length,
    q = theta.length,
    d = delta.length;
  const r = Math.max(p, q + 1),
    rd = r + d;
  const nz: number[] = [];
  for (let i = 0; i < d; i++) if (delta[i] !== 0) nz.push(i);
  const ss: ArimaStateSpace = {
    phi: Float64Array.from(phi),
    theta: Float64Array.from(theta),
    delta: Float64Array.from(delta),
    deltaNz: Int32Array.from(nz),
    r,
    rd,
    kappa,
    a: new Float64Array(rd),
    P: new Float64Array(rd * rd),
    Pn: new Float64Array(rd * rd),
    q0: q0Workspace(p, r),
    q0Ok: true,
  };
  resetStateSpace(ss);
  return ss;
}

/** R's `upARIMA`: new φ, θ (same lengths) and a fresh initial state. Returns false if Q₀ failed. */
export function setArma(ss: ArimaStateSpace, phi: ArrayLike<number>, theta: ArrayLike<number>): boolean {
  ss.phi.set(phi);
  ss.theta.set(theta);
  return resetStateSpace(ss);
}

/** A deep copy (so a fitted model's final state can be kept while another is filtered). O(rd²). */
export function cloneStateSpace(ss: ArimaStateSpace): ArimaStateSpace {
  return {
    ...ss,
    phi: ss.phi.slice(),
    theta: ss.theta.slice(),
    delta: ss.delta.slice(),
    deltaNz: ss.deltaNz.slice(),
    a: ss.a.slice(),
    P: ss.P.slice(),
    Pn: ss.Pn.slice(),
    q0: q0Workspace(ss.phi.length, ss.r),
  };
}
