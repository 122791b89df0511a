/**
 * A fast form of R's `armaCSS` objective for series without missing values, on the differenced data
 * (differencing is linear, so Dy − Σβ_j DX_j is what `ARIMA_CSS` filters), with the seasonal factors
 * kept apart (`css-pass.ts`). Every finite-difference step along one coordinate costs O(n·(q + Q + 1))
 * from the innovations e of the centre, instead of two full passes, and is exact up to rounding:
 * - regression β_j: e(β + h·u_j) = e − h·e(DX_j), the CSS innovations being linear in the data;
 * - AR φ_i (seasonal Φ_l): e is linear in each, ∂e/∂φ_i = −θ(B)⁻¹Θ(B^m)⁻¹ B^i Φ(B^m)w (resp.
 *   −θ(B)⁻¹Θ(B^m)⁻¹ B^{ml} φ(B)w);
 * - MA θ_i (seasonal Θ_l): with θ' = θ + h·B^i, θ'(B)Θ(B^m)(e' − e) = −h·B^iΘ(B^m)e, so
 *   e' = e − h·θ'(B)⁻¹(B^i e) (resp. e − h·Θ'(B^m)⁻¹(B^{ml} e)).
 * All sequences are zero before ncond, where the causal filters compose and commute. (A class, not
 * closures: V8 re-optimises a closure's loops for every instance, and the search builds one per fit.)
 */
import { arFiltered, cssPass, maRecursion, shiftedValue, type CssOrders, type PassSums } from './css-pass.js';
import { IncrementalResidual } from './incremental-residual.js';
import type { ArmaOrders } from './transform.js';

/** The CSS objective of the full coefficient vector, with the cheap finite-difference pair. */
export interface CssObjective {
  (par: Float64Array): number;
  /**
   * The objective at `par` with par[j] = lo (out[0]) and = hi (out[1]), or false when the centre
   * has non-finite innovations. O(n·(p + q + P + Q)) for a new centre, then O(n·(q + Q + 1)) per
   * coordinate (O(n·(p + q + P + Q)) once per regressor and centre).
   */
  pair(par: Float64Array, j: number, lo: number, hi: number, out: Float64Array): boolean;
}

/** A point the objective was evaluated at in full, with what its finite-difference steps reuse. */
interface CssBase {
  /** The ARMA coefficients (R's layout) and the regression coefficients. */
  readonly key: Float64Array;
  readonly beta: Float64Array;
  used: number;
  /** The differenced regression residual w, Φ(B^m)w, its innovations e; Σe² and the count. */
  readonly w: Float64Array;
  readonly z: Float64Array;
  readonly e: Float64Array;
  ssq: number;
  nu: number;
  /** Innovations of the regressors (on demand), and φ(B)w for the seasonal AR steps. */
  readonly E: (Float64Array | null)[];
  readonly have: Uint8Array;
  readonly zn: Float64Array;
  haveZn: boolean;
}

/**
 * Full evaluations kept: the centre of a gradient and the two steps of a coordinate the caller
 * evaluates itself, so the centre survives until the next pair.
 */
const BASES = 3;

/** The state of {@link differencedCss}. */
class DifferencedCss {
  private readonly residual: IncrementalResidual;
  private readonly bases: CssBase[];
  private readonly orders: CssOrders;
  private readonly narma: number;
  private readonly start: number;
  private readonly g: Float64Array;
  private readonly zs: Float64Array;
  private readonly fs: Float64Array;
  private readonly ma: Float64Array;
  private readonly sums: PassSums = { ssq: 0, nu: 0 };
  private clock = 0;

  constructor(
    dy: Float64Array,
    private readonly dcols: readonly Float64Array[],
    arma: ArmaOrders,
    ncond: number,
  ) {
    const k = dcols.length,
      n = dy.length;
    const [p, q, P, Q, m] = arma;
    this.orders = { p, q, P, Q, m };
    const narma = (this.narma = p + q + P + Q);
    this.residual = new IncrementalResidual(dy, dcols, narma);
    this.start = ncond;
    this.g = new Float64Array(n);
    this.zs = new Float64Array(n);
    this.fs = new Float64Array(n);
    this.ma = new Float64Array(Math.max(q, Q));
    this.bases = Array.from({ length: BASES }, () => ({
      key: new Float64Array(narma).fill(NaN),
      beta: new Float64Array(k).fill(NaN),
      used: 0,
      w: new Float64Array(n),
      z: new Float64Array(n),
      e: new Float64Array(n),
      ssq: NaN,
      nu: 0,
      E: new Array<Float64Array | null>(k).fill(null),
      have: new Uint8Array(k),
      zn: new Float64Array(n),
      haveZn: false,
    }));
  }

  /** Evaluates par in full into the least recently used base. O(n·(p + q + P + Q)). */
  private full(par: Float64Array): CssBase {
    const { bases, narma } = this;
    let b = bases[0];
    for (let i = 1; i < BASES; i++) if (bases[i].used < b.used) b = bases[i];
    b.used = ++this.clock;
    for (let i = 0; i < narma; i++) b.key[i] = par[i];
    for (let j = 0; j < b.beta.length; j++) b.beta[j] = par[narma + j];
    b.w.set(this.residual.at(par));
    cssPass(b.w, this.start, b.key, this.orders, b.z, this.fs, b.e, this.sums);
    b.have.fill(0);
    b.haveZn = false;
    b.ssq = this.sums.ssq;
    b.nu = this.sums.nu;
    return b;
  }

  /** How par relates to base b: the same point (0), one regression coefficient apart (1 + j), or neither (−1). */
  private relation(b: CssBase, par: Float64Array): number {
    const narma = this.narma,
      k = b.beta.length;
    for (let i = 0; i < narma; i++) if (par[i] !== b.key[i]) return -1;
    let diff = -1,
      ndiff = 0;
    for (let j = 0; j < k; j++)
      if (par[narma + j] !== b.beta[j]) {
        diff = j;
        ndiff++;
      }
    return ndiff === 0 ? 0 : ndiff === 1 ? 1 + diff : -1;
  }

  /** The innovations of regressor j at base b. O(n·(p + q + P + Q)) once. */
  private column(b: CssBase, j: number): Float64Array {
    const E = (b.E[j] ??= new Float64Array(this.g.length));
    if (!b.have[j]) {
      cssPass(this.dcols[j], this.start, b.key, this.orders, this.zs, this.fs, E, this.sums);
      b.have[j] = 1;
    }
    return E;
  }

  /** Whether base b's innovations are all finite (the steps then only re-weight them). */
  private clean(b: CssBase): boolean {
    return b.nu === this.g.length - this.start && Number.isFinite(b.ssq);
  }

  /** g_t = src_{t−lag} for t ≥ start (zero before start when src is e). O(n). */
  private shift(src: Float64Array, lag: number, zeroBefore: number): Float64Array {
    const { g, start } = this;
    for (let t = start; t < g.length; t++) {
      const s = t - lag;
      g[t] = s >= zeroBefore ? src[s] : 0;
    }
    return g;
  }

  /** Applies θ(B)⁻¹Θ(B^m)⁻¹ to g from start, in place, with base b's coefficients. */
  private maInverse(b: CssBase, g: Float64Array): void {
    const { p, q, P, Q, m } = this.orders;
    maRecursion(g, this.start, b.key, p + q + P, Q, m);
    maRecursion(g, this.start, b.key, p, q, 1);
  }

  value(par: Float64Array): number {
    for (let i = 0; i < BASES; i++) {
      const b = this.bases[i];
      const rel = this.relation(b, par);
      if (rel < 0) continue;
      b.used = ++this.clock;
      if (rel === 0) return 0.5 * Math.log(b.ssq / b.nu);
      if (!this.clean(b)) break;
      const j = rel - 1;
      return shiftedValue(b.e, this.column(b, j), par[this.narma + j] - b.beta[j], this.start, b.nu);
    }
    const b = this.full(par);
    return 0.5 * Math.log(b.ssq / b.nu);
  }

  pair(par: Float64Array, j: number, lo: number, hi: number, out: Float64Array): boolean {
    const { p, q, P, Q, m } = this.orders;
    const { narma, start } = this;
    let b: CssBase | null = null;
    for (let i = 0; i < BASES && !b; i++) if (this.relation(this.bases[i], par) === 0) b = this.bases[i];
    b ??= this.full(par);
    b.used = ++this.clock;
    if (!this.clean(b)) return false;
    const c = par[j],
      e = b.e;
    if (j >= narma) {
      const d = this.column(b, j - narma);
      out[0] = shiftedValue(e, d, lo - c, start, b.nu);
      out[1] = shiftedValue(e, d, hi - c, start, b.nu);
      return true;
    }
    if (j < p || (j >= p + q && j < p + q + P)) {
      // AR: d = θ(B)⁻¹Θ(B^m)⁻¹ B^lag z with z = Φ(B^m)w (φ_i) or φ(B)w (Φ_l); e(c + h) = e − h·d.
      let z: Float64Array, lag: number;
      if (j < p) {
        z = P > 0 ? b.z : b.w;
        lag = j + 1;
      } else {
        if (!b.haveZn) {
          arFiltered(b.w, b.key, 0, p, 1, p, b.zn);
          b.haveZn = true;
        }
        z = p > 0 ? b.zn : b.w;
        lag = m * (j - p - q + 1);
      }
      const d = this.shift(z, lag, 0);
      this.maInverse(b, d);
      out[0] = shiftedValue(e, d, lo - c, start, b.nu);
      out[1] = shiftedValue(e, d, hi - c, start, b.nu);
      return true;
    }
    // MA: e(c + h) = e − h·θ'(B)⁻¹(B^lag e) (θ' with the stepped coefficient), or with Θ'(B^m).
    const seasonal = j >= p + q + P;
    const off = seasonal ? p + q + P : p,
      len = seasonal ? Q : q,
      step = seasonal ? m : 1;
    const lag = step * (j - off + 1),
      ma = this.ma;
    for (let side = 0; side < 2; side++) {
      const v = side === 0 ? lo : hi;
      for (let l = 0; l < len; l++) ma[l] = b.key[off + l];
      ma[j - off] = v;
      const d = this.shift(e, lag, start);
      maRecursion(d, start, ma, 0, len, step);
      out[side] = shiftedValue(e, d, v - c, start, b.nu);
    }
    return true;
  }
}

/**
 * Builds p ↦ ½·log(Σe²/ν) over the full coefficient vector `par` (ARMA then regression), for the
 * differenced series `dy` and differenced regressors `dcols`, conditioning on the first `ncond`
 * differenced values (ncond ≥ p + mP). O(n·(k + 1)) memory.
 */
export function differencedCss(dy: Float64Array, dcols: readonly Float64Array[], arma: ArmaOrders, ncond: number): CssObjective {
  const obj = new DifferencedCss(dy, dcols, arma, ncond);
  const fn = ((par: Float64Array) => obj.value(par)) as CssObjective;
  fn.pair = (par, j, lo, hi, out) => obj.pair(par, j, lo, hi, out);
  return fn;
}
