import type { SchemaField } from '../io/write-table.js';
import type { TableLayout } from '../io/bq-layout.js';
import { METRICS, type MetricName } from '../model/types.js';

/**
 * The output tables, each defined once: its columns in order, with their BigQuery types and
 * descriptions, and how it is written. The CSV headers, the order every row's cells are written
 * in (rows are records keyed by column name, table-csv.ts), the BigQuery schemas (explicit,
 * never autodetected), the README's "Output schemas" and docs/schemas.md (scripts/schemas-doc.ts)
 * all come from here. Extra interval levels add `lower_<pct>`/`upper_<pct>` columns after the
 * fixed ones (`levels`). In BigQuery every published table is clustered by target, and the
 * tables with a run_date are partitioned by it (`layout`), so a dashboard filter on one keyword
 * reads only its blocks.
 */
export type ColumnType = SchemaField['type'];
export type Column<N extends string = string> = readonly [name: N, type: ColumnType, description: string];

export interface TableDef<N extends string = string> {
  /** What names it in the docs: run-all's file name, or the subcommand that writes it. */
  readonly title: string;
  /** What a row is, for the docs. */
  readonly summary: string;
  readonly mode: 'overwrite' | 'append';
  readonly columns: readonly Column<N>[];
  /** True when levels after the first add `lower_<pct>`/`upper_<pct>` columns. */
  readonly levels: boolean;
  /** The columns that identify a row (an append replaces the rows with these keys). */
  readonly key: readonly N[];
  /** Set for the tables run-all publishes to BigQuery: their partitioning and clustering. */
  readonly layout?: TableLayout;
}

/** The names of a table's columns, as a type: a record of its row has exactly these keys. */
export type ColumnName<D> = D extends TableDef<infer N> ? N : never;

/**
 * A definition, overwritten and without interval columns unless it says otherwise; keeps the
 * column names' literal types (`ColumnName`).
 */
const table = <const N extends string>(d: Omit<TableDef<N>, 'mode' | 'levels'> & Partial<TableDef<N>>): TableDef<N> => ({
  mode: 'overwrite',
  levels: false,
  ...d,
});

const METRIC_TEXT: Readonly<Record<MetricName, readonly [name: string, description: string]>> = {
  mae: ['MAE', 'mean absolute error across validation folds'],
  rmse: ['RMSE', 'root mean squared error'],
  mape: ['MAPE', 'mean absolute percentage error (actuals of zero skipped)'],
  smape: ['sMAPE', 'symmetric MAPE'],
  mase: ['MASE', 'mean absolute scaled error against the naive forecast'],
  mse: ['MSE', 'mean squared error'],
  explained_variance: ['explained variance', 'explained variance score'],
  r2: ['R²', 'coefficient of determination'],
  max_error: ['the largest error', 'largest absolute error'],
  median_ae: ['median absolute error', 'median absolute error'],
};
const metric = <M extends MetricName>(m: M): Column<M> => [m, 'FLOAT64', METRIC_TEXT[m][1]];
const std = <M extends MetricName>(m: M, description = `std of ${METRIC_TEXT[m][0]} across folds`): Column<`${M}_std`> => [`${m}_std`, 'FLOAT64', description];

const TARGET = ['target', 'STRING', 'forecast column'] as const;
const COVERAGE = ['coverage', 'FLOAT64', 'empirical coverage of the first interval level on the folds'] as const;
const BY_TARGET: TableLayout = { clusterBy: ['target'] };
const BY_RUN_DATE: TableLayout = { partitionBy: 'run_date', clusterBy: ['target'] };

const PREDICTIONS = table({
  title: 'predictions.csv',
  summary: "each target's history (actuals, the winner's fold forecasts), then its forecasts",
  levels: true,
  key: ['target', 'run_date', 'date', 'horizon', 'kind'],
  layout: BY_RUN_DATE,
  columns: [
    TARGET,
    ['date', 'DATE', 'target period (period end for weekly data)'],
    ['actual', 'FLOAT64', 'observed value of the target, empty for future periods'],
    ['forecast', 'FLOAT64', 'point forecast (history rows: out-of-sample fold forecast)'],
    ['lower', 'FLOAT64', 'lower bound of the first (default 80 %) prediction interval'],
    ['upper', 'FLOAT64', 'upper bound of the first (default 80 %) prediction interval'],
    ['horizon', 'INT64', 'periods ahead of the forecast origin'],
    ['kind', 'STRING', 'history or forecast'],
    ['model', 'STRING', 'model that produced the forecast'],
    ['run_date', 'DATE', 'week of the run that wrote the row'],
  ],
});

/** Some of a table's columns, in the order named. */
const pick = <N extends string, K extends N>(d: TableDef<N>, names: readonly K[]): Column<K>[] =>
  names.map((n) => d.columns.find((c) => c[0] === n) as Column<K>);

export const TABLES = {
  predictions: PREDICTIONS,
  weeklyScore: table({
    title: 'weekly_score.csv',
    summary: 'one row per target and run: the winner, its fold metrics (`_std`: their spread), what the deadline left out',
    mode: 'append',
    key: ['run_date'],
    layout: BY_RUN_DATE,
    columns: [
      ['run_date', 'DATE', 'week of the run (partition)'],
      ['model', 'STRING', 'the weekly winning model'],
      ['horizon', 'INT64', 'forecast horizon in periods'],
      ['n_train', 'INT64', 'training rows'],
      ['n_features_in', 'INT64', 'candidate feature columns'],
      ['n_features_selected', 'INT64', 'features the winner uses'],
      metric('mae'),
      std('mae', 'standard deviation of MAE across folds'),
      metric('rmse'),
      std('rmse'),
      metric('mape'),
      std('mape'),
      metric('mse'),
      std('mse'),
      metric('explained_variance'),
      std('explained_variance'),
      metric('median_ae'),
      std('median_ae'),
      metric('max_error'),
      metric('r2'),
      ['rows_removed_pct', 'FLOAT64', 'percentage of training rows removed as outliers'],
      ['elapsed_ms', 'INT64', 'run time in milliseconds'],
      metric('smape'),
      metric('mase'),
      COVERAGE,
      TARGET,
      ['deadline_hit', 'BOOL', 'true when the model search stopped early for the deadline'],
      ['skipped', 'STRING', 'candidates or stages skipped for lack of time, separated by ;'],
    ],
  }),
  featureRanking: table({
    title: 'feature_ranking.csv',
    summary: "each target's candidate features (derived: `column.diff1`, `fourier.sin1`, …)",
    key: ['target', 'feature'],
    layout: BY_TARGET,
    columns: [
      TARGET,
      ['feature', 'STRING', 'input column or derived feature'],
      ['rank', 'INT64', '1 = most important'],
      ['coefficient', 'FLOAT64', 'standardised coefficient in the model'],
      ['selected', 'BOOL', 'used by the final model'],
    ],
  }),
  removedFeatures: table({
    title: 'removed_features.csv',
    summary: 'input columns left out before training, and why',
    key: ['target', 'feature'],
    layout: BY_TARGET,
    columns: [TARGET, ['feature', 'STRING', 'input column'], ['reason', 'STRING', 'why it was removed']],
  }),
  backtest: table({
    title: 'backtest.csv',
    summary: "each target's rolling-origin forecasts beside the naive one",
    levels: true,
    key: ['target', 'cutoff', 'target_date', 'horizon'],
    layout: BY_TARGET,
    columns: [
      TARGET,
      ['cutoff', 'DATE', 'last period the model was trained on'],
      ['target_date', 'DATE', 'period forecast'],
      ['horizon', 'INT64', 'periods ahead'],
      ['actual', 'FLOAT64', 'observed value'],
      ['forecast', 'FLOAT64', 'point forecast'],
      ['lower', 'FLOAT64', 'lower bound of the first interval level'],
      ['upper', 'FLOAT64', 'upper bound of the first interval level'],
      ['model', 'STRING', 'model used at that cutoff'],
      ['naive', 'FLOAT64', 'naive (last value) forecast for comparison'],
    ],
  }),
  scores: table({
    title: 'scores.csv',
    summary: "every candidate's fold metrics per target (as `train --metrics-to`)",
    key: ['target', 'model'],
    columns: [
      TARGET,
      ['run_date', 'DATE', 'week of the run (from train: the last training period)'],
      ['model', 'STRING', 'candidate model'],
      ...METRICS.flatMap((m) => [metric(m), std(m)]),
      COVERAGE,
      ['mape_zeros_skipped', 'INT64', 'validation actuals of zero that MAPE skipped'],
      ['n_folds', 'INT64', 'validation folds with a finite forecast'],
    ],
  }),
  forecasts: table({
    title: 'predict --to',
    summary: "the periods after the table's last row, for each model's target: the forecast rows of predictions.csv, without an actual or a run",
    levels: true,
    key: ['target', 'date', 'horizon'],
    columns: pick(PREDICTIONS, ['target', 'date', 'forecast', 'lower', 'upper', 'horizon', 'kind', 'model']),
  }),
} as const;

export type TableName = keyof typeof TABLES;
