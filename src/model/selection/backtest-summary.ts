/**
 * Summary of backtest rows: each metric over all rows (NaN actuals skipped), its std across
 * cutoffs, interval coverage per level and the naive MAE. O(rows·log rows).
 */
import type { BacktestResult, BacktestRow, MetricName, MetricSummary } from '../types.js';
import { METRICS } from '../types.js';
import { meanStd, pointMetrics } from './metrics.js';

export function backtestSummary(rows: readonly BacktestRow[], levels: readonly number[]): BacktestResult {
  const ok = rows.filter((r) => Number.isFinite(r.actual));
  const scale = naiveRowScale(ok);
  const all = pointMetrics(
    ok.map((r) => r.actual),
    ok.map((r) => r.forecast),
    scale,
  ).values;
  const cutoffs = [...new Set(ok.map((r) => r.cutoff))].sort((a, b) => a - b);
  const per = cutoffs.map((c) => {
    const rs = ok.filter((r) => r.cutoff === c);
    return pointMetrics(
      rs.map((r) => r.actual),
      rs.map((r) => r.forecast),
      scale,
    ).values;
  });
  const metrics = {} as Record<MetricName, MetricSummary>;
  for (const m of METRICS) metrics[m] = { mean: all[m], std: meanStd(per.map((v) => v[m])).std };
  const coverage = levels.map((_, l) => ok.filter((r) => r.lower[l] <= r.actual && r.actual <= r.upper[l]).length / Math.max(1, ok.length));
  const naiveMae = ok.reduce((s, r) => s + Math.abs(r.actual - r.naive), 0) / Math.max(1, ok.length);
  return { rows, metrics, coverage, naiveMae };
}

/** MASE scale for backtests: mean |actual − naive| of the one-step rows (the naive's own MAE at h = 1). */
function naiveRowScale(rows: readonly BacktestRow[]): number {
  const one = rows.filter((r) => r.horizon === 1);
  return one.length > 0 ? one.reduce((s, r) => s + Math.abs(r.actual - r.naive), 0) / one.length : NaN;
}
