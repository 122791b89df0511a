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

export function predictionsCsv(rows: readonly ReportPrediction[], levels: readonly number[], runDate: string): string {
  return toCsv(header('predictions', levels), rows.map((r) => [
    r.date, r.actual, r.forecast, r.bands[0]?.lower, r.bands[0]?.upper, r.horizon || null, r.kind, r.model, runDate,
    ...r.bands.slice(1).flatMap((b) => [b.lower, b.upper]),
  ]));
}

export function backtestRows(rows: readonly BacktestRow[], levels: readonly number[]): ReportBacktestRow[] {
  return rows.map((r) => ({
    cutoff: formatDate(r.cutoff), targetDate: formatDate(r.targetDate), horizon: r.horizon,
    actual: r.actual, forecast: r.forecast, naive: r.naive, model: r.model, bands: bands(levels, r.lower, r.upper),
  }));
}

export function backtestCsv(rows: readonly ReportBacktestRow[], levels: readonly number[]): string {
  return toCsv(header('backtest', levels), rows.map((r) => [
    r.cutoff, r.targetDate, r.horizon, r.actual, r.forecast, r.bands[0]?.lower, r.bands[0]?.upper, r.model, r.naive,
    ...r.bands.slice(1).flatMap((b) => [b.lower, b.upper]),
  ]));
}

/** The one weekly_score row: the winner's fold metrics with their standard deviations. */
export function weeklyScoreCsv(train: TrainResult, runDate: string, elapsedMs: number): string {
  const s = train.scores.find((c) => c.model === train.winner) ?? train.scores[0];
  const m = (k: MetricName) => s?.metrics[k]?.mean ?? NaN;
  const sd = (k: MetricName) => s?.metrics[k]?.std ?? NaN;
  const row: CsvCell[] = [
    runDate, train.winner, train.model.horizon, train.nTrain, train.nFeaturesIn, train.nFeaturesSelected,
    m('mae'), sd('mae'), m('rmse'), sd('rmse'), m('mape'), sd('mape'), m('mse'), sd('mse'),
    m('explained_variance'), sd('explained_variance'), m('median_ae'), sd('median_ae'), m('max_error'), m('r2'),
    train.rowsRemovedPct, Math.round(elapsedMs), m('smape'), m('mase'), s?.coverage ?? NaN,
    train.model.target, train.deadlineHit, train.skipped.join(';'),
  ];
  return toCsv(header('weeklyScore'), [row]);
}

export function featureRankingCsv(train: TrainResult): string {
  return toCsv(header('featureRanking'), train.featureRanking.map((f) => [f.feature, f.rank, f.coefficient, f.selected]));
}

export function removedFeaturesCsv(train: TrainResult): string {
  return toCsv(header('removedFeatures'), train.removedFeatures.map((f) => [f.feature, f.reason]));
}

/** Every candidate's fold metrics (mean and std), the table behind the dashboard's model comparison. */
export function scoresCsv(scores: readonly CandidateScore[], runDate: string): string {
  const metricNames = scores[0] ? (Object.keys(scores[0].metrics) as MetricName[]) : [];
  return toCsv(
    ['run_date', 'model', ...metricNames.flatMap((k) => [k, `${k}_std`]), 'coverage', 'mape_zeros_skipped', 'n_folds'],
    scores.map((s) => [runDate, s.model, ...metricNames.flatMap((k) => [s.metrics[k].mean, s.metrics[k].std]), s.coverage, s.mapeZerosSkipped, s.nFolds]),
  );
}
