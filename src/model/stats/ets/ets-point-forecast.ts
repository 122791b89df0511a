/**
 * Point forecasts of an ETS model from its last state: the deterministic part of the recursions
 * with zero innovations (Hyndman et al. 2008, §2.3, Table 2.1; R's `etsforecast` in etscalc.c).
 */
import type { EtsModel } from './ets-form.js';

/**
 * ŷ_{T+h|T} for h = 1..H: (ℓ + φ_h b) for additive trend, ℓ·b^{φ_h} for multiplicative trend
 * (NaN when b < 0), ℓ without trend, with φ_h = φ + φ² + … + φ^h, then plus or times
 * s_{T+h−m(⌊(h−1)/m⌋+1)} for an additive or multiplicative season. It is the forecast mean for
 * the linear forms; etsForecast reports R's exact mean for multiplicative season. O(H).
 * Uses the corrected damping sum of forecast ≥ 9.0.2 (R 8.x used 2φ at h = 2 for the
 * multiplicative trend).
 */
export function etsPointForecast(model: EtsModel, horizon: number, out = new Float64Array(horizon)): Float64Array {
  const { form, m, phi, state } = model;
  const l = state[0];
  const b = form.trend !== 'N' ? state[1] : 0;
  const so = form.trend !== 'N' ? 2 : 1;
  let phistar = phi;
  let phipow = phi;
  let j = m - 1;
  for (let i = 0; i < horizon; i++) {
    let f: number;
    if (form.trend === 'N') f = l;
    else if (form.trend === 'A') f = l + phistar * b;
    else f = b < 0 ? NaN : l * Math.pow(b, phistar);
    if (form.season === 'A') f += state[so + j];
    else if (form.season === 'M') f *= state[so + j];
    if (--j < 0) j = m - 1;
    if (Math.abs(phi - 1) < 1e-10) phistar += 1;
    else {
      phipow *= phi;
      phistar += phipow;
    }
    out[i] = f;
  }
  return out;
}
