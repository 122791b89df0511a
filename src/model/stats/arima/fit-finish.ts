/**
 * The last steps of R's `arima` after optimisation: the final Kalman filter run at the estimates (its
 * end state is what `predict.Arima` forecasts from) and the coefficient covariance from the numerical
 * Hessian, var = Aᵀ(H·n)⁻¹A with A the Jacobian of the AR transformation (and R's back-rotation of
 * rotated regressors), whose diagonal forecast's `checkarima` requires to be non-negative.
 */
import { optimHessian } from '../optim/bfgs.js';
import { kalmanLikelihood, kalmanWork } from './kalman-likelihood.js';
import { makeStateSpace, type ArimaStateSpace } from './state-space.js';
import { gradTrans, type ArmaOrders } from './transform.js';

/** The final filter run: standardised innovations, Σv²/F and the model holding the end state. */
export interface FinalFilter {
  readonly residuals: Float64Array;
  readonly ssq: number;
  readonly model: ArimaStateSpace;
  /**
   * R's ML objective `armafn` at these coefficients, ½·[log(Σv²/F / ν) + Σlog F/ν], from the same run
   * (Number.MAX_VALUE when Q₀ does not exist, as the objective returns).
   */
  readonly objective: number;
}

/** Runs R's `arimaSS` on the regression residual w = y − Xβ. O(n·rd²). */
export function finalFilter(w: Float64Array, phi: Float64Array, theta: Float64Array, delta: Float64Array, kappa: number): FinalFilter {
  const model = makeStateSpace(phi, theta, delta, kappa);
  const residuals = new Float64Array(w.length);
  const sums = kalmanLikelihood(w, model, kalmanWork(model.rd), residuals, { ssq: 0, sumlog: 0, nu: 0 });
  const objective = model.q0Ok ? 0.5 * (Math.log(sums.ssq / sums.nu) + sums.sumlog / sums.nu) : Number.MAX_VALUE;
  return { residuals, ssq: sums.ssq, model, objective };
}

/** Inverts a k×k row-major matrix by Gauss–Jordan with partial pivoting; null when singular (rcond < ε). */
export function invertMatrix(a: Float64Array, k: number): Float64Array | null {
  const A = a.slice();
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  let norm1 = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += Math.abs(a[i * k + j]);
    norm1 = Math.max(norm1, s);
  }
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(A[i * k + c]) > Math.abs(A[piv * k + c])) piv = i;
    const pv = A[piv * k + c];
    if (pv === 0 || !Number.isFinite(pv)) return null;
    if (piv !== c) {
      for (let j = 0; j < k; j++) {
        let t = A[c * k + j];
        A[c * k + j] = A[piv * k + j];
        A[piv * k + j] = t;
        t = inv[c * k + j];
        inv[c * k + j] = inv[piv * k + j];
        inv[piv * k + j] = t;
      }
    }
    for (let j = 0; j < k; j++) {
      A[c * k + j] /= pv;
      inv[c * k + j] /= pv;
    }
    for (let i = 0; i < k; i++) {
      if (i === c) continue;
      const f = A[i * k + c];
      if (f === 0) continue;
      for (let j = 0; j < k; j++) {
        A[i * k + j] -= f * A[c * k + j];
        inv[i * k + j] -= f * inv[c * k + j];
      }
    }
  }
  let invNorm1 = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += Math.abs(inv[i * k + j]);
    invNorm1 = Math.max(invNorm1, s);
  }
  if (!(1 / (norm1 * invNorm1) >= Number.EPSILON)) return null;
  return inv;
}

/** Where the Hessian is taken: the optimiser's objective and the free parameters. */
export interface HessianPoint {
  readonly fn: (p: Float64Array) => number;
  readonly par: Float64Array;
}

/**
 * A memoised check that R's `var.coef` exists and has a non-negative diagonal (forecast's
 * `checkarima`). `gradAt` is the raw (untransformed) coefficient vector when the AR parts were
 * transformed, else null. Costs 4k² objective evaluations on first call, then O(1).
 */
export function varianceCheck(
  at: HessianPoint | null,
  parscale: Float64Array,
  nUsed: number,
  gradAt: Float64Array | null,
  arma: ArmaOrders,
  mask: readonly boolean[],
  rotation: Float64Array[] | null,
  narma: number,
): () => boolean {
  let memo: boolean | null = null;
  let point = at; // released after the check, with the objective's buffers
  return () => {
    if (memo !== null) return memo;
    if (!point) return (memo = true);
    const k = point.par.length;
    let H: Float64Array;
    try {
      H = optimHessian(point.fn, point.par, { parscale });
    } catch {
      point = null;
      return (memo = false);
    }
    point = null;
    for (let i = 0; i < k * k; i++) H[i] *= nUsed;
    const Hinv = invertMatrix(H, k);
    if (!Hinv) return (memo = false);
    const free: number[] = [];
    mask.forEach((f, i) => {
      if (f) free.push(i);
    });
    let V = Hinv;
    const sandwich = (A: Float64Array, transposeLeft: boolean) => {
      // transposeLeft: V ← Aᵀ V A, else V ← A V Aᵀ (A is k×k over the free parameters).
      const T = new Float64Array(k * k),
        out = new Float64Array(k * k);
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let l = 0; l < k; l++) s += V[i * k + l] * (transposeLeft ? A[l * k + j] : A[j * k + l]);
          T[i * k + j] = s;
        }
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let l = 0; l < k; l++) s += (transposeLeft ? A[l * k + i] : A[i * k + l]) * T[l * k + j];
          out[i * k + j] = s;
        }
      V = out;
    };
    const restrict = (full: Float64Array, nfull: number) =>
      Float64Array.from({ length: k * k }, (_, idx) => full[free[Math.floor(idx / k)] * nfull + free[idx % k]]);
    const nfull = mask.length;
    if (gradAt) sandwich(restrict(gradTrans(gradAt, arma), nfull), true);
    if (rotation) {
      const A = new Float64Array(nfull * nfull);
      for (let i = 0; i < narma; i++) A[i * nfull + i] = 1;
      const nx = nfull - narma;
      for (let i = 0; i < nx; i++) for (let j = 0; j < nx; j++) A[(narma + i) * nfull + narma + j] = rotation[j][i];
      sandwich(restrict(A, nfull), false);
    }
    for (let i = 0; i < k; i++) if (!(V[i * k + i] >= 0)) return (memo = false);
    return (memo = true);
  };
}
