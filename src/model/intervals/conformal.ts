/**
 * Split-conformal prediction intervals from out-of-sample fold residuals (Vovk et al. 2005),
 * normalised (Lei et al. 2018, "locally weighted" conformal): the score of a residual at
 * cutoff t and horizon h is |e| / (σ_t·g_h), with σ_t the volatility of the series just before
 * t (see `volatility`) and g_h the growth of errors with the horizon (`horizonShape`). Pooling the
 * scores of all folds and horizons gives F·H calibration points even with few folds, and the
 * normalisation keeps intervals honest across calm and turbulent periods: the half-width at
 * a new origin T is q·σ_T·g_h, q the finite-sample conformal quantile of the scores, weighted
 * towards recent folds (`weightedConformalQuantile`, RECENCY per fold) so intervals widen
 * soon after a break instead of waiting for it to dominate the pooled scores.
 */

/** Rows of recent history in the local volatility. */
export const VOL_WINDOW = 4;

/**
 * σ_t = ½·(mean |Δy| over the last VOL_WINDOW changes up to t) + ½·(mean |Δy| over all
 * changes up to t): local enough to widen after a break, anchored so one calm stretch does
 * not collapse the interval. O(t). Never 0 unless the series is constant.
 */
export function volatility(y: ArrayLike<number>, t: number): number {
  let all = 0,
    local = 0,
    nl = 0;
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

/**
 * Weighted conformal quantile (Barber, Candès, Ramdas & Tibshirani 2023, "Conformal prediction
 * beyond exchangeability"): the level-quantile of Σ w̃_i δ_{s_i} + w̃_{N+1} δ_{+∞} with weights
 * normalised over the N scores plus the test point (weight 1). Decaying weights on older scores
 * keep the coverage gap small when the error distribution drifts (after a break). When the
 * quantile is the +∞ atom, the largest score scaled by (N+1)/N is returned. O(N log N).
 */
export function weightedConformalQuantile(scores: ArrayLike<number>, weights: ArrayLike<number>, level: number): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).filter((i) => Number.isFinite(scores[i]) && weights[i] > 0);
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => scores[a] - scores[b] || a - b);
  let total = 1;
  for (const i of idx) total += weights[i];
  let acc = 0;
  for (const i of idx) {
    acc += weights[i];
    if (acc / total >= level) return scores[i];
  }
  return (scores[idx[idx.length - 1]] * (idx.length + 1)) / idx.length;
}

/** Per-fold weight decay of the calibration scores, newest fold weight 1. */
export const RECENCY = 0.9;

/** Horizon scale of the scores when too few folds estimate it: √h (random-walk growth). */
export function horizonScale(h: number): number {
  return Math.sqrt(h);
}

/** Folds needed to estimate the horizon shape from the data instead of assuming √h. */
export const SHAPE_MIN_FOLDS = 8;

function median(xs: readonly number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Growth of the errors with the horizon, g_h: with at least SHAPE_MIN_FOLDS folds the median of
 * |e_h|/σ across folds (made non-decreasing in h and relative to g_1, a robust estimate that
 * adapts to mean-reverting series whose errors stop growing), otherwise √h. O(F·H log F).
 */
export function horizonShape(residuals: readonly ArrayLike<number>[], sigma: readonly number[], horizon: number): number[] {
  const sqrt = Array.from({ length: horizon }, (_, h) => horizonScale(h + 1));
  if (residuals.length < SHAPE_MIN_FOLDS) return sqrt;
  const med = Array.from({ length: horizon }, (_, h) => median(residuals.map((r, f) => Math.abs(r[h]) / (sigma[f] > 0 ? sigma[f] : 1))));
  if (!(med[0] > 0) || med.some((m) => !Number.isFinite(m))) return sqrt;
  const g: number[] = [];
  for (let h = 0; h < horizon; h++) g.push(Math.max(h > 0 ? g[h - 1] : 1, med[h] / med[0]));
  return g;
}

/**
 * Normalised quantiles q[h−1][level] = q_level·g_h from residuals[fold][h−1] (actual −
 * forecast) and the folds' volatilities `sigma[fold]`, with g the horizon shape; multiply by
 * σ_T for half-widths. Scores |e|/(σ·g_h) of all folds and horizons are pooled. O(F·H·log(F·H)).
 */
export function conformalQuantiles(residuals: readonly ArrayLike<number>[], sigma: readonly number[], horizon: number, levels: readonly number[]): number[][] {
  const g = horizonShape(residuals, sigma, horizon);
  const scores: number[] = [];
  const weights: number[] = [];
  const F = residuals.length;
  residuals.forEach((r, f) => {
    // A fold cut where the series had not moved (σ = 0: a keyword still at zero) says nothing
    // about the scale of errors; its zero residuals would only shrink every later interval to
    // nothing, so it is left out.
    if (!(sigma[f] > 0)) return;
    for (let h = 1; h <= horizon; h++) {
      scores.push(Math.abs(r[h - 1]) / (sigma[f] * g[h - 1]));
      weights.push(RECENCY ** (F - 1 - f));
    }
  });
  const q = levels.map((l) => (scores.length > 0 ? weightedConformalQuantile(scores, weights, l) : randomWalkScore(l)));
  return Array.from({ length: horizon }, (_, h) => q.map((x) => (Number.isFinite(x) ? x * g[h] : 0)));
}

/**
 * The score quantile of a Gaussian random walk, for a history with no informative fold: its
 * steps have mean |Δy| = σ·√(2/π), so the half-width z·sd is z·√(π/2) mean absolute changes.
 */
export function randomWalkScore(level: number): number {
  return normalQuantile(0.5 + level / 2) * Math.sqrt(Math.PI / 2);
}

/** Φ⁻¹(p) by Acklam's rational approximation (relative error < 1.2e−9) on the central region, ample for interval levels. */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Half-widths [h][level] at an origin with volatility `sigma` (0 for a series that has not moved). */
export function halfWidths(quantiles: readonly (readonly number[])[], sigma: number): number[][] {
  return quantiles.map((row) => row.map((q) => q * sigma));
}
