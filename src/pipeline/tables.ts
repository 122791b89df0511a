import type { SchemaField } from '../io/write-table.js';

/**
 * The output tables' columns, types and descriptions: one source for the CSV headers, the
 * BigQuery schemas (explicit, never autodetected) and the README. Extra interval levels add
 * `lower_<pct>`/`upper_<pct>` columns after the fixed ones.
 */
type Col = readonly [name: string, type: SchemaField['type'], description: string];

const METRIC_COLS: readonly Col[] = [
  ['mae', 'FLOAT64', 'mean absolute error across validation folds'],
  ['mae_std', 'FLOAT64', 'standard deviation of MAE across folds'],
  ['rmse', 'FLOAT64', 'root mean squared error'],
  ['rmse_std', 'FLOAT64', 'std of RMSE across folds'],
  ['mape', 'FLOAT64', 'mean absolute percentage error (actuals of zero skipped)'],
  ['mape_std', 'FLOAT64', 'std of MAPE across folds'],
  ['mse', 'FLOAT64', 'mean squared error'],
  ['mse_std', 'FLOAT64', 'std of MSE across folds'],
  ['explained_variance', 'FLOAT64', 'explained variance score'],
  ['explained_variance_std', 'FLOAT64', 'std of explained variance across folds'],
  ['median_ae', 'FLOAT64', 'median absolute error'],
  ['median_ae_std', 'FLOAT64', 'std of median absolute error across folds'],
  ['max_error', 'FLOAT64', 'largest absolute error'],
  ['r2', 'FLOAT64', 'coefficient of determination'],
];

const TARGET: Col = ['target', 'STRING', 'forecast column'];

export const TABLES = {
  predictions: {
    key: ['target', 'run_date', 'date', 'horizon', 'kind'],
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
    ] as readonly Col[],
  },
  weeklyScore: {
    key: ['run_date'],
    columns: [
      ['run_date', 'DATE', 'week of the run (partition)'],
      ['model', 'STRING', 'the weekly winning model'],
      ['horizon', 'INT64', 'forecast horizon in periods'],
      ['n_train', 'INT64', 'training rows'],
      ['n_features_in', 'INT64', 'candidate feature columns'],
      ['n_features_selected', 'INT64', 'features the winner uses'],
      ...METRIC_COLS,
      ['rows_removed_pct', 'FLOAT64', 'percentage of training rows removed as outliers'],
      ['elapsed_ms', 'INT64', 'run time in milliseconds'],
      ['smape', 'FLOAT64', 'symmetric MAPE'],
      ['mase', 'FLOAT64', 'mean absolute scaled error against the naive forecast'],
      ['coverage', 'FLOAT64', 'empirical coverage of the first interval level on the folds'],
      ['target', 'STRING', 'forecast column'],
      ['deadline_hit', 'BOOL', 'true when the model search stopped early for the deadline'],
      ['skipped', 'STRING', 'candidates or stages skipped for lack of time, separated by ;'],
    ] as readonly Col[],
  },
  featureRanking: {
    key: ['target', 'feature'],
    columns: [
      TARGET,
      ['feature', 'STRING', 'input column or derived feature'],
      ['rank', 'INT64', '1 = most important'],
      ['coefficient', 'FLOAT64', 'standardised coefficient in the model'],
      ['selected', 'BOOL', 'used by the final model'],
    ] as readonly Col[],
  },
  removedFeatures: {
    key: ['target', 'feature'],
    columns: [
      TARGET,
      ['feature', 'STRING', 'input column'],
      ['reason', 'STRING', 'why it was removed'],
    ] as readonly Col[],
  },
  backtest: {
    key: ['target', 'cutoff', 'target_date', 'horizon'],
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
    ] as readonly Col[],
  },
} as const;

export type TableName = keyof typeof TABLES;

/** Header names of a table, plus the extra interval columns for levels after the first. */
export function header(table: TableName, levels: readonly number[] = []): string[] {
  return [...TABLES[table].columns.map((c) => c[0]), ...extraLevelColumns(table, levels).map((c) => c[0])];
}

/** BigQuery schema for a table. */
export function schema(table: TableName, levels: readonly number[] = []): SchemaField[] {
  return [...TABLES[table].columns, ...extraLevelColumns(table, levels)].map(([name, type, description]) => ({ name, type, description }));
}

function extraLevelColumns(table: TableName, levels: readonly number[]): Col[] {
  if (table !== 'predictions' && table !== 'backtest') return [];
  return levels.slice(1).flatMap((l) => {
    const pct = levelPct(l);
    const text = pct.replace('_', '.');
    return [[`lower_${pct}`, 'FLOAT64', `lower bound of the ${text} % interval`], [`upper_${pct}`, 'FLOAT64', `upper bound of the ${text} % interval`]] as Col[];
  });
}

/**
 * A level as a column-name suffix: 0.8 → "80", 0.975 → "97_5" (BigQuery column names allow
 * letters, digits and underscores only, so the decimal point becomes an underscore).
 */
export function levelPct(level: number): string {
  return String(Number((level * 100).toFixed(4))).replace('.', '_');
}

/**
 * The schema of a table this tool writes, recognised by its header (`publish` of an out-dir
 * file to bq:// then gets the same types run-all uses); undefined for any other table.
 */
export function knownSchema(headerCells: readonly string[]): SchemaField[] | undefined {
  for (const t of Object.keys(TABLES) as TableName[]) {
    const fixed = TABLES[t].columns.map((c) => c[0]);
    if (headerCells.length < fixed.length || fixed.some((c, i) => headerCells[i] !== c)) continue;
    const extra = headerCells.slice(fixed.length);
    const levels = extra.filter((c) => /^lower_\d+(_\d+)?$/.test(c)).map((c) => Number(c.slice(6).replace('_', '.')) / 100);
    const want = header(t, [0, ...levels]);
    if (want.length === headerCells.length && want.every((c, i) => c === headerCells[i])) return schema(t, [0, ...levels]);
  }
  return undefined;
}
