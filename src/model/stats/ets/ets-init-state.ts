/**
 * Starting values for the ETS initial states, R's `forecast:::initstate` heuristic
 * (Hyndman et al. 2008, §2.6.1): seasonal indices from a decomposition, then ℓ₀ (and b₀) from
 * the first max(10, 2m) seasonally adjusted values.
 */
import type { EtsComponent } from './ets-form.js';
import { classicalSeasonal, fourierSeasonal } from './decompose-seasonal.js';

/**
 * Initial state in R's order without the last seasonal (it is implied): ℓ₀, b₀ if trended, then
 * s₀..s_{m−2} = the decomposition's seasonal at positions m−1, m−2, …, 1. Multiplicative indices
 * are floored at 0.01 (and rescaled when they sum past m). ℓ₀ is the mean of the first
 * max(10, 2m) adjusted values (no trend), or the intercept and slope of their regression on
 * 1, 2, … (additive trend; for multiplicative trend ℓ₀ = ŷ₁/b₀, b₀ = ŷ₂/ŷ₁).
 * Seasonal forms need n ≥ 4. O(n·m).
 */
export function etsInitState(y: ArrayLike<number>, m: number, trend: EtsComponent, season: EtsComponent): Float64Array {
  const n = y.length;
  let ysa: ArrayLike<number> = y;
  let seas: Float64Array | undefined;
  let period = 1;
  if (season !== 'N') {
    period = m;
    const mult = season === 'M';
    const sd = n < 3 * m ? fourierSeasonal(y, m, mult) : classicalSeasonal(y, m, mult);
    seas = new Float64Array(m - 1);
    for (let k = 0; k < m - 1; k++) seas[k] = sd[m - 1 - k];
    const adj = new Float64Array(n);
    if (!mult) for (let i = 0; i < n; i++) adj[i] = y[i] - sd[i];
    else {
      let sum = 0;
      for (let k = 0; k < m - 1; k++) {
        seas[k] = Math.max(seas[k], 1e-2);
        sum += seas[k];
      }
      if (sum > m) {
        let denom = 0;
        for (let k = 0; k < m - 1; k++) denom += seas[k] + 1e-2;
        for (let k = 0; k < m - 1; k++) seas[k] /= denom;
      }
      for (let i = 0; i < n; i++) adj[i] = y[i] / Math.max(sd[i], 1e-2);
    }
    ysa = adj;
  }
  const maxn = Math.min(Math.max(10, 2 * period), n);
  const out = new Float64Array(1 + (trend !== 'N' ? 1 : 0) + (seas ? seas.length : 0));
  if (trend === 'N') {
    let s = 0;
    for (let i = 0; i < maxn; i++) s += ysa[i];
    out[0] = s / maxn;
  } else {
    // lsfit(1:maxn, ysa[1:maxn])
    const xbar = (maxn + 1) / 2;
    let ybar = 0;
    for (let i = 0; i < maxn; i++) ybar += ysa[i];
    ybar /= maxn;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < maxn; i++) {
      const dx = i + 1 - xbar;
      sxy += dx * (ysa[i] - ybar);
      sxx += dx * dx;
    }
    const slope = sxy / sxx;
    const icpt = ybar - slope * xbar;
    let l0: number;
    let b0: number;
    if (trend === 'A') {
      l0 = icpt;
      b0 = slope;
      if (Math.abs(l0 + b0) < 1e-8) {
        l0 *= 1 + 1e-3;
        b0 *= 1 - 1e-3;
      }
    } else {
      l0 = icpt + slope;
      if (Math.abs(l0) < 1e-8) l0 = 1e-7;
      b0 = (icpt + 2 * slope) / l0;
      l0 /= b0;
      if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
      if (l0 < 1e-8 || b0 < 1e-8) {
        l0 = Math.max(ysa[0], 1e-3);
        b0 = Math.max(ysa[1] / ysa[0], 1e-3);
      }
    }
    out[0] = l0;
    out[1] = b0;
  }
  if (seas) out.set(seas, trend !== 'N' ? 2 : 1);
  return out;
}
