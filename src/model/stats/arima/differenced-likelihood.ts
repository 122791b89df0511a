/**
 * A fast form of R's ML objective `armafn` for series without missing values: difference y and the
 * regressors once (the differencing operator is linear), filter them through the ARMA part alone,
 * and keep the innovations per ARMA parameter vector in a small cache, so a step that changes only
 * regression coefficients (most finite-difference steps of BFGS and of the Hessian) costs O(n·k)
 * instead of a filter run. The value differs from R's diffuse-state `ARIMA_Like` (κ = 10⁶) by O(1/κ),
 * about 1e-6 relative, and is exact otherwise.
 */
import { armaInnovations, armaInnovationsBuffer, armaInnovationsWorkSize, type ArmaInnovations } from './arma-innovations.js';
import { makeStateSpace, setArma } from './state-space.js';
import { transPars, type ArmaOrders, type ArmaPolys } from './transform.js';

interface CacheEntry {
  readonly key: Float64Array;
  trans: boolean;
  valid: boolean;
  ok: boolean;
  used: number;
  readonly inn: ArmaInnovations;
}

/** Differences by Δ: w_t = y_t − Σ Δ_i y_{t−1−i} for t ≥ len(Δ). O(n·nnz(Δ)). */
export function applyDelta(y: ArrayLike<number>, delta: Float64Array): Float64Array {
  const nd = delta.length;
  const w = new Float64Array(Math.max(y.length - nd, 0));
  for (let t = nd; t < y.length; t++) {
    let v = y[t];
    for (let i = 0; i < nd; i++) if (delta[i] !== 0) v -= delta[i] * y[t - 1 - i];
    w[t - nd] = v;
  }
  return w;
}

/**
 * Builds the objective p ↦ ½·[log(ssq/ν) + Σlog F/ν] of the full coefficient vector `par` (as R's
 * layout: ARMA then regression), with `polys` as scratch for the expanded polynomials. The cache holds
 * 2·narma + 4 ARMA vectors, enough for every point of a numerical Hessian's regression rows.
 */
export function differencedLikelihood(
  x: Float64Array, xreg: readonly Float64Array[], arma: ArmaOrders, delta: Float64Array, kappa: number, polys: ArmaPolys,
): (par: Float64Array, trans: boolean) => number {
  const narma = arma[0] + arma[1] + arma[2] + arma[3], k = xreg.length;
  const series = [applyDelta(x, delta), ...xreg.map((c) => applyDelta(c, delta))];
  const n = series[0].length;
  const ss = makeStateSpace(polys.phi, polys.theta, [], kappa);
  const work = new Float64Array(armaInnovationsWorkSize(k + 1, ss.r));
  const cache: CacheEntry[] = Array.from({ length: 2 * narma + 4 }, () => ({
    key: new Float64Array(narma), trans: false, valid: false, ok: false, used: 0, inn: armaInnovationsBuffer(k + 1, n),
  }));
  let clock = 0;
  const lookup = (par: Float64Array, trans: boolean): CacheEntry => {
    let victim = cache[0];
    for (const e of cache) {
      if (e.valid && e.trans === trans) {
        let same = true;
        for (let i = 0; i < narma && same; i++) if (e.key[i] !== par[i]) same = false;
        if (same) { e.used = ++clock; return e; }
      }
      if (!e.valid || e.used < victim.used) victim = e;
    }
    for (let i = 0; i < narma; i++) victim.key[i] = par[i];
    victim.trans = trans;
    victim.valid = true;
    victim.used = ++clock;
    transPars(par, arma, trans, polys);
    victim.ok = setArma(ss, polys.phi, polys.theta);
    if (victim.ok) armaInnovations(series, ss, work, victim.inn);
    return victim;
  };
  return (par: Float64Array, trans: boolean): number => {
    const e = lookup(par, trans);
    if (!e.ok) return Number.MAX_VALUE;
    const { w, v, sumlog, nu } = e.inn;
    const v0 = v[0];
    let ssq = 0;
    if (k === 0) {
      for (let t = 0; t < n; t++) ssq += v0[t] * v0[t] * w[t];
    } else {
      for (let t = 0; t < n; t++) {
        let r = v0[t];
        for (let j = 0; j < k; j++) r -= par[narma + j] * v[j + 1][t];
        ssq += r * r * w[t];
      }
    }
    return 0.5 * (Math.log(ssq / nu) + sumlog / nu);
  };
}
