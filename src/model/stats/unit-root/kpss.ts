/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992, J. Econometrics
 * 54:159–178) as `urca::ur.kpss(type = "mu")` computes it, with the lag rule and p-value table of
 * forecast's `ndiffs` (R/unitRoot.R).
 */

/** Critical values of the level (`mu`) test and their upper-tail probabilities (KPSS 1992, Table 1). */
const CVAL = [0.347, 0.463, 0.574, 0.739];
const PROB = [0.1, 0.05, 0.025, 0.01];

/** ndiffs' Newey–West lag for a series of length n: ⌊3√n / 13⌋. */
export function kpssLag(n: number): number {
  return Math.trunc((3 * Math.sqrt(n)) / 13);
}

/**
 * The KPSS level statistic η = n⁻²·ΣS_t² / s²(l), with e_t = y_t − ȳ, S_t = Σ_{i≤t} e_i and the
 * Bartlett-weighted long-run variance s²(l) = n⁻¹Σe_t² + 2n⁻¹Σ_{k=1}^{l}(1 − k/(l+1))Σ_t e_t e_{t−k}.
 * NaNs are dropped first (`na.omit`). O(n·l).
 */
export function kpssStatistic(y: ArrayLike<number>, lag: number = kpssLag(y.length)): number {
  const x = Array.from(y).filter((v) => !Number.isNaN(v));
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const e = Float64Array.from(x, (v) => v - mean);
  let S = 0,
    num = 0,
    s2 = 0;
  for (let t = 0; t < n; t++) {
    S += e[t];
    num += S * S;
    s2 += e[t] * e[t];
  }
  num /= n * n;
  s2 /= n;
  let lr = s2;
  for (let k = 1; k <= lag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += e[t] * e[t - k];
    lr += (2 / n) * (1 - k / (lag + 1)) * c;
  }
  return num / lr;
}

/**
 * ndiffs' p-value of a KPSS level statistic: linear interpolation in the table (0.347, 0.10),
 * (0.463, 0.05), (0.574, 0.025), (0.739, 0.01), clamped at the ends (R's `approx(rule = 2)`). O(1).
 */
export function kpssPValue(stat: number): number {
  if (stat <= CVAL[0]) return PROB[0];
  for (let i = 1; i < CVAL.length; i++) {
    if (stat <= CVAL[i]) return PROB[i - 1] + ((stat - CVAL[i - 1]) / (CVAL[i] - CVAL[i - 1])) * (PROB[i] - PROB[i - 1]);
  }
  return PROB[PROB.length - 1];
}
