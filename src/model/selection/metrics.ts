/**
 * Point-forecast error metrics (scikit-learn / Hyndman & Koehler 2006 definitions) and their
 * summary across folds. Every function is O(n) except median_ae (O(n log n)).
 */
import { METRICS, type MetricName, type MetricSummary } from '../types.js';

export type MetricValues = Record<MetricName, number>;

export interface PointMetrics {
  readonly values: MetricValues;
  /** Points skipped by MAPE because the actual was zero. */
  readonly zerosSkipped: number;
}

/**
 * Metrics of forecasts `f` against actuals `a` (same length n ≥ 1):
 * MAE = Σ|e|/n, MSE = Σe²/n, RMSE = √MSE, MAPE = 100·mean(|e|/|a|) over a ≠ 0,
 * sMAPE = 100·mean(2|e|/(|a|+|f|)) (0 when both are 0), MASE = MAE / `scale` (the in-sample
 * MAE of the one-step naive forecast), R² = 1 − SSE/SST, explained variance = 1 − Var(e)/Var(a),
 * max error = max|e|, median AE = median|e|. Undefined values (SST = 0, scale = 0) are NaN.
 */
export function pointMetrics(a: ArrayLike<number>, f: ArrayLike<number>, scale: number): PointMetrics {
  const n = a.length;
  let sae = 0,
    sse = 0,
    sape = 0,
    nape = 0,
    ssape = 0,
    maxe = 0,
    sa = 0,
    se = 0;
  const abs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = a[i] - f[i];
    const ae = Math.abs(e);
    abs[i] = ae;
    sae += ae;
    sse += e * e;
    if (a[i] !== 0) {
      sape += ae / Math.abs(a[i]);
      nape++;
    }
    const den = Math.abs(a[i]) + Math.abs(f[i]);
    ssape += den === 0 ? 0 : (2 * ae) / den;
    if (ae > maxe) maxe = ae;
    sa += a[i];
    se += e;
  }
  const ma = sa / n,
    me = se / n;
  let sst = 0,
    sve = 0;
  for (let i = 0; i < n; i++) {
    sst += (a[i] - ma) ** 2;
    sve += (a[i] - f[i] - me) ** 2;
  }
  abs.sort();
  const med = n % 2 === 1 ? abs[(n - 1) >> 1] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
  const mae = sae / n;
  const values: MetricValues = {
    mae,
    rmse: Math.sqrt(sse / n),
    mape: nape > 0 ? (100 * sape) / nape : NaN,
    smape: (100 * ssape) / n,
    mase: scale > 0 ? mae / scale : NaN,
    mse: sse / n,
    explained_variance: sst > 0 ? 1 - sve / sst : NaN,
    r2: sst > 0 ? 1 - sse / sst : NaN,
    max_error: maxe,
    median_ae: med,
  };
  return { values, zerosSkipped: n - nape };
}

/** Mean and sample standard deviation (n−1; 0 for one value) of the finite values; NaN if none. */
export function meanStd(xs: ArrayLike<number>): MetricSummary {
  let s = 0,
    k = 0;
  for (let i = 0; i < xs.length; i++)
    if (Number.isFinite(xs[i])) {
      s += xs[i];
      k++;
    }
  if (k === 0) return { mean: NaN, std: NaN };
  const m = s / k;
  let v = 0;
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) v += (xs[i] - m) ** 2;
  return { mean: m, std: k > 1 ? Math.sqrt(v / (k - 1)) : 0 };
}

/** Per metric, mean and std across folds of per-fold metric values. O(folds). */
export function summarize(perFold: readonly MetricValues[]): Record<MetricName, MetricSummary> {
  const out = {} as Record<MetricName, MetricSummary>;
  for (const m of METRICS) out[m] = meanStd(perFold.map((v) => v[m]));
  return out;
}

/** Loss to minimise for a metric: the value itself, negated for the "higher is better" ones. */
export function lossOf(metric: MetricName, value: number): number {
  const v = metric === 'r2' || metric === 'explained_variance' ? -value : value;
  return Number.isFinite(v) ? v : Infinity;
}

/** MASE scale: mean |y_i − y_{i−1}| over rows 1..end−1 (the in-sample one-step naive MAE). O(n). */
export function naiveScale(y: Float64Array, end: number): number {
  let s = 0;
  for (let i = 1; i < end; i++) s += Math.abs(y[i] - y[i - 1]);
  return end > 1 ? s / (end - 1) : NaN;
}
