/**
 * The exact Gaussian likelihood of an ARIMA model by the Kalman filter, a port of R's `ARIMA_Like`
 * (`src/library/stats/src/arima.c`; Gardner, Harvey & Phillips 1980; Durbin & Koopman 2012, §4.3).
 * The differencing lives in the state (see `state-space.ts`), so the filter runs on the observed series;
 * observations whose prediction variance F_t is ≥ 10⁴ (the diffuse start) are left out of the sums,
 * exactly as R does. Missing values (NaN) are skipped by the prediction step.
 */
import type { ArimaStateSpace } from './state-space.js';

/** Scratch space of {@link kalmanLikelihood}, allocated once per model size. */
export interface KalmanWork {
  readonly anew: Float64Array;
  readonly M: Float64Array;
  readonly mm: Float64Array;
  readonly Mprev: Float64Array;
  readonly PnPrev: Float64Array;
}

/** Allocates the scratch space of {@link kalmanLikelihood} for state size rd. */
export function kalmanWork(rd: number): KalmanWork {
  return {
    anew: new Float64Array(rd), M: new Float64Array(rd), mm: new Float64Array(rd * rd),
    Mprev: new Float64Array(rd), PnPrev: new Float64Array(rd * rd),
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
 * Runs the filter over y from the model's initial state (a, Pn), leaving the final filtered state in
 * `ss.a`, `ss.P` (what forecasting starts from). When `resid` is given it receives the standardised
 * innovations v_t/√F_t (NaN where y is missing). −2·log-likelihood = nu·log(2π σ̂²) + sumlog + nu with
 * σ̂² = ssq/nu. Once the predicted covariance stops changing (two consecutive steps within 1e-13 of
 * its scale: the steady state of Harvey 1989, §3.3.4), the covariance recursion is frozen and each
 * further step costs O(rd); the result then differs from R's only by that rounding-level amount.
 * O(n·rd·(r + nnz(Δ)) + n·rd²) at worst; no allocation.
 */
export function kalmanLikelihood(
  y: ArrayLike<number>, ss: ArimaStateSpace, work: KalmanWork, resid: Float64Array | null, out: KalmanSums,
): KalmanSums {
  const { phi, theta, delta, deltaNz, r, rd, a, P, Pn } = ss;
  const { anew, M, mm, Mprev, PnPrev } = work;
  const p = phi.length, q = theta.length, d = rd - r, nnz = deltaNz.length;
  const n = y.length;
  let ssq = 0, sumlog = 0, nu = 0;
  let frozen = false, candidate = false, gain = 0, gainPrev = NaN;
  for (let l = 0; l < n; l++) {
    for (let i = 0; i < r; i++) {
      let tmp = i < r - 1 ? a[i + 1] : 0;
      if (i < p) tmp += phi[i] * a[0];
      anew[i] = tmp;
    }
    if (d > 0) {
      for (let i = r + 1; i < rd; i++) anew[i] = a[i - 1];
      let tmp = a[0];
      for (let t = 0; t < nnz; t++) tmp += delta[deltaNz[t]] * a[r + deltaNz[t]];
      anew[r] = tmp;
    }
    if (l > 0 && !frozen) {
      if (d === 0) {
        // Pn = T P Tᵀ + R Rᵀ for the companion T, symmetric: Pn_ij = φ_iφ_j P_00 + φ_i P_0,j+1
        // + φ_j P_0,i+1 + P_i+1,j+1 + R_i R_j (terms past the last row vanish).
        const P0 = P[0];
        for (let i = 0; i < r; i++) {
          const fi = i < p ? phi[i] : 0, ri = i === 0 ? 1 : i <= q ? theta[i - 1] : 0;
          const pi1 = i < r - 1 ? P[i + 1] : 0;
          for (let j = i; j < r; j++) {
            const fj = j < p ? phi[j] : 0, rj = j === 0 ? 1 : j <= q ? theta[j - 1] : 0;
            let tmp = ri * rj + fi * fj * P0 + fj * pi1;
            if (j < r - 1) {
              tmp += fi * P[j + 1];
              if (i < r - 1) tmp += P[i + 1 + r * (j + 1)];
            }
            Pn[i + r * j] = tmp;
            Pn[j + r * i] = tmp;
          }
        }
      } else {
        // mm = T P
        for (let j = 0; j < rd; j++) {
          const col = rd * j;
          const p0 = P[col];
          for (let i = 0; i < r; i++) {
            let tmp = i < p ? phi[i] * p0 : 0;
            if (i < r - 1) tmp += P[i + 1 + col];
            mm[i + col] = tmp;
          }
          let tmp = p0;
          for (let t = 0; t < nnz; t++) tmp += delta[deltaNz[t]] * P[r + deltaNz[t] + col];
          mm[r + col] = tmp;
          for (let i = 1; i < d; i++) mm[r + i + col] = P[r + i - 1 + col];
        }
        // Pn = mm Tᵀ
        for (let i = 0; i < r; i++) {
          const fi = i < p ? phi[i] : 0;
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
          const dst = rd * (r + i), src = rd * (r + i - 1);
          for (let j = 0; j < rd; j++) Pn[dst + j] = mm[src + j];
        }
        for (let i = 0; i <= q; i++) {
          const vi = i === 0 ? 1 : theta[i - 1];
          for (let j = 0; j <= q; j++) Pn[i + rd * j] += vi * (j === 0 ? 1 : theta[j - 1]);
        }
      }
    }
    const yl = y[l];
    if (!Number.isNaN(yl)) {
      let res = yl - anew[0];
      for (let t = 0; t < nnz; t++) res -= delta[deltaNz[t]] * anew[r + deltaNz[t]];
      const wasFrozen = frozen;
      if (!frozen) {
        for (let i = 0; i < rd; i++) {
          let tmp = Pn[i];
          for (let t = 0; t < nnz; t++) tmp += Pn[i + (r + deltaNz[t]) * rd] * delta[deltaNz[t]];
          M[i] = tmp;
        }
        gain = M[0];
        for (let t = 0; t < nnz; t++) gain += delta[deltaNz[t]] * M[r + deltaNz[t]];
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
        for (let j = 0; j < rd; j++) {
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
      // A missing value: predict only (P = Pn), and leave the steady state.
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
