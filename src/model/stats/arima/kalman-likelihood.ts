/**
 * The exact Gaussian likelihood of an ARIMA model by the Kalman filter, a port of R's `ARIMA_Like`
 * (`src/library/stats/src/arima.c`; Gardner, Harvey & Phillips 1980; Durbin & Koopman 2012, §4.3).
 * The differencing lives in the state (see `state-space.ts`), so the filter runs on the observed series;
 * observations whose prediction variance F_t is ≥ 10⁴ (the diffuse start) are left out of the sums,
 * exactly as R does. Missing values (NaN) are skipped by the prediction step.
 *
 * The differencing states hold y_{t−1}…y_{t−d} (d = d + m·D): once the last d + 1 values were
 * observed they are known, so their rows and columns of the covariance are zero (R's recursion
 * carries them as rounding residue of the diffuse κ, ~κ·ε) and only the r×r ARMA block evolves, by
 * the companion form's symmetric update. That costs O(r²) per step instead of O(rd²) and differs
 * from R's values by that residue (~1e-10 relative).
 */
import type { ArimaStateSpace } from './state-space.js';

/** Scratch space of {@link kalmanLikelihood}, allocated once per model size. */
export interface KalmanWork {
  readonly anew: Float64Array;
  readonly M: Float64Array;
  readonly mm: Float64Array;
  readonly Mprev: Float64Array;
  readonly PnPrev: Float64Array;
  /** φ padded to r and (1, θ) padded to r. */
  readonly f: Float64Array;
  readonly R: Float64Array;
}

/** Allocates the scratch space of {@link kalmanLikelihood} for state size rd. */
export function kalmanWork(rd: number): KalmanWork {
  return {
    anew: new Float64Array(rd),
    M: new Float64Array(rd),
    mm: new Float64Array(rd * rd),
    Mprev: new Float64Array(rd),
    PnPrev: new Float64Array(rd * rd),
    f: new Float64Array(rd),
    R: new Float64Array(rd),
  };
}

/** Relative change below which the predicted covariance counts as converged (see {@link kalmanLikelihood}). */
const STEADY_TOL = 1e-13;

/** Sums of a filter run: Σv²/F, Σ log F and the number of terms (R's `c(ssq, sumlog, nu)`). */
export interface KalmanSums {
  ssq: number;
  sumlog: number;
  nu: number;
}

/**
 * The ARMA block of Pn = T P Tᵀ + R Rᵀ (r×r at the top left, column stride `stride`), symmetric:
 * Pn_ij = φ_iφ_j P_00 + φ_i P_0,j+1 + φ_j P_0,i+1 + P_i+1,j+1 + R_i R_j (terms past the last row vanish).
 * O(r²).
 */
function predictArmaBlock(P: Float64Array, Pn: Float64Array, f: Float64Array, R: Float64Array, r: number, stride: number): void {
  const P0 = P[0],
    last = r - 1;
  for (let i = 0; i < r; i++) {
    const fi = f[i],
      ri = R[i],
      pi1 = i < last ? P[i + 1] : 0;
    const row = (i + 1) * stride;
    for (let j = i; j < r; j++) {
      const fj = f[j];
      let tmp = ri * R[j] + fi * fj * P0 + fj * pi1;
      if (j < last) {
        tmp += fi * P[j + 1];
        if (i < last) tmp += P[row + j + 1];
      }
      Pn[i + stride * j] = tmp;
      Pn[j + stride * i] = tmp;
    }
  }
}

/** Pn = T P Tᵀ + V over the whole rd×rd state, with the differencing rows of T. O(rd²·(1 + nnz(Δ)/rd)). */
function predictFull(P: Float64Array, Pn: Float64Array, mm: Float64Array, ss: ArimaStateSpace, f: Float64Array, R: Float64Array, q: number): void {
  const { delta, deltaNz, r, rd } = ss;
  const d = rd - r,
    nnz = deltaNz.length;
  // mm = T P
  for (let j = 0; j < rd; j++) {
    const col = rd * j;
    const p0 = P[col];
    for (let i = 0; i < r - 1; i++) mm[i + col] = f[i] * p0 + P[i + 1 + col];
    mm[r - 1 + col] = f[r - 1] * p0;
    let tmp = p0;
    for (let t = 0; t < nnz; t++) tmp += delta[deltaNz[t]] * P[r + deltaNz[t] + col];
    mm[r + col] = tmp;
    for (let i = 1; i < d; i++) mm[r + i + col] = P[r + i - 1 + col];
  }
  // Pn = mm Tᵀ
  for (let i = 0; i < r; i++) {
    const fi = f[i];
    const next = i < r - 1 ? rd * (i + 1) : -1;
    for (let j = 0; j < rd; j++) {
      let tmp = fi * mm[j];
      if (next >= 0) tmp += mm[next + j];
      Pn[j + rd * i] = tmp;
    }
  }
  for (let j = 0; j < rd; j++) {
    let tmp = mm[j];
    for (let t = 0; t < nnz; t++) tmp += delta[deltaNz[t]] * mm[rd * (r + deltaNz[t]) + j];
    Pn[rd * r + j] = tmp;
  }
  for (let i = 1; i < d; i++) {
    const dst = rd * (r + i),
      src = rd * (r + i - 1);
    for (let j = 0; j < rd; j++) Pn[dst + j] = mm[src + j];
  }
  for (let i = 0; i <= q && i < r; i++) for (let j = 0; j <= q && j < r; j++) Pn[i + rd * j] += R[i] * R[j];
}

/** Zeroes the rows and columns r…rd−1 of an rd×rd matrix (the known differencing states). O(rd·d). */
function clearDifferencing(A: Float64Array, r: number, rd: number): void {
  for (let j = 0; j < rd; j++) {
    const col = rd * j;
    if (j >= r) A.fill(0, col, col + rd);
    else A.fill(0, col + r, col + rd);
  }
}

/**
 * Runs the filter over y from the model's initial state (a, Pn), leaving the final filtered state in
 * `ss.a`, `ss.P` (what forecasting starts from). When `resid` is given it receives the standardised
 * innovations v_t/√F_t (NaN where y is missing). −2·log-likelihood = nu·log(2π σ̂²) + sumlog + nu with
 * σ̂² = ssq/nu. Once the predicted covariance stops changing (two consecutive steps within 1e-13 of
 * its scale: the steady state of Harvey 1989, §3.3.4), the covariance recursion is frozen and each
 * further step costs O(rd); the result then differs from R's only by that rounding-level amount.
 * O(n·(rd·nnz(Δ) + r²)) with the known differencing states (O(n·rd²) while values are missing);
 * no allocation.
 */
// eslint-disable-next-line max-lines-per-function -- a port of R's ARIMA_Like: one hot loop, split it and it slows
export function kalmanLikelihood(y: ArrayLike<number>, ss: ArimaStateSpace, work: KalmanWork, resid: Float64Array | null, out: KalmanSums): KalmanSums {
  const { phi, theta, delta, deltaNz, r, rd, a, P, Pn } = ss;
  const { anew, M, mm, Mprev, PnPrev, f, R } = work;
  const p = phi.length,
    q = theta.length,
    d = rd - r,
    nnz = deltaNz.length;
  const n = y.length;
  f.fill(0);
  R.fill(0);
  for (let i = 0; i < p; i++) f[i] = phi[i];
  R[0] = 1;
  for (let i = 0; i < q && i + 1 < rd; i++) R[i + 1] = theta[i];
  let ssq = 0,
    sumlog = 0,
    nu = 0;
  let frozen = false,
    candidate = false,
    gain = 0,
    gainPrev = NaN;
  // Consecutive observed values so far; the differencing states are known once it exceeds d.
  let observed = 0,
    reduced = d === 0;
  for (let l = 0; l < n; l++) {
    for (let i = 0; i < r - 1; i++) anew[i] = a[i + 1] + f[i] * a[0];
    anew[r - 1] = f[r - 1] * a[0];
    if (d > 0) {
      for (let i = r + 1; i < rd; i++) anew[i] = a[i - 1];
      let tmp = a[0];
      for (let t = 0; t < nnz; t++) tmp += delta[deltaNz[t]] * a[r + deltaNz[t]];
      anew[r] = tmp;
    }
    if (l > 0 && !frozen) {
      if (!reduced && observed > d) {
        reduced = true;
        clearDifferencing(P, r, rd);
        clearDifferencing(Pn, r, rd);
        M.fill(0, r, rd);
      }
      if (reduced) predictArmaBlock(P, Pn, f, R, r, rd);
      else predictFull(P, Pn, mm, ss, f, R, q);
    }
    const yl = y[l];
    if (yl === yl) {
      observed++;
      let res = yl - anew[0];
      for (let t = 0; t < nnz; t++) res -= delta[deltaNz[t]] * anew[r + deltaNz[t]];
      const wasFrozen = frozen;
      if (!frozen) {
        if (reduced) {
          for (let i = 0; i < r; i++) M[i] = Pn[i];
          gain = M[0];
        } else {
          for (let i = 0; i < rd; i++) {
            let tmp = Pn[i];
            for (let t = 0; t < nnz; t++) tmp += Pn[i + (r + deltaNz[t]) * rd] * delta[deltaNz[t]];
            M[i] = tmp;
          }
          gain = M[0];
          for (let t = 0; t < nnz; t++) gain += delta[deltaNz[t]] * M[r + deltaNz[t]];
        }
        // Steady state: M and F unchanged, then the whole predicted covariance unchanged.
        const tol = STEADY_TOL * Math.max(1, Math.abs(gain));
        let same = Math.abs(gain - gainPrev) <= tol;
        for (let i = 0; i < rd && same; i++) if (!(Math.abs(M[i] - Mprev[i]) <= tol)) same = false;
        if (same && candidate) {
          let all = true;
          for (let i = 0; i < rd * rd && all; i++) if (!(Math.abs(Pn[i] - PnPrev[i]) <= tol)) all = false;
          if (all) frozen = true;
          else PnPrev.set(Pn);
        } else if (same) {
          candidate = true;
          PnPrev.set(Pn);
        } else {
          candidate = false;
        }
        Mprev.set(M);
        gainPrev = gain;
      }
      if (gain < 1e4) {
        nu++;
        ssq += (res * res) / gain;
        sumlog += Math.log(gain);
      }
      if (resid) resid[l] = res / Math.sqrt(gain);
      const rg = res / gain;
      for (let i = 0; i < rd; i++) a[i] = anew[i] + M[i] * rg;
      if (!wasFrozen) {
        const size = reduced ? r : rd;
        for (let j = 0; j < size; j++) {
          const mj = M[j] / gain;
          const col = j * rd;
          for (let i = 0; i <= j; i++) {
            const v = Pn[i + col] - M[i] * mj;
            P[i + col] = v;
            P[j + i * rd] = v;
          }
        }
      }
    } else {
      // A missing value: predict only (P = Pn), and leave the steady state and the known differencing.
      observed = 0;
      reduced = d === 0;
      frozen = false;
      candidate = false;
      gainPrev = NaN;
      a.set(anew);
      P.set(Pn);
      if (resid) resid[l] = NaN;
    }
  }
  out.ssq = ssq;
  out.sumlog = sumlog;
  out.nu = nu;
  return out;
}
