import { EXIT, ForecastError, inputError, isForecastError } from '../errors.js';
import type { Freq } from '../frame/freq.js';
import { formatDate } from '../frame/dates.js';
import type { IoContext } from '../io/context.js';
import { readText } from '../io/read-text.js';
import { tableName, type Uri } from '../io/uri.js';
import { writeBytes, writeTable } from '../io/write-table.js';
import type { MetricName, ModelFile } from '../model/types.js';
import { modelFileOf, parseModels } from '../model/model-set.js';
import { backtestCsv, backtestRows, forecastsCsv, scoresCsv, type ModelForecasts } from './outputs.js';
import { readFrame } from './read-frame.js';
import { checkForecastRange } from './forecast-range.js';
import { checkValueRange } from './value-range.js';
import { resolveTargets, type TargetPatterns } from './target-patterns.js';
import { defaultWorkers, trainTargets } from './train-targets.js';
import { backtestTargets } from './backtest-targets.js';
import type { CsvLimits } from '../io/csv-core.js';

/** What train and backtest take, parsed by the CLI. */
export interface ModelStageOptions {
  readonly from: Uri;
  /** Column names, `*` or globs (target-patterns.ts). */
  readonly target: TargetPatterns;
  readonly horizon: number;
  readonly levels: number[];
  readonly metric: MetricName;
  readonly folds: number;
  readonly freq?: Freq;
  readonly to: Uri;
  /** Worker threads (default: the available cores). */
  readonly workers?: number;
  /** The longest field and line the table may hold. */
  readonly limits: CsvLimits;
}

/** The table, checked, and the targets its patterns name. */
async function modelInput(o: ModelStageOptions, ctx: IoContext, horizon: number) {
  const { frame } = await readFrame(o.from, ctx, o.freq, o.limits);
  checkForecastRange(frame, horizon, tableName(o.from));
  checkValueRange(frame, tableName(o.from));
  const targets = resolveTargets(o.target, frame.names, tableName(o.from));
  const run = {
    frame,
    targets,
    shared: { horizon: o.horizon, levels: o.levels, metric: o.metric, folds: o.folds },
    workers: o.workers ?? defaultWorkers(),
    remainingMs: () => ctx.remainingMs(),
    logger: ctx.logger,
    where: tableName(o.from),
  };
  return run;
}

/**
 * `forecast train`: fit and select on the table for each target, write the model file (a set
 * of models for several targets) and optionally every candidate's fold metrics.
 */
export async function runTrain(o: ModelStageOptions & { metricsTo?: Uri }, ctx: IoContext): Promise<void> {
  const { to, metricsTo } = o;
  const input = await modelInput(o, ctx, o.horizon);
  const { results } = await naming(o.from, () => trainTargets(input));
  const models = results.map((r) => r.trained.model);
  await writeBytes(to, JSON.stringify(modelFileOf(models), null, 2) + '\n', ctx, 'application/json');
  if (metricsTo) {
    const parts = results.map((r) => ({ target: r.target, rows: r.trained.scores, runDate: formatDate(r.trained.model.trainedThrough) }));
    await writeTable(metricsTo, scoresCsv(parts), ctx, { mode: 'overwrite' });
  }
  for (const r of results)
    ctx.logger.info(
      {
        target: r.target,
        winner: r.trained.winner,
        trainedThrough: formatDate(r.trained.model.trainedThrough),
        deadlineHit: r.trained.deadlineHit,
        fellBack: r.fellBack,
      },
      'trained',
    );
}

/**
 * `forecast predict`: load a model file (or set) and forecast the h periods after the table's
 * last row, for each model's target. The table's frequency (from its dates, or --freq) must be
 * the models'.
 */
export async function runPredict(o: { from: Uri; model: Uri; to: Uri; freq?: Freq; limits: CsvLimits }, ctx: IoContext): Promise<void> {
  const models = await readModels(o.model, ctx);
  const { frame } = await readFrame(o.from, ctx, o.freq, o.limits);
  const { predict } = await import('../model/engine.js');
  const parts: ModelForecasts[] = [];
  for (const model of models) {
    if (frame.freq !== model.freq) {
      throw inputError(
        'freq_mismatch',
        `${tableName(o.from)} is ${FREQ_NAMES[frame.freq]} (${frame.freq}) but ${o.model.text} was trained on ${FREQ_NAMES[model.freq]} (${model.freq}) data; train a model on this table, or predict from a ${FREQ_NAMES[model.freq]} table`,
      );
    }
    checkForecastRange(frame, model.horizon, tableName(o.from));
    checkValueRange(frame, tableName(o.from), [model.target, ...model.inputs]);
    parts.push({ model, rows: predict(model, frame) });
  }
  const csv = forecastsCsv(parts);
  await writeTable(o.to, csv, ctx, { mode: 'overwrite' });
}

/** `forecast backtest`: rolling-origin evaluation of the whole selection procedure, per target. */
export async function runBacktest(o: ModelStageOptions & { origins: number }, ctx: IoContext): Promise<void> {
  const input = await modelInput(o, ctx, 0); // a backtest forecasts inside the table
  const done = await naming(o.from, () => backtestTargets({ ...input, origins: o.origins }));
  const parts = done.map((d) => ({ target: d.target, rows: backtestRows(d.result.rows, o.levels) }));
  await writeTable(o.to, backtestCsv(parts, o.levels), ctx, { mode: 'overwrite' });
  for (const { target, result: r } of done) {
    const byH = (h: number, pick: (x: (typeof r.rows)[number]) => number) => {
      const rows = r.rows.filter((x) => x.horizon === h);
      return rows.reduce((s, x) => s + Math.abs(x.actual - pick(x)), 0) / rows.length;
    };
    ctx.logger.info(
      {
        target,
        origins: o.origins,
        mae: r.metrics.mae.mean,
        naiveMae: r.naiveMae,
        maeAtHorizon: byH(o.horizon, (x) => x.forecast),
        naiveMaeAtHorizon: byH(o.horizon, (x) => x.naive),
        coverage: Object.fromEntries(o.levels.map((l, i) => [String(l), r.coverage[i]])),
      },
      'backtest',
    );
  }
}

/** The engine knows columns, not files: name the table in its input errors ("merged.csv: column 'x' not found …"). */
async function naming<T>(from: Uri, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isForecastError(e) && e.exitCode === EXIT.input) throw new ForecastError(e.code, `${tableName(from)}: ${e.message}`, e.exitCode, { cause: e });
    throw e;
  }
}

const FREQ_NAMES: Record<Freq, string> = { 'W-SUN': 'weekly', D: 'daily', MS: 'monthly' };

/** The models of the model file at `uri`, validated (model-file.ts) before anything uses them. */
async function readModels(uri: Uri, ctx: IoContext): Promise<ModelFile[]> {
  const { text } = uri;
  const json = await readText(uri, ctx);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw inputError('bad_model', `${text}: not a model file (invalid JSON: ${(e as Error).message})`);
  }
  return parseModels(raw, text);
}
