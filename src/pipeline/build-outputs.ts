import type { Logger } from 'pino';
import type { Frame } from '../frame/frame.js';
import { frameToCsv } from '../io/frame-csv.js';
import type { SchemaField } from '../io/write-table.js';
import type { TableLayout } from '../io/bq-layout.js';
import { modelFileOf } from '../model/model-set.js';
import type { ReportInput, ReportPrediction, TargetsReportInput } from '../report/types.js';
import type { PipelineConfig, PublishTargets } from './config.js';
import type { Deadline } from './deadline.js';
import type { MergeResult } from './merge.js';
import { backtestCsv, backtestRows, featureRankingCsv, predictionRows, predictionsCsv, removedFeaturesCsv, scoresCsv, weeklyScoreCsv } from './outputs.js';
import { schema } from './table-schema.js';
import { TABLES } from './tables.js';
import { targetPanels, targetSummary } from './targets-report-data.js';
import type { TargetResult } from './train-targets.js';

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
    /** BigQuery: partitioned by run_date where the table has one, clustered by target. */
    readonly layout?: TableLayout;
  };
  readonly publishAs?: keyof PublishTargets;
}

export interface BuildInput {
  readonly config: PipelineConfig;
  readonly frame: Frame;
  readonly merged: MergeResult;
  /** Every target's result, in target order. */
  readonly results: readonly TargetResult[];
  /** Targets left out, with why (runs with several targets only). */
  readonly excluded: readonly { readonly target: string; readonly reason: string }[];
  readonly runDate: string;
  readonly deadline: Deadline;
  /** The run's time in weekly_score's elapsed_ms; the deadline's elapsed time when undefined. */
  readonly elapsedMs?: number;
  readonly withReport: boolean;
  readonly logger: Logger;
}

/** A table run-all publishes, written and published as its definition says. */
function table(name: string, data: string, t: keyof PublishTargets, levels: readonly number[]): OutputFile {
  const { mode, key, layout } = TABLES[t];
  return { name, data, contentType: 'text/csv', publishAs: t, table: { mode, key, schema: schema(TABLES[t], levels), layout } };
}

/**
 * Every output of run-all: the tables (long, keyed by target, in target order), the model file,
 * the report data and (time allowing) the report.
 */
export async function buildOutputs(b: BuildInput): Promise<OutputFile[]> {
  const { config, results, runDate, deadline } = b;
  const levels = config.levels;
  const trained = results.map((r) => r.trained);
  const predictions = new Map(results.map((r) => [r.target, predictionRows(b.frame, r.trained, r.forecasts, levels)]));
  const part = <T>(rows: (r: TargetResult) => readonly T[]) => results.map((r) => ({ target: r.target, rows: rows(r) }));
  const files: OutputFile[] = [
    table(
      'predictions.csv',
      predictionsCsv(
        part((r) => predictions.get(r.target)!),
        levels,
        runDate,
      ),
      'predictions',
      levels,
    ),
    table('weekly_score.csv', weeklyScoreCsv(trained, runDate, b.elapsedMs ?? deadline.elapsedMs()), 'weeklyScore', levels),
    table('feature_ranking.csv', featureRankingCsv(trained), 'featureRanking', levels),
    table('removed_features.csv', removedFeaturesCsv(trained), 'removedFeatures', levels),
    table(
      'backtest.csv',
      backtestCsv(
        part((r) => backtestRows(r.trained.history, levels)),
        levels,
      ),
      'backtest',
      levels,
    ),
    { name: 'scores.csv', data: scoresCsv(part((r) => r.trained.scores).map((p) => ({ ...p, runDate }))), contentType: 'text/csv' },
    { name: 'merged.csv', data: frameToCsv(b.frame), contentType: 'text/csv' },
    { name: 'model.json', data: JSON.stringify(modelFileOf(trained.map((t) => t.model)), null, 2) + '\n', contentType: 'application/json' },
  ];
  const reportInput =
    results.length === 1 && b.excluded.length === 0
      ? await singleReportInput(b, results[0], predictions.get(results[0].target)!)
      : targetsReportInput(b, predictions);
  files.push({ name: 'report-data.json', data: JSON.stringify(reportInput, null, 1) + '\n', contentType: 'application/json' });
  if (b.withReport) {
    const { buildAnyReport } = await import('../report/build-any-report.js');
    const report = await buildAnyReport(reportInput);
    files.push({ name: 'report.html', data: report.html, contentType: 'text/html' });
    for (const p of report.pngs) files.push({ name: p.name, data: p.bytes, contentType: 'image/png' });
  } else if (config.report) {
    b.logger.warn({ stage: 'report' }, 'report skipped: not enough time left before the deadline');
  }
  return files;
}

/**
 * The run's facts both reports show (report/types.ts ReportRun), in two parts that keep
 * report-data.json's key order: the engine's settings, and the run's times and inputs.
 */
const settings = ({ horizon, freq, levels, metric }: PipelineConfig) => ({ horizon, freq, levels, metric });
const timesAndInputs = ({ deadline, merged }: BuildInput) => ({
  elapsedMs: deadline.elapsedMs(),
  stageTimings: deadline.timings(),
  inputs: merged.inputs.map((i) => ({ uri: i.uri, rows: i.rows })),
});

/** The report of a run with one target, as before. */
async function singleReportInput(b: BuildInput, r: TargetResult, predictions: ReportPrediction[]): Promise<ReportInput> {
  const { trained } = r;
  const { outlierProjection } = await import('../report/outlier-projection.js');
  return {
    runDate: b.runDate,
    target: r.target,
    ...settings(b.config),
    winner: trained.winner,
    deadlineHit: trained.deadlineHit,
    skipped: [...trained.skipped],
    ...timesAndInputs(b),
    predictions,
    scores: trained.scores,
    backtest: backtestRows(trained.history, b.config.levels),
    selectionCurve: trained.selectionCurve,
    featureRanking: trained.featureRanking,
    removedFeatures: trained.removedFeatures,
    outliers: outlierProjection(b.frame, r.target, trained.removedRows),
    problems: b.merged.problems,
  };
}

/** The report of a run with several targets: every target's line, the movers' panels. */
function targetsReportInput(b: BuildInput, predictions: ReadonlyMap<string, readonly ReportPrediction[]>): TargetsReportInput {
  const targets = b.results.map((r) => targetSummary(r, predictions.get(r.target)!));
  return {
    kind: 'targets',
    runDate: b.runDate,
    ...settings(b.config),
    deadlineHit: b.results.some((r) => r.trained.deadlineHit),
    ...timesAndInputs(b),
    problems: b.merged.problems,
    targets,
    panels: targetPanels(targets, predictions),
    excluded: b.excluded,
  };
}
