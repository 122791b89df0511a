/**
 * A fast form of R's `armaCSS` objective for series without missing values. The CSS innovations are
 * linear in the differenced data, e(Dy − Σβ_j DX_j) = e(Dy) − Σβ_j e(DX_j), so a step that changes
 * one regression coefficient from the last full evaluation (every regression coordinate of a
 * finite-difference gradient) costs O(n) once e(DX_j) is known for the current ARMA coefficients.
 */
import { cssResiduals, cssWork } from './css.js';
import { incrementalResidual } from './incremental-residual.js';
import { transPars, type ArmaOrders, type ArmaPolys } from './transform.js';

/**
 * Builds p ↦ ½·log(Σe²/ν) over the full coefficient vector `par` (ARMA then regression), for the
 * differenced series `dy` and differenced regressors `dcols`, conditioning on the first `ncond`
 * differenced values. `polys` is scratch for the expanded polynomials. O(n·(s + k)) memory.
 */
export function differencedCss(
  dy: Float64Array, dcols: readonly Float64Array[], arma: ArmaOrders, ncond: number, polys: ArmaPolys,
): (par: Float64Array) => number {
  const narma = arma[0] + arma[1] + arma[2] + arma[3], k = dcols.length, n = dy.length;
  const residual = incrementalResidual(dy, dcols, narma);
  const work = cssWork(n, polys.phi.length, polys.theta.length);
  const colWork = cssWork(n, polys.phi.length, polys.theta.length);
  const key = new Float64Array(narma).fill(NaN);
  const baseBeta = new Float64Array(k).fill(NaN);
  const eBase = new Float64Array(n);
  const E = Array.from({ length: k }, () => new Float64Array(n));
  const have = new Uint8Array(k);
  let ssqBase = 0, nu = 1;
  return (par: Float64Array): number => {
    let same = true;
    for (let i = 0; i < narma && same; i++) if (par[i] !== key[i]) same = false;
    let diff = -1, ndiff = 0;
    for (let j = 0; j < k; j++) if (par[narma + j] !== baseBeta[j]) { diff = j; ndiff++; }
    if (same && ndiff === 0) return 0.5 * Math.log(ssqBase / nu);
    if (same && ndiff === 1) {
      if (!have[diff]) {
        cssResiduals(dcols[diff], 0, 0, 1, polys.phi, polys.theta, ncond, colWork);
        E[diff].set(colWork.resid);
        have[diff] = 1;
      }
      const db = par[narma + diff] - baseBeta[diff], Ej = E[diff];
      let ssq = 0;
      for (let t = ncond; t < n; t++) {
        const e = eBase[t] - db * Ej[t];
        ssq += e * e;
      }
      return 0.5 * Math.log(ssq / nu);
    }
    transPars(par, arma, false, polys);
    const s2 = cssResiduals(residual(par), 0, 0, 1, polys.phi, polys.theta, ncond, work);
    eBase.set(work.resid);
    for (let i = 0; i < narma; i++) key[i] = par[i];
    for (let j = 0; j < k; j++) baseBeta[j] = par[narma + j];
    have.fill(0);
    nu = Math.max(n - ncond, 0);
    ssqBase = s2 * nu;
    return 0.5 * Math.log(s2);
  };
}
