import { EXIT, ForecastError, inputError, isForecastError } from '../errors.js';
import type { Freq } from '../frame/freq.js';
import { formatDate } from '../frame/dates.js';
import type { IoContext } from '../io/context.js';
import { toCsv } from '../io/csv-write.js';
import { readText } from '../io/read-text.js';
import { parseUri } from '../io/uri.js';
import { writeBytes, writeTable } from '../io/write-table.js';
import type { EngineOptions, MetricName, ModelFile } from '../model/types.js';
import { parseModelFile } from '../model/model-file.js';
import { backtestCsv, backtestRows, scoresCsv } from './outputs.js';
import { readFrame } from './read-frame.js';
import { header } from './tables.js';
import { checkForecastRange } from './forecast-range.js';
import { checkTrainedModel, checkValueRange } from './value-range.js';
import { csvLimits, type CsvLimitOptions } from './csv-limits.js';

export interface ModelCliOptions extends CsvLimitOptions {
  readonly from: string;
  readonly target: string;
  readonly horizon: number;
  readonly levels: number[];
  readonly metric: MetricName;
  readonly folds: number;
  readonly freq?: Freq;
  readonly to: string;
}

const sourceName = (from: string) => (from === '-' ? 'stdin' : from);

function engineOptions(o: ModelCliOptions, ctx: IoContext): EngineOptions {
  return { target: o.target, horizon: o.horizon, levels: o.levels, metric: o.metric, folds: o.folds, budget: { remainingMs: () => ctx.remainingMs() } };
}

/** `forecast train`: fit and select on the table, write the model file and (optionally) the fold metrics. */
export async function runTrain(o: ModelCliOptions & { metricsTo?: string }, ctx: IoContext): Promise<void> {
  const to = parseUri(o.to, '--to');
  const metricsTo = o.metricsTo === undefined ? undefined : parseUri(o.metricsTo, '--metrics-to');
  const { frame } = await readFrame(o.from, ctx, o.freq, csvLimits(o));
  checkForecastRange(frame, o.horizon, sourceName(o.from));
  checkValueRange(frame, sourceName(o.from));
  const { train } = await import('../model/engine.js');
  const r = naming(o.from, () => train(frame, engineOptions(o, ctx)));
  checkTrainedModel(r.model, sourceName(o.from));
  await writeBytes(to, JSON.stringify(r.model, null, 2) + '\n', ctx, 'application/json');
  if (metricsTo) await writeTable(metricsTo, scoresCsv(r.scores, formatDate(r.model.trainedThrough)), ctx, { mode: 'overwrite' });
  ctx.logger.info({ winner: r.winner, trainedThrough: formatDate(r.model.trainedThrough), deadlineHit: r.deadlineHit }, 'trained');
}

/**
 * `forecast predict`: load a model file and forecast the h periods after the table's last row.
 * The table's frequency (from its dates, or --freq) must be the model's.
 */
export async function runPredict(o: CsvLimitOptions & { from: string; model: string; to: string; freq?: Freq }, ctx: IoContext): Promise<void> {
  const to = parseUri(o.to, '--to');
  const model = await readModel(o.model, ctx);
  const { frame } = await readFrame(o.from, ctx, o.freq, csvLimits(o));
  if (frame.freq !== model.freq) {
    throw inputError('freq_mismatch', `${sourceName(o.from)} is ${FREQ_NAMES[frame.freq]} (${frame.freq}) but ${o.model} was trained on ${FREQ_NAMES[model.freq]} (${model.freq}) data; train a model on this table, or predict from a ${FREQ_NAMES[model.freq]} table`);
  }
  checkForecastRange(frame, model.horizon, sourceName(o.from));
  checkValueRange(frame, sourceName(o.from), [model.target, ...model.inputs]);
  const { predict } = await import('../model/engine.js');
  const rows = predict(model, frame);
  const levels = model.levels;
  const csv = toCsv(header('predictions', levels).filter((h) => h !== 'actual' && h !== 'run_date'), rows.map((r) => [
    formatDate(r.date), r.forecast, r.lower[0], r.upper[0], r.horizon, 'forecast', model.winner,
    ...levels.slice(1).flatMap((_, i) => [r.lower[i + 1], r.upper[i + 1]]),
  ]));
  await writeTable(to, csv, ctx, { mode: 'overwrite' });
}

/** `forecast backtest`: rolling-origin evaluation of the whole selection procedure. */
export async function runBacktest(o: ModelCliOptions & { origins: number }, ctx: IoContext): Promise<void> {
  const to = parseUri(o.to, '--to');
  const { frame } = await readFrame(o.from, ctx, o.freq, csvLimits(o));
  checkForecastRange(frame, 0, sourceName(o.from)); // a backtest forecasts inside the table
  checkValueRange(frame, sourceName(o.from));
  const { backtest } = await import('../model/engine.js');
  const r = naming(o.from, () => backtest(frame, { ...engineOptions(o, ctx), origins: o.origins }));
  await writeTable(to, backtestCsv(backtestRows(r.rows, o.levels), o.levels), ctx, { mode: 'overwrite' });
  const byH = (h: number, pick: (x: (typeof r.rows)[number]) => number) => {
    const rows = r.rows.filter((x) => x.horizon === h);
    return rows.reduce((s, x) => s + Math.abs(x.actual - pick(x)), 0) / rows.length;
  };
  ctx.logger.info({
    origins: o.origins, mae: r.metrics.mae.mean, naiveMae: r.naiveMae,
    maeAtHorizon: byH(o.horizon, (x) => x.forecast), naiveMaeAtHorizon: byH(o.horizon, (x) => x.naive),
    coverage: Object.fromEntries(o.levels.map((l, i) => [String(l), r.coverage[i]])),
  }, 'backtest');
}

/** The engine knows columns, not files: name the table in its input errors ("merged.csv: column 'x' not found …"). */
function naming<T>(from: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (isForecastError(e) && e.exitCode === EXIT.input) throw new ForecastError(e.code, `${sourceName(from)}: ${e.message}`, e.exitCode, { cause: e });
    throw e;
  }
}

const FREQ_NAMES: Record<Freq, string> = { 'W-SUN': 'weekly', D: 'daily', MS: 'monthly' };

/** The model file at `text`, validated (model-file.ts) before anything uses it. */
async function readModel(text: string, ctx: IoContext): Promise<ModelFile> {
  const json = await readText(parseUri(text, '--model'), ctx);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw inputError('bad_model', `${text}: not a model file (invalid JSON: ${(e as Error).message})`);
  }
  return parseModelFile(raw, text);
}
