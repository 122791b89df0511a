import type { Logger } from 'pino';
import type { Frame } from '../frame/frame.js';
import { frameToCsv } from '../io/frame-csv.js';
import type { SchemaField } from '../io/write-table.js';
import type { ForecastRow, TrainResult } from '../model/types.js';
import type { ReportInput } from '../report/types.js';
import type { PipelineConfig, PublishTargets } from './config.js';
import type { Deadline } from './deadline.js';
import type { MergeResult } from './merge.js';
import {
  backtestCsv, backtestRows, featureRankingCsv, predictionRows, predictionsCsv, removedFeaturesCsv, scoresCsv, weeklyScoreCsv,
} from './outputs.js';
import { schema, TABLES, type TableName } from './tables.js';

/** One file of a run's output, built in memory before anything is written. */
export interface OutputFile {
  readonly name: string;
  readonly data: string | Uint8Array;
  readonly contentType: string;
  /** Set for tables: how they are written and published. */
  readonly table?: {
    readonly mode: 'overwrite' | 'append';
    readonly key: readonly string[];
    readonly schema: SchemaField[];
  };
  readonly publishAs?: keyof PublishTargets;
}

export interface BuildInput {
  readonly config: PipelineConfig;
  readonly frame: Frame;
  readonly merged: MergeResult;
  readonly trained: TrainResult;
  readonly forecasts: readonly ForecastRow[];
  readonly runDate: string;
  readonly deadline: Deadline;
  readonly withReport: boolean;
  readonly logger: Logger;
}

function table(name: string, data: string, t: TableName, levels: readonly number[], mode: 'overwrite' | 'append' = 'overwrite'): OutputFile {
  const fields = schema(t, levels);
  return {
    name, data, contentType: 'text/csv', publishAs: t,
    table: { mode, key: TABLES[t].key, schema: fields },
  };
}

/** Every output of run-all: the tables, the model, the report data, and (time allowing) the report. */
export async function buildOutputs(b: BuildInput): Promise<OutputFile[]> {
  const { config, trained, runDate, deadline } = b;
  const levels = config.levels;
  const predictions = predictionRows(b.frame, trained, b.forecasts, levels);
  const backtest = backtestRows(trained.history, levels);
  const files: OutputFile[] = [
    table('predictions.csv', predictionsCsv(predictions, levels, runDate), 'predictions', levels),
    table('weekly_score.csv', weeklyScoreCsv(trained, runDate, deadline.elapsedMs()), 'weeklyScore', levels, 'append'),
    table('feature_ranking.csv', featureRankingCsv(trained), 'featureRanking', levels),
    table('removed_features.csv', removedFeaturesCsv(trained), 'removedFeatures', levels),
    table('backtest.csv', backtestCsv(backtest, levels), 'backtest', levels),
    { name: 'scores.csv', data: scoresCsv(trained.scores, runDate), contentType: 'text/csv' },
    { name: 'merged.csv', data: frameToCsv(b.frame), contentType: 'text/csv' },
    { name: 'model.json', data: JSON.stringify(trained.model, null, 2) + '\n', contentType: 'application/json' },
  ];
  const { outlierProjection } = await import('../report/outlier-projection.js');
  const reportInput: ReportInput = {
    runDate, target: config.target, horizon: config.horizon, freq: config.freq, levels, metric: config.metric,
    winner: trained.winner, deadlineHit: trained.deadlineHit, skipped: [...trained.skipped],
    elapsedMs: deadline.elapsedMs(), stageTimings: deadline.timings(),
    inputs: b.merged.inputs.map((i) => ({ uri: i.uri, rows: i.rows })),
    predictions, scores: trained.scores, backtest, selectionCurve: trained.selectionCurve,
    featureRanking: trained.featureRanking, removedFeatures: trained.removedFeatures,
    outliers: outlierProjection(b.frame, config.target, trained.removedRows),
    problems: b.merged.problems,
  };
  files.push({ name: 'report-data.json', data: JSON.stringify(reportInput, null, 1) + '\n', contentType: 'application/json' });
  if (b.withReport) {
    const { buildReport } = await import('../report/build-report.js');
    const report = await buildReport(reportInput);
    files.push({ name: 'report.html', data: report.html, contentType: 'text/html' });
    for (const p of report.pngs) files.push({ name: p.name, data: p.bytes, contentType: 'image/png' });
  } else if (config.report) {
    b.logger.warn({ stage: 'report' }, 'report skipped: not enough time left before the deadline');
  }
  return files;
}
