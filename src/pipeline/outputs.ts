import { formatDate } from '../frame/dates.js';
import { column, type Frame } from '../frame/frame.js';
import { METRICS, type BacktestRow, type ForecastRow, type TrainResult, type MetricName, type CandidateScore, type ModelFile } from '../model/types.js';
import type { ReportBacktestRow, ReportPrediction } from '../report/types.js';
import { intervalCells, tableCsv } from './table-csv.js';
import { TABLES } from './tables.js';

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
      date: formatDate(frame.dates[i]),
      actual: num(actual[i]),
      forecast: f ? num(f.forecast) : null,
      bands: f ? bands(levels, f.lower, f.upper) : levels.map((level) => ({ level, lower: null, upper: null })),
      horizon: f ? h : 0,
      kind: 'history',
      model: f ? f.model : '',
    });
  }
  for (const f of forecasts) {
    rows.push({
      date: formatDate(f.date),
      actual: null,
      forecast: num(f.forecast),
      bands: bands(levels, f.lower, f.upper),
      horizon: f.horizon,
      kind: 'forecast',
      model: train.winner,
    });
  }
  return rows;
}

/** One target's rows of a long table: every table keyed by target is built from these, in target order. */
export interface TargetRows<T> {
  readonly target: string;
  readonly rows: readonly T[];
}

/** Every part's rows as records, each led by its target. */
function* recordsOf<T, R>(parts: readonly TargetRows<T>[], record: (r: T, target: string) => R): Generator<R> {
  for (const p of parts) for (const r of p.rows) yield record(r, p.target);
}

/** predictions.csv: every target's history and forecast rows. */
export function predictionsCsv(parts: readonly TargetRows<ReportPrediction>[], levels: readonly number[], runDate: string): string {
  return tableCsv(
    TABLES.predictions,
    recordsOf(parts, (r, target) => ({
      target,
      date: r.date,
      actual: r.actual,
      forecast: r.forecast,
      ...intervalCells(r.bands),
      horizon: r.horizon || null,
      kind: r.kind,
      model: r.model,
      run_date: runDate,
    })),
    levels,
  );
}

/** A model's forecasts after the table's last row. */
export interface ModelForecasts {
  readonly model: ModelFile;
  readonly rows: readonly ForecastRow[];
}

/** `predict`'s table: each model's forecasts, in model order. */
export function forecastsCsv(parts: readonly ModelForecasts[]): string {
  const records = parts.flatMap(({ model, rows }) =>
    rows.map((r) => ({
      target: model.target,
      date: formatDate(r.date),
      forecast: r.forecast,
      ...intervalCells(bands(model.levels, r.lower, r.upper)),
      horizon: r.horizon,
      kind: 'forecast',
      model: model.winner,
    })),
  );
  return tableCsv(TABLES.forecasts, records, parts[0]?.model.levels);
}

export function backtestRows(rows: readonly BacktestRow[], levels: readonly number[]): ReportBacktestRow[] {
  return rows.map((r) => ({
    cutoff: formatDate(r.cutoff),
    targetDate: formatDate(r.targetDate),
    horizon: r.horizon,
    actual: r.actual,
    forecast: r.forecast,
    naive: r.naive,
    model: r.model,
    bands: bands(levels, r.lower, r.upper),
  }));
}

export function backtestCsv(parts: readonly TargetRows<ReportBacktestRow>[], levels: readonly number[]): string {
  return tableCsv(
    TABLES.backtest,
    recordsOf(parts, (r, target) => ({
      target,
      cutoff: r.cutoff,
      target_date: r.targetDate,
      horizon: r.horizon,
      actual: r.actual,
      forecast: r.forecast,
      ...intervalCells(r.bands),
      model: r.model,
      naive: r.naive,
    })),
    levels,
  );
}

/** The mean across folds of each metric, and its standard deviation as `<metric>_std`. */
const metricCells = <M extends MetricName>(score: CandidateScore | undefined, names: readonly M[]) =>
  Object.fromEntries(
    names.flatMap((m) => [
      [m, score?.metrics[m]?.mean ?? NaN],
      [`${m}_std`, score?.metrics[m]?.std ?? NaN],
    ]),
  ) as Record<M | `${M}_std`, number>;

/** weekly_score: one row per target, its winner's fold metrics with their standard deviations. */
export function weeklyScoreCsv(results: readonly TrainResult[], runDate: string, elapsedMs: number): string {
  return tableCsv(
    TABLES.weeklyScore,
    results.map((train) => {
      const s = train.scores.find((c) => c.model === train.winner) ?? train.scores[0];
      const mean = (m: MetricName) => s?.metrics[m]?.mean ?? NaN;
      return {
        run_date: runDate,
        model: train.winner,
        horizon: train.model.horizon,
        n_train: train.nTrain,
        n_features_in: train.nFeaturesIn,
        n_features_selected: train.nFeaturesSelected,
        ...metricCells(s, ['mae', 'rmse', 'mape', 'mse', 'explained_variance', 'median_ae']),
        max_error: mean('max_error'),
        r2: mean('r2'),
        smape: mean('smape'),
        mase: mean('mase'),
        rows_removed_pct: train.rowsRemovedPct,
        elapsed_ms: Math.round(elapsedMs),
        coverage: s?.coverage ?? NaN,
        target: train.model.target,
        deadline_hit: train.deadlineHit,
        skipped: train.skipped.join(';'),
      };
    }),
  );
}

const byTarget = <T>(results: readonly TrainResult[], rows: (t: TrainResult) => readonly T[]): TargetRows<T>[] =>
  results.map((t) => ({ target: t.model.target, rows: rows(t) }));

export function featureRankingCsv(results: readonly TrainResult[]): string {
  return tableCsv(
    TABLES.featureRanking,
    recordsOf(
      byTarget(results, (t) => t.featureRanking),
      (f, target) => ({
        target,
        feature: f.feature,
        rank: f.rank,
        coefficient: f.coefficient,
        selected: f.selected,
      }),
    ),
  );
}

export function removedFeaturesCsv(results: readonly TrainResult[]): string {
  return tableCsv(
    TABLES.removedFeatures,
    recordsOf(
      byTarget(results, (t) => t.removedFeatures),
      (f, target) => ({ target, feature: f.feature, reason: f.reason }),
    ),
  );
}

/**
 * Every candidate's fold metrics (mean and std) per target, the table behind the dashboard's
 * model comparison; `run_date` is the run's (or, from `train`, the target's last training period).
 */
export function scoresCsv(parts: readonly (TargetRows<CandidateScore> & { readonly runDate: string })[]): string {
  return tableCsv(
    TABLES.scores,
    parts.flatMap((p) =>
      p.rows.map((s) => ({
        target: p.target,
        run_date: p.runDate,
        model: s.model,
        ...metricCells(s, METRICS),
        coverage: s.coverage,
        mape_zeros_skipped: s.mapeZerosSkipped,
        n_folds: s.nFolds,
      })),
    ),
  );
}
