/**
 * Simulated future sample paths of an ETS model and their quantiles, for the forms without an
 * analytic forecast variance (R's `simulate.ets(future = TRUE)` and `simulate_forecast`).
 */
import { normalDraws, type Uniform } from '../rng.js';
import { etsFilter } from './ets-filter.js';
import type { EtsModel } from './ets-form.js';
import { etsPointForecast } from './ets-point-forecast.js';
import { filterSpec } from './ets-refilter.js';

/**
 * `nsim` paths of y_{T+1..T+H}: ε ~ N(0, σ²) drawn from the injected uniform source (Box–Muller),
 * y = ŷ + ε (additive error) or ŷ(1 + max(ε, −1)) (multiplicative, as R), each step then filtered
 * through the model. Paths are stored one after the other: path i, step h at [i·H + h].
 * Deterministic given the generator's seed. A path hitting a negative multiplicative growth is
 * NaN from there on. O(nsim·H·m) time.
 * @example etsSimulate(fit, 12, 1000, mulberry32(42))
 */
export function etsSimulate(model: EtsModel, horizon: number, nsim: number, rng: Uniform): Float64Array {
  const spec = filterSpec(model);
  const z = normalDraws(rng);
  const sd = Math.sqrt(model.sigma2);
  const multErr = model.form.error === 'M';
  const out = new Float64Array(nsim * horizon);
  const state = new Float64Array(model.state.length);
  const ring = new Float64Array(model.m);
  const one = new Float64Array(1);
  const f = new Float64Array(1);
  const m: EtsModel = { ...model, state };
  for (let i = 0; i < nsim; i++) {
    state.set(model.state);
    for (let h = 0; h < horizon; h++) {
      etsPointForecast(m, 1, f);
      const e = sd * z();
      one[0] = multErr ? f[0] * (1 + Math.max(e, -1)) : f[0] + e;
      out[i * horizon + h] = one[0];
      if (Number.isNaN(one[0])) {
        out.fill(NaN, i * horizon + h, (i + 1) * horizon);
        break;
      }
      etsFilter(one, 0, 1, spec, state, ring);
    }
  }
  return out;
}

/**
 * Quantiles of simulated paths per horizon, R's `quantile(type = 8)` (Hyndman & Fan 1996,
 * median-unbiased): result[k][h] for probs[k]. NaN paths are ignored. O(H·nsim log nsim).
 */
export function simulatedQuantiles(paths: Float64Array, nsim: number, horizon: number, probs: readonly number[]): Float64Array[] {
  const out = probs.map(() => new Float64Array(horizon));
  const col = new Float64Array(nsim);
  const fuzz = 4 * Number.EPSILON;
  for (let h = 0; h < horizon; h++) {
    let n = 0;
    for (let i = 0; i < nsim; i++) {
      const v = paths[i * horizon + h];
      if (!Number.isNaN(v)) col[n++] = v;
    }
    const x = col.subarray(0, n).sort();
    probs.forEach((p, k) => {
      if (n === 0) {
        out[k][h] = NaN;
        return;
      }
      const nppm = 1 / 3 + p * (n + 1 / 3);
      const j = Math.floor(nppm + fuzz);
      let g = nppm - j;
      if (Math.abs(g) < fuzz) g = 0;
      // x padded as (x₁, x₁, x₁..x_n, x_n, x_n): R's x[j + 2] is x_j clamped to 1..n.
      const lo = x[Math.min(Math.max(j, 1), n) - 1];
      const hi = x[Math.min(Math.max(j + 1, 1), n) - 1];
      out[k][h] = g === 1 ? hi : g > 0 && g < 1 && lo !== hi ? (1 - g) * lo + g * hi : lo;
    });
  }
  return out;
}
