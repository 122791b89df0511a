import { formatDate } from '../frame/dates.js';
import { column, type Frame } from '../frame/frame.js';
import { toCsv, type CsvCell } from '../io/csv-write.js';
import type { BacktestRow, ForecastRow, TrainResult, MetricName, CandidateScore } from '../model/types.js';
import type { ReportBacktestRow, ReportPrediction } from '../report/types.js';
import { header } from './tables.js';

const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
const bands = (levels: readonly number[], lower: readonly number[], upper: readonly number[]) =>
  levels.map((level, i) => ({ level, lower: num(lower[i]), upper: num(upper[i]) }));

/**
 * predictions.csv rows: every period of the target's history (its actual, and the winner's
 * out-of-sample fold forecast at the full horizon where one exists), then the h future periods.
 */
export function predictionRows(frame: Frame, train: TrainResult, forecasts: readonly ForecastRow[], levels: readonly number[]): ReportPrediction[] {
  const actual = column(frame, train.model.target)!;
  const h = train.model.horizon;
  const byDate = new Map<number, BacktestRow>();
  for (const r of train.history) if (r.horizon === h) byDate.set(r.targetDate, r);
  const rows: ReportPrediction[] = [];
  for (let i = 0; i < frame.dates.length; i++) {
    const f = byDate.get(frame.dates[i]);
    rows.push({
      date: formatDate(frame.dates[i]), actual: num(actual[i]), forecast: f ? num(f.forecast) : null,
      bands: f ? bands(levels, f.lower, f.upper) : levels.map((level) => ({ level, lower: null, upper: null })),
      horizon: f ? h : 0, kind: 'history', model: f ? f.model : '',
    });
  }
  for (const f of forecasts) {
    rows.push({
      date: formatDate(f.date), actual: null, forecast: num(f.forecast), bands: bands(levels, f.lower, f.upper),
      horizon: f.horizon, kind: 'forecast', model: train.winner,
    });
  }
  return rows;
}

/** One target's rows of a long table: every table keyed by target is built from these, in target order. */
export interface TargetRows<T> {
  readonly target: string;
  readonly rows: readonly T[];
}

/** predictions.csv: every target's history and forecast rows, the target first on each row. */
export function predictionsCsv(parts: readonly TargetRows<ReportPrediction>[], levels: readonly number[], runDate: string): string {
  return toCsv(header('predictions', levels), rowsOf(parts, (r) => [
    r.date, r.actual, r.forecast, r.bands[0]?.lower, r.bands[0]?.upper, r.horizon || null, r.kind, r.model, runDate,
    ...r.bands.slice(1).flatMap((b) => [b.lower, b.upper]),
  ]));
}

/** The cells of every part's rows, each row led by its target. */
function* rowsOf<T>(parts: readonly TargetRows<T>[], cells: (r: T) => CsvCell[]): Generator<CsvCell[]> {
  for (const p of parts) for (const r of p.rows) yield [p.target, ...cells(r)];
}

export function backtestRows(rows: readonly BacktestRow[], levels: readonly number[]): ReportBacktestRow[] {
  return rows.map((r) => ({
    cutoff: formatDate(r.cutoff), targetDate: formatDate(r.targetDate), horizon: r.horizon,
    actual: r.actual, forecast: r.forecast, naive: r.naive, model: r.model, bands: bands(levels, r.lower, r.upper),
  }));
}

export function backtestCsv(parts: readonly TargetRows<ReportBacktestRow>[], levels: readonly number[]): string {
  return toCsv(header('backtest', levels), rowsOf(parts, (r) => [
    r.cutoff, r.targetDate, r.horizon, r.actual, r.forecast, r.bands[0]?.lower, r.bands[0]?.upper, r.model, r.naive,
    ...r.bands.slice(1).flatMap((b) => [b.lower, b.upper]),
  ]));
}

/** weekly_score: one row per target, its winner's fold metrics with their standard deviations. */
export function weeklyScoreCsv(results: readonly TrainResult[], runDate: string, elapsedMs: number): string {
  return toCsv(header('weeklyScore'), results.map((train) => {
    const s = train.scores.find((c) => c.model === train.winner) ?? train.scores[0];
    const m = (k: MetricName) => s?.metrics[k]?.mean ?? NaN;
    const sd = (k: MetricName) => s?.metrics[k]?.std ?? NaN;
    return [
      runDate, train.winner, train.model.horizon, train.nTrain, train.nFeaturesIn, train.nFeaturesSelected,
      m('mae'), sd('mae'), m('rmse'), sd('rmse'), m('mape'), sd('mape'), m('mse'), sd('mse'),
      m('explained_variance'), sd('explained_variance'), m('median_ae'), sd('median_ae'), m('max_error'), m('r2'),
      train.rowsRemovedPct, Math.round(elapsedMs), m('smape'), m('mase'), s?.coverage ?? NaN,
      train.model.target, train.deadlineHit, train.skipped.join(';'),
    ];
  }));
}

const byTarget = <T>(results: readonly TrainResult[], rows: (t: TrainResult) => readonly T[]): TargetRows<T>[] =>
  results.map((t) => ({ target: t.model.target, rows: rows(t) }));

export function featureRankingCsv(results: readonly TrainResult[]): string {
  return toCsv(header('featureRanking'), rowsOf(byTarget(results, (t) => t.featureRanking), (f) => [f.feature, f.rank, f.coefficient, f.selected]));
}

export function removedFeaturesCsv(results: readonly TrainResult[]): string {
  return toCsv(header('removedFeatures'), rowsOf(byTarget(results, (t) => t.removedFeatures), (f) => [f.feature, f.reason]));
}

/**
 * Every candidate's fold metrics (mean and std) per target, the table behind the dashboard's
 * model comparison; `run_date` is the run's (or, from `train`, the target's last training period).
 */
export function scoresCsv(parts: readonly (TargetRows<CandidateScore> & { readonly runDate: string })[]): string {
  const first = parts.find((p) => p.rows.length > 0)?.rows[0];
  const metricNames = first ? (Object.keys(first.metrics) as MetricName[]) : [];
  return toCsv(
    ['target', 'run_date', 'model', ...metricNames.flatMap((k) => [k, `${k}_std`]), 'coverage', 'mape_zeros_skipped', 'n_folds'],
    parts.flatMap((p) => p.rows.map((s) => [p.target, p.runDate, s.model, ...metricNames.flatMap((k) => [s.metrics[k].mean, s.metrics[k].std]), s.coverage, s.mapeZerosSkipped, s.nFolds])),
  );
}
