/**
 * Damped-trend exponential smoothing, additive errors (Gardner & McKenzie 1985; FPP3 §8.2):
 *   ℓ_t = αy_t + (1−α)(ℓ_{t−1} + φb_{t−1}),  b_t = β*(ℓ_t − ℓ_{t−1}) + (1−β*)φb_{t−1},
 *   ŷ_{t+h} = ℓ_t + (φ + φ² + … + φ^h) b_t.
 * Parameters are picked on a small grid by the in-sample one-step squared error, so a fit is
 * O(G·n) with G grid points and fully deterministic.
 */

export interface EtsParams {
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
}

const ALPHAS = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1];
const BETAS = [0, 0.05, 0.1, 0.2];
const PHIS = [0.8, 0.9, 0.98];

/** Runs the filter over y[0..t]; returns the final level, trend and one-step SSE. O(t). */
export function etsFilter(y: ArrayLike<number>, t: number, p: EtsParams): { level: number; trend: number; sse: number } {
  let level = y[0];
  let trend = t >= 1 ? y[1] - y[0] : 0;
  let sse = 0;
  for (let i = 1; i <= t; i++) {
    const pred = level + p.phi * trend;
    const e = y[i] - pred;
    sse += e * e;
    const prev = level;
    level = pred + p.alpha * e;
    trend = p.beta * (level - prev) + (1 - p.beta) * p.phi * trend;
  }
  return { level, trend, sse };
}

/** Grid-search fit on y[0..t]. O(G·t). */
export function fitEts(y: ArrayLike<number>, t: number): EtsParams {
  let best: EtsParams = { alpha: 1, beta: 0, phi: 0.9 };
  let bestSse = Infinity;
  for (const alpha of ALPHAS) for (const beta of BETAS) for (const phi of PHIS) {
    const { sse } = etsFilter(y, t, { alpha, beta, phi });
    if (sse < bestSse - 1e-12 * Math.abs(bestSse)) {
      bestSse = sse;
      best = { alpha, beta, phi };
    }
  }
  return best;
}

/** Forecasts t+1..t+H with given parameters (state from y[0..t]). O(t + H). */
export function etsForecast(y: ArrayLike<number>, t: number, horizon: number, p: EtsParams): Float64Array {
  const { level, trend } = etsFilter(y, t, p);
  const out = new Float64Array(horizon);
  let damp = 0;
  for (let h = 1; h <= horizon; h++) {
    damp += p.phi ** h;
    out[h - 1] = level + damp * trend;
  }
  return out;
}
