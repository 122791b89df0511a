/**
 * The ETS state recursions (Hyndman et al. 2008, Table 2.3, error-correction form), as R's
 * `forecast` package runs them in `src/etscalc.c` (`etscalc`, `forecast`, `update`):
 *   ŷ_t = q_t ⊕ s_{t−m},  q_t = ℓ_{t−1} + φb_{t−1} (A), ℓ_{t−1}·b_{t−1}^φ (M), ℓ_{t−1} (N),
 *   ℓ_t = q_t + α(p_t − q_t),  p_t = y_t ⊖ s_{t−m},
 *   b_t = φb + (β/α)(r_t − φb),  r_t = ℓ_t − ℓ_{t−1} (A) or ℓ_t/ℓ_{t−1} (M),
 *   s_t = s_{t−m} + γ(y_t ⊖ q_t − s_{t−m}),
 * with ⊕/⊖ addition/subtraction for additive and product/ratio for multiplicative season, and the
 * same guards as R (a divisor under 1e−10 gives 1e10; a negative multiplicative growth is NA).
 * The seasonal states live in a ring buffer, so a step is O(1) rather than R's O(m) shift, and
 * Σ log|ŷ| is taken as the log of chunked products (one log per ~100 steps), which equals R's sum
 * of logs up to rounding.
 */

/** Numeric form used by the hot loop: error 1|2, trend 0|1|2, season 0|1|2 (N/A/M). */
export interface FilterSpec {
  readonly error: number;
  readonly trend: number;
  readonly season: number;
  readonly m: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

// R's TOL = 1e−10 and HUGEN = 1e10 are written as literals in the loop: a module constant is a
// tagged value to V8, and mixing it with a computed double boxes every quotient (an allocation
// per step).

/**
 * Runs the recursions over y[start..end−1] from `state` (R order: ℓ, b?, s₀..s_{m−1}, s₀ the most
 * recent), overwriting `state` with the state after y[end−1]. `ring` is scratch of length ≥ m.
 * Optional `fitted`/`resid` receive ŷ and e (y − ŷ, or (y − ŷ)/ŷ for multiplicative error).
 * Returns R's likelihood criterion k·log Σe² + 2·Σ log|ŷ| over the k = end − start steps (second
 * term for multiplicative error only), or NaN when a multiplicative growth goes negative (R's NA).
 * O(end − start + m) time, no allocation.
 */
// eslint-disable-next-line max-lines-per-function -- the ETS recursion (forecast's etscalc): one hot loop
export function etsFilter(
  y: ArrayLike<number>,
  start: number,
  end: number,
  spec: FilterSpec,
  state: Float64Array,
  ring: Float64Array,
  fitted?: Float64Array,
  resid?: Float64Array,
): number {
  const { error, trend, season, m, alpha, beta, gamma, phi } = spec;
  const multErr = error === 2;
  const so = trend > 0 ? 2 : 1;
  let l = state[0];
  let b = trend > 0 ? state[1] : 0;
  if (season > 0) for (let k = 0; k < m; k++) ring[k] = state[so + m - 1 - k];
  const ba = beta / alpha;
  const phiIsOne = Math.abs(phi - 1) < 1e-10;
  let j = 0;
  let sse = 0;
  let slog = 0;
  let prod = 1; // Π|ŷ| in chunks: one log per ~100 steps instead of one per step
  for (let i = start; i < end; i++) {
    let q: number;
    let phib = 0;
    if (trend === 0) q = l;
    else if (trend === 1) {
      phib = phi * b;
      q = l + phib;
    } else {
      if (b < 0) return NaN;
      phib = phiIsOne ? b : Math.pow(b, phi);
      q = l * phib;
    }
    const yi = y[i];
    let f = q;
    let sOld = 0;
    if (season === 1) {
      sOld = ring[j];
      f = q + sOld;
    } else if (season === 2) {
      sOld = ring[j];
      f = q * sOld;
    }
    const e = multErr ? (yi - f) / f : yi - f;
    if (fitted !== undefined) fitted[i] = f;
    if (resid !== undefined) resid[i] = e;
    sse += e * e;
    if (multErr) {
      prod *= Math.abs(f);
      if (prod > 1e100 || prod < 1e-100) {
        slog += Math.log(prod);
        prod = 1;
      }
    }
    // Level
    let p: number;
    if (season === 0) p = yi;
    else if (season === 1) p = yi - sOld;
    else p = Math.abs(sOld) < 1e-10 ? 1e10 : yi / sOld;
    const lNew = q + alpha * (p - q);
    // Growth
    if (trend === 1) b = phib + ba * (lNew - l - phib);
    else if (trend === 2) b = phib + ba * ((Math.abs(l) < 1e-10 ? 1e10 : lNew / l) - phib);
    // Season
    if (season > 0) {
      let r: number;
      if (season === 1) r = yi - q;
      else r = Math.abs(q) < 1e-10 ? 1e10 : yi / q;
      ring[j] = sOld + gamma * (r - sOld);
      if (++j === m) j = 0;
    }
    l = lNew;
  }
  state[0] = l;
  if (trend > 0) state[1] = b;
  if (season > 0) {
    // The most recent seasonal was written at (end − start − 1) mod m.
    let k = (((end - start - 1) % m) + m) % m;
    for (let s = 0; s < m; s++) {
      state[so + s] = ring[k];
      if (--k < 0) k = m - 1;
    }
  }
  let lik = (end - start) * Math.log(sse);
  if (multErr) lik += 2 * (slog + Math.log(prod));
  return lik;
}
