import { periodOf, formatDate } from '../frame/dates.js';
import { periodOption } from './period-option.js';
import type { IoContext } from '../io/context.js';
import type { PipelineConfig } from './config.js';
import { Deadline, memoryGuard } from './deadline.js';
import { mergeSources } from './merge.js';
import { buildOutputs, type OutputFile } from './build-outputs.js';
import { publishRun } from './publish-run.js';
import { checkForecastRange } from './forecast-range.js';
import { checkTrainedModel, checkValueRange } from './value-range.js';
import type { Progress } from '../io/progress.js';
import type { Liveness } from '../io/lock-owner.js';
import type { Steps } from './publish-steps.js';

export interface RunAllOptions {
  readonly config: PipelineConfig;
  /** Overrides config.outDir (a local folder or a gs:// prefix). */
  readonly outDir?: string;
  readonly deadlineMs: number;
  /** yyyy-mm-dd; defaults to the period (week) containing today. */
  readonly runDate?: string;
  readonly ctx: IoContext;
  readonly now?: () => number;
  /** Resident set size probe, for the memory guard. */
  readonly rss?: () => number;
  /** Stage progress on a terminal (a no-op elsewhere). */
  readonly progress?: Progress;
  /** The publish's step counter (the crash harness's hook); from FORECAST_FAULT_AT by default. */
  readonly steps?: Steps;
  /** How the out dir's lock tells whether a holder on this machine is alive; the kernel's by default. */
  readonly liveness?: Liveness;
}

export interface RunSummary {
  readonly runDate: string;
  readonly winner: string;
  readonly mae: number;
  readonly deadlineHit: boolean;
  readonly outputs: string[];
  readonly elapsedMs: number;
}

/** Time kept back for writing the outputs, and for the report when it is on: fixed, but never more than a share of a short deadline. */
const reserveFor = (deadlineMs: number, report: boolean) =>
  Math.min(1500, 0.1 * deadlineMs) + (report ? Math.min(2500, 0.15 * deadlineMs) : 0);

/**
 * sources → merge → train → predict → publish under one deadline. Everything is computed in
 * memory before anything is written; the publish is one transaction (publishRun: staged,
 * journaled, applied, manifest last), so readers see the whole old run or the whole new one. A
 * run that cannot finish in time stops with exit 4, and one stopped by SIGINT or SIGTERM with
 * exit 130 or 143, before writing anything.
 */
export async function runAll(opts: RunAllOptions): Promise<RunSummary> {
  const progress = opts.progress ?? { start() {}, tick() {}, done() {} };
  try {
    return await run(opts, progress);
  } finally {
    progress.done();
  }
}

async function run(opts: RunAllOptions, progress: Progress): Promise<RunSummary> {
  const { config } = opts;
  const now = opts.now ?? Date.now;
  const deadline = new Deadline(opts.deadlineMs, now, opts.ctx.signal);
  // Cloud retries and timeouts are bounded by this run's deadline, whatever the caller's context said.
  const ctx: IoContext = { ...opts.ctx, remainingMs: () => deadline.remainingMs() };
  const guard = memoryGuard(config.maxMemoryBytes, opts.rss);
  const log = ctx.logger;
  // The run date is the period (week) it falls in, so any day of a week names the same run.
  const runDate = formatDate(opts.runDate === undefined
    ? periodOf(Math.floor(now() / 86400000), config.freq)
    : periodOption(opts.runDate, config.freq, 'run date')!);
  const reserve = reserveFor(opts.deadlineMs, config.report);
  const outDir = opts.outDir ?? config.outDir;
  progress.start('merge: chunks read');

  const merged = await mergeSources(config.sources, {
    freq: config.freq,
    start: periodOption(config.start, config.freq, 'start'),
    end: periodOption(config.end, config.freq, 'end'),
    fill: config.fill,
    limits: config.limits,
    onChunk: () => {
      deadline.check('merge', reserve);
      guard('merge');
      progress.tick();
    },
  }, ctx);
  log.info({ stage: 'merge', ms: deadline.lap('merge'), rows: merged.frame.dates.length, columns: merged.frame.names.length }, 'merged');
  for (const p of merged.problems) log.warn({ stage: 'merge' }, p);
  checkForecastRange(merged.frame, config.horizon, 'the merged table');
  checkValueRange(merged.frame, 'the merged table');
  deadline.check('train', reserve);
  progress.start(`train: selecting among candidates for '${config.target}'`);

  const { train, predict } = await import('../model/engine.js');
  const trained = deadline.within('train', () => train(merged.frame, {
    target: config.target, horizon: config.horizon, levels: config.levels, metric: config.metric,
    folds: config.folds, candidates: config.candidates,
    budget: { remainingMs: () => (deadline.stopping ? 0 : deadline.remainingMs() - reserve) },
  }));
  guard('train');
  deadline.checkSignal('train');
  checkTrainedModel(trained.model, 'the merged table');
  log.info({ stage: 'train', ms: deadline.lap('train'), winner: trained.winner, deadlineHit: trained.deadlineHit }, 'trained');
  const forecasts = predict(trained.model, merged.frame);
  deadline.lap('predict');
  progress.start(config.report ? 'report: rendering charts' : 'building outputs');

  const files: OutputFile[] = await buildOutputs({
    config, frame: merged.frame, merged, trained, forecasts, runDate, deadline,
    withReport: config.report && deadline.remainingMs() > reserve, logger: log,
  });
  deadline.lap('report');
  deadline.check('publish', 0);
  progress.start('publish: writing outputs');

  const winnerScore = trained.scores.find((s) => s.model === trained.winner);
  const outputs = await publishRun(files, {
    outDir, publish: config.publish, ctx, now, runDate, deadline, steps: opts.steps, liveness: opts.liveness,
    manifest: {
      format: 'forecast-manifest', version: 2, runDate, target: config.target, horizon: config.horizon,
      winner: trained.winner, deadlineMs: opts.deadlineMs, deadlineHit: trained.deadlineHit, skipped: trained.skipped,
      inputs: merged.inputs, problems: merged.problems,
      model: { winner: trained.winner, inputs: trained.model.inputs.length, trainedThrough: formatDate(trained.model.trainedThrough) },
    },
  });
  const summary: RunSummary = {
    runDate, winner: trained.winner, mae: winnerScore?.metrics.mae.mean ?? NaN, deadlineHit: trained.deadlineHit,
    outputs, elapsedMs: deadline.elapsedMs(),
  };
  log.info({ runDate, winner: summary.winner, mae: summary.mae, deadlineHit: summary.deadlineHit, elapsedMs: summary.elapsedMs, outputs: outputs.length }, 'run-all finished');
  return summary;
}

