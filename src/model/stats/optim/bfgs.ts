/**
 * Quasi-Newton minimisation as R's `optim(method = "BFGS")`: Nash's variable-metric method `vmmin`
 * (J. C. Nash, *Compact Numerical Methods for Computers*, 2nd ed., 1990, Algorithm 21, as re-crafted by
 * B. D. Ripley in R's `src/appl/optim.c`), with R's central-difference gradient (`fmingr` in
 * `src/library/stats/src/optim.c`, `ndeps = 1e-3` on the scaled parameters) and R's `optimhess`.
 * Parameters are optimised on the scale `par / parscale`, as R does, so the same inputs follow the
 * same path as R's optimiser.
 */
import { inputError } from '../../../errors.js';

/**
 * An objective: reads `x` (do not keep or mutate it) and returns f(x); non-finite means "no".
 * It may carry `pair(x, i, lo, hi, out)`: f at x with x_i = lo into out[0] and with x_i = hi into
 * out[1], returning false when it cannot (then f is called twice). The finite-difference gradient
 * asks for it; an objective that is cheap to vary along some coordinates (e.g. linear in them inside)
 * can answer both from one pass, equal to the two calls up to rounding.
 */
export type Objective = ((x: Float64Array) => number) & {
  readonly pair?: (x: Float64Array, i: number, lo: number, hi: number, out: Float64Array) => boolean;
};

/** Options of {@link bfgs}; the defaults are R's `optim` defaults. */
export interface BfgsOptions {
  /** Typical magnitudes of the parameters (R's `parscale`); default 1. */
  readonly parscale?: ArrayLike<number>;
  /** Finite-difference steps on the scaled parameters (R's `ndeps`); default 1e-3. */
  readonly ndeps?: number;
  /** Maximum number of iterations (gradient evaluations); default 100. */
  readonly maxit?: number;
  /** Relative convergence tolerance on f; default √ε ≈ 1.49e-8. */
  readonly reltol?: number;
  /** Stop once f ≤ abstol; default −∞. */
  readonly abstol?: number;
}

/** Result of {@link bfgs}: `fail` is 1 when `maxit` was reached (R's `convergence` code), else 0. */
export interface BfgsResult {
  readonly par: Float64Array;
  readonly value: number;
  readonly fail: 0 | 1;
  readonly fnCount: number;
  readonly grCount: number;
}

const STEPREDN = 0.2;
const ACCTOL = 1e-4;
const RELTEST = 10;

/**
 * A scaled view of an objective: g(s) = f(s ⊙ parscale), with R's numerical gradient of g. (A class,
 * not closures: V8 re-optimises a closure for every instance, and a model search runs many optimisations.)
 */
class Scaled {
  private readonly x: Float64Array;
  private readonly two = new Float64Array(2);

  constructor(
    private readonly fn: Objective,
    private readonly parscale: Float64Array,
    private readonly ndeps: number,
  ) {
    this.x = new Float64Array(parscale.length);
  }

  value(s: Float64Array): number {
    const { x, parscale } = this;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(s[i])) throw inputError('optim_nonfinite', 'non-finite value supplied by optim');
      x[i] = s[i] * parscale[i];
    }
    return this.fn(x);
  }

  gradient(s: Float64Array, df: Float64Array): void {
    const { x, parscale, ndeps, fn, two } = this;
    const n = x.length,
      pair = fn.pair;
    for (let i = 0; i < n; i++) x[i] = s[i] * parscale[i];
    for (let i = 0; i < n; i++) {
      const hi = (s[i] + ndeps) * parscale[i],
        lo = (s[i] - ndeps) * parscale[i];
      let v1: number, v2: number;
      if (pair && pair(x, i, lo, hi, two)) {
        v1 = two[1];
        v2 = two[0];
      } else {
        x[i] = hi;
        v1 = fn(x);
        x[i] = lo;
        v2 = fn(x);
      }
      df[i] = (v1 - v2) / (2 * ndeps);
      if (!Number.isFinite(df[i])) {
        throw inputError('optim_gradient', `non-finite finite-difference value [${i + 1}]`);
      }
      x[i] = s[i] * parscale[i];
    }
  }
}

function scales(n: number, parscale: ArrayLike<number> | undefined): Float64Array {
  const ps = new Float64Array(n).fill(1);
  if (parscale) for (let i = 0; i < n; i++) ps[i] = parscale[i];
  return ps;
}

/**
 * Minimises `fn` from `x0` by BFGS exactly as R's `optim(x0, fn, method = "BFGS", control)`:
 * line search by backtracking (step × 0.2) until the Armijo condition f ≤ f₀ + 10⁻⁴·t·gᵀd holds,
 * inverse-Hessian update B ← B + (1 + cᵀBc/tᵀc)·ttᵀ/tᵀc − (tcᵀB + Bctᵀ)/tᵀc, restart on uphill
 * directions; stops when |Δf| ≤ reltol·(|f| + reltol). Each iteration costs 2n + O(1) evaluations
 * of `fn` plus O(n²). Throws `input.optim_*` when the first value or a gradient is not finite.
 */
// eslint-disable-next-line max-lines-per-function -- a port of R's vmmin, kept in its order for parity
export function bfgs(fn: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const n = x0.length;
  const parscale = scales(n, options.parscale);
  const maxit = options.maxit ?? 100;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const abstol = options.abstol ?? -Infinity;
  const sc = new Scaled(fn, parscale, options.ndeps ?? 1e-3);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = x0[i] / parscale[i];
  const unscale = (s: Float64Array) => s.map((v, i) => v * parscale[i]);
  if (maxit <= 0 || n === 0) {
    return { par: unscale(b), value: sc.value(b), fail: 0, fnCount: 0, grCount: 0 };
  }
  const g = new Float64Array(n),
    t = new Float64Array(n),
    X = new Float64Array(n),
    c = new Float64Array(n);
  const B = new Float64Array(n * n); // lower triangle used, B[i*n + j] with j <= i
  let f = sc.value(b);
  if (!Number.isFinite(f)) throw inputError('optim_initial', "initial value in 'vmmin' is not finite");
  let fmin = f;
  let funcount = 1,
    gradcount = 1,
    iter = 1;
  sc.gradient(b, g);
  let ilast = gradcount;
  let count: number;
  do {
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i];
      c[i] = g[i];
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i * n + j] * g[j];
      for (let j = i + 1; j < n; j++) s -= B[j * n + i] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + steplength * t[i];
          if (RELTEST + X[i] === RELTEST + b[i]) count++;
        }
        if (count < n) {
          f = sc.value(b);
          funcount++;
          accpoint = Number.isFinite(f) && f <= fmin + gradproj * steplength * ACCTOL;
          if (!accpoint) steplength *= STEPREDN;
        }
      } while (!(count === n || accpoint));
      const enough = f > abstol && Math.abs(f - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = f;
      }
      if (count < n) {
        fmin = f;
        sc.gradient(b, g);
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] *= steplength;
          c[i] = g[i] - c[i];
          D1 += t[i] * c[i];
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j <= i; j++) s += B[i * n + j] * c[j];
            for (let j = i + 1; j < n; j++) s += B[j * n + i] * c[j];
            X[i] = s;
            D2 += s * c[i];
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) B[i * n + j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
          }
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  return { par: unscale(b), value: fmin, fail: iter < maxit ? 0 : 1, fnCount: funcount, grCount: gradcount };
}

/**
 * The Hessian of `fn` at `par` as R's `optimhess` (what `optim(..., hessian = TRUE)` returns): central
 * differences of the numerical gradient, H_ij = (g_j(x + e_i) − g_j(x − e_i)) / (2·e_i), with steps
 * `ndeps` on the parscale'd parameters, then symmetrised. Row-major n×n. Costs 4n² evaluations of `fn`.
 */
export function optimHessian(fn: Objective, par: ArrayLike<number>, options: BfgsOptions = {}): Float64Array {
  const n = par.length;
  const parscale = scales(n, options.parscale);
  const ndeps = options.ndeps ?? 1e-3;
  const sc = new Scaled(fn, parscale, ndeps);
  const dpar = new Float64Array(n);
  for (let i = 0; i < n; i++) dpar[i] = par[i] / parscale[i];
  const df1 = new Float64Array(n),
    df2 = new Float64Array(n);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const eps = ndeps / parscale[i];
    dpar[i] += eps;
    sc.gradient(dpar, df1);
    dpar[i] -= 2 * eps;
    sc.gradient(dpar, df2);
    for (let j = 0; j < n; j++) H[i * n + j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
    dpar[i] += eps;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (H[i * n + j] + H[j * n + i]);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}
