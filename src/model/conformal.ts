/**
 * Split-conformal prediction intervals from out-of-sample fold residuals (Vovk et al. 2005),
 * normalised (Lei et al. 2018, "locally weighted" conformal): the score of a residual at
 * cutoff t and horizon h is |e| / (σ_t·√h), with σ_t the volatility of the series just before
 * t (see `volatility`) and √h the random-walk growth of errors with the horizon. Pooling the
 * scores of all folds and horizons gives F·H calibration points even with few folds, and the
 * normalisation keeps intervals honest across calm and turbulent periods: the half-width at
 * a new origin T is q·σ_T·√h, q the finite-sample conformal quantile of the scores.
 */

/** Rows of recent history in the local volatility. */
export const VOL_WINDOW = 4;

/**
 * σ_t = ½·(mean |Δy| over the last VOL_WINDOW changes up to t) + ½·(mean |Δy| over all
 * changes up to t): local enough to widen after a break, anchored so one calm stretch does
 * not collapse the interval. O(t). Never 0 unless the series is constant.
 */
export function volatility(y: ArrayLike<number>, t: number): number {
  let all = 0, local = 0, nl = 0;
  for (let i = 1; i <= t; i++) {
    const d = Math.abs(y[i] - y[i - 1]);
    all += d;
    if (i > t - VOL_WINDOW) {
      local += d;
      nl++;
    }
  }
  if (t < 1) return 0;
  return 0.5 * (local / nl) + 0.5 * (all / t);
}

/**
 * The ⌈(N+1)·level⌉-th smallest of N scores (the finite-sample conformal quantile). When that
 * rank exceeds N there are too few scores for the level; the largest is returned scaled by
 * (N+1)/N rather than an infinite width. O(N log N).
 */
export function conformalQuantile(scores: ArrayLike<number>, level: number): number {
  const s = Float64Array.from(scores).filter(Number.isFinite).sort();
  const n = s.length;
  if (n === 0) return NaN;
  const k = Math.ceil((n + 1) * level);
  return k <= n ? s[Math.max(0, k - 1)] : (s[n - 1] * (n + 1)) / n;
}

/** Horizon scale of the scores: √h. */
export function horizonScale(h: number): number {
  return Math.sqrt(h);
}

/**
 * Normalised quantiles q[h−1][level] = q_level·√h from residuals[fold][h−1] (actual −
 * forecast) and the folds' volatilities `sigma[fold]`; multiply by σ_T for half-widths.
 * O(F·H·log(F·H)).
 */
export function conformalQuantiles(residuals: readonly ArrayLike<number>[], sigma: readonly number[], horizon: number, levels: readonly number[]): number[][] {
  const scores: number[] = [];
  residuals.forEach((r, f) => {
    const s = sigma[f] > 0 ? sigma[f] : 1;
    for (let h = 1; h <= horizon; h++) scores.push(Math.abs(r[h - 1]) / (s * horizonScale(h)));
  });
  const q = levels.map((l) => conformalQuantile(scores, l));
  return Array.from({ length: horizon }, (_, h) => q.map((x) => (Number.isFinite(x) ? x * horizonScale(h + 1) : 0)));
}

/** Half-widths [h][level] at an origin with volatility `sigma`. */
export function halfWidths(quantiles: readonly (readonly number[])[], sigma: number): number[][] {
  const s = sigma > 0 ? sigma : 1;
  return quantiles.map((row) => row.map((q) => q * s));
}

/** Share of fold points inside forecast ± q·σ_fold at one level index. */
export function coverage(residuals: readonly ArrayLike<number>[], sigma: readonly number[], quantiles: readonly (readonly number[])[], levelIdx: number): number {
  let hit = 0, n = 0;
  residuals.forEach((r, f) => {
    const w = halfWidths(quantiles, sigma[f]);
    for (let h = 0; h < w.length; h++) {
      if (!Number.isFinite(r[h])) continue;
      n++;
      if (Math.abs(r[h]) <= w[h][levelIdx]) hit++;
    }
  });
  return n > 0 ? hit / n : NaN;
}
