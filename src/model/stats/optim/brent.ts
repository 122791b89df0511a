/**
 * Brent's one-dimensional minimiser without derivatives (R. P. Brent 1973, *Algorithms for
 * Minimization without Derivatives*, ch. 5, procedure `localmin`), a port of `Brent_fmin` in R's
 * src/library/stats/src/optimize.c, which backs `stats::optimize`.
 */
import { inputError } from '../../../errors.js';

/** The result of {@link brentMin}. */
export interface BrentResult {
  /** The abscissa of the minimum found (R's `optimize(...)$minimum`). */
  x: number;
  /** f(x), as R re-evaluates it for `$objective`. */
  fx: number;
  /** Number of evaluations of f during the search (excluding the final re-evaluation). */
  evaluations: number;
}

/**
 * Minimises f on [lower, upper] by golden-section search and successive parabolic interpolation,
 * as R's `optimize(f, c(lower, upper), tol = tol)`: the same steps, the same stopping rule
 * |x − (a + b)/2| ≤ 2·tol1 − (b − a)/2 with tol1 = √ε·|x| + tol/3, and, as R does, a non-finite
 * value of f counts as the largest double. For a unimodal f the error is below 3·√ε·|x| + tol.
 * Cost: O(log((upper − lower)/tol)) evaluations of f, superlinear near a smooth minimum.
 * @example brentMin((x) => (x - 1) ** 2, -3, 5).x // ≈ 1
 */
export function brentMin(f: (x: number) => number, lower: number, upper: number, tol = Number.EPSILON ** 0.25): BrentResult {
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper))
    throw inputError('optimize_interval', `brentMin needs finite lower < upper, got [${lower}, ${upper}]`);
  if (!(tol > 0 && Number.isFinite(tol))) throw inputError('optimize_tol', `brentMin needs a positive tolerance, got ${tol}`);
  let evaluations = 0;
  const g = (x: number): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  const c = (3 - Math.sqrt(5)) * 0.5; // the squared inverse of the golden ratio
  const eps = Math.sqrt(Number.EPSILON);
  let a = lower;
  let b = upper;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = g(x);
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      // fit a parabola
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      // golden section
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      // parabolic interpolation, not too close to the ends
      d = p / q;
      const u = x + d;
      if (u - a < t2 || b - u < t2) d = x >= xm ? -tol1 : tol1;
    }
    const u = Math.abs(d) >= tol1 ? x + d : d > 0 ? x + tol1 : x - tol1;
    const fu = g(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx: f(x), evaluations };
}
