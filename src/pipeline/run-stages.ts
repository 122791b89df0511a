/**
 * The stages of a run, shared by `run-all` (all of them), a shard (merge or read the prepared
 * table, train its targets) and `gather` (publish what the shards trained): one code path, so a
 * sharded run publishes what a single process would.
 */
import type { Logger } from 'pino';
import { periodOf, formatDate } from '../frame/dates.js';
import type { Frame } from '../frame/frame.js';
import type { IoContext } from '../io/context.js';
import type { Folder } from '../io/uri.js';
import type { Progress } from '../io/progress.js';
import type { PipelineConfig } from './config.js';
import { Deadline, memoryGuard } from './deadline.js';
import { mergeSources, type MergeResult } from './merge.js';
import { buildOutputs } from './build-outputs.js';
import { publishRun } from './publish-run.js';
import { checkForecastRange } from './forecast-range.js';
import { checkValueRange } from './value-range.js';
import { periodOfDay, periodOption } from './period-option.js';
import { defaultWorkers, trainTargets, type TrainTargetsResult } from './train-targets.js';
import type { RunAllOptions, RunSummary } from './run-all.js';
import { runDetail } from './run-detail.js';

/**
 * Time kept back after training, never more than a share of a short deadline (10 %, up to
 * half of it from 200 targets on):
 * - outputs: building and writing them, 1.5 s plus 20 ms per further target (180 targets × 520
 *   weeks took 2.4 s on the development machine, most of it formatting numbers; 86 × 73 up to
 *   1.6 s when other jobs held a core), and with several targets up to 300 ms to stop the
 *   workers still searching (the pool's timers fire late on a busy machine);
 * - report: the charts, when the report is on.
 */
export function reserveFor(deadlineMs: number, report: boolean, targets = 1): { outputs: number; report: number } {
  const many = Math.min(1, (targets - 1) / 200);
  const stop = targets > 1 ? Math.min(300, 0.05 * deadlineMs) : 0;
  return {
    outputs: stop + Math.min(1500 + 20 * (targets - 1), (0.1 + 0.4 * many) * deadlineMs),
    report: report ? Math.min(2500, 0.15 * deadlineMs) : 0,
  };
}

/** What every stage of one run shares. */
export interface Run {
  readonly opts: RunAllOptions;
  readonly config: PipelineConfig;
  readonly deadline: Deadline;
  /** The caller's context, its cloud retries bounded by this run's deadline. */
  readonly ctx: IoContext;
  readonly log: Logger;
  readonly guard: (stage: string) => void;
  readonly progress: Progress;
  /** The period (week) of the run, yyyy-mm-dd. */
  readonly runDate: string;
  readonly outDir: Folder;
  readonly now: () => number;
}

/** Start a run's clock; the run date is the period (week) it falls in, so any day of a week names the same run. */
export function openRun(opts: RunAllOptions, progress: Progress): Run {
  const { config } = opts;
  const now = opts.now ?? Date.now;
  const deadline = new Deadline(opts.deadlineMs, now, opts.ctx.signal);
  const ctx: IoContext = { ...opts.ctx, remainingMs: () => deadline.remainingMs() };
  const runDate = formatDate(
    opts.runDate === undefined ? periodOf(Math.floor(now() / 86400000), config.freq) : periodOfDay(opts.runDate, config.freq, 'run date'),
  );
  return {
    opts,
    config,
    deadline,
    ctx,
    log: ctx.logger,
    guard: memoryGuard(config.maxMemoryBytes, opts.rss),
    progress,
    runDate,
    outDir: opts.outDir ?? config.outDir,
    now,
  };
}

/** Read and merge the sources, stopping before `reserve` ms are left; the table checked for forecasting. */
export async function mergeStage(run: Run, reserve: number): Promise<MergeResult> {
  const { config, deadline, progress } = run;
  progress.start('merge: chunks read');
  const merged = await mergeSources(
    config.sources,
    {
      freq: config.freq,
      start: periodOption(config.start, config.freq, 'start'),
      end: periodOption(config.end, config.freq, 'end'),
      fill: config.fill,
      limits: config.limits,
      onChunk: () => {
        deadline.check('merge', reserve);
        run.guard('merge');
        progress.tick();
      },
    },
    run.ctx,
  );
  run.log.info({ stage: 'merge', ms: deadline.lap('merge'), rows: merged.frame.dates.length, columns: merged.frame.names.length }, 'merged');
  for (const p of merged.problems) run.log.warn({ stage: 'merge' }, p);
  checkMerged(merged.frame, config);
  return merged;
}

/** The merged table can be forecast `horizon` periods ahead and holds no value too wide for a double. */
export function checkMerged(frame: Frame, config: PipelineConfig): void {
  checkForecastRange(frame, config.horizon, 'the merged table');
  checkValueRange(frame, 'the merged table');
}

/** Train `targets` under the run's deadline, keeping `kept` back for the outputs and the report. */
export async function trainStage(
  run: Run,
  frame: Frame,
  targets: readonly string[],
  kept: { outputs: number; report: number },
  partOfMany = false,
): Promise<TrainTargetsResult> {
  const { config, deadline, progress } = run;
  const reserve = kept.outputs + kept.report;
  deadline.check('train', reserve);
  progress.start(targets.length === 1 ? `train: selecting among candidates for '${targets[0]}'` : `train: ${targets.length} targets`);
  const { horizon, levels, metric, folds, candidates } = config;
  const trained = await trainTargets({
    frame,
    targets,
    shared: { horizon, levels, metric, folds, candidates },
    workers: run.opts.workers ?? defaultWorkers(),
    logger: run.log,
    signal: run.opts.ctx.signal,
    partOfMany,
    remainingMs: () => (deadline.stopping ? 0 : deadline.remainingMs() - reserve),
    afterEach: () => {
      run.guard('train');
      progress.tick();
    },
  }).catch((e: unknown) => {
    // Stopped by SIGINT or SIGTERM: that, not the deadline the stop looks like, is the error.
    deadline.checkSignal('train');
    return deadline.within('train', () => {
      throw e;
    });
  });
  deadline.checkSignal('train');
  const { results } = trained;
  run.log.info(
    {
      stage: 'train',
      ms: deadline.lap('train'),
      targets: results.length,
      fellBack: results.filter((r) => r.fellBack).length,
      deadlineHit: results.some((r) => r.trained.deadlineHit),
      ...(results.length === 1 ? { winner: results[0].trained.winner } : {}),
    },
    'trained',
  );
  return trained;
}

/**
 * Build every output from the trained targets and publish them as one transaction, manifest
 * last; `extra` adds run facts to the manifest (a sharded run's shard count), `elapsedMs`
 * replaces the run's own in weekly_score (a gather reports its shards' time).
 */
export async function publishStage(
  run: Run,
  merged: MergeResult,
  trained: TrainTargetsResult,
  kept: { outputs: number; report: number },
  extra: { manifest?: Record<string, unknown>; elapsedMs?: number } = {},
): Promise<RunSummary> {
  const { config, deadline, progress, runDate, log } = run;
  const { results, excluded } = trained;
  progress.start(config.report ? 'report: rendering charts' : 'building outputs');
  const files = await buildOutputs({
    config,
    frame: merged.frame,
    merged,
    results,
    excluded,
    runDate,
    deadline,
    elapsedMs: extra.elapsedMs,
    // Training may use the time up to the reserve; the report runs when most of its share is left.
    withReport: config.report && deadline.remainingMs() > kept.outputs + 0.75 * kept.report,
    logger: log,
  });
  deadline.lap('report');
  deadline.check('publish', 0);
  progress.start('publish: writing outputs');
  const one = results.length === 1 ? results[0].trained : undefined;
  const fellBack = results.filter((r) => r.fellBack).map((r) => r.target);
  const deadlineHit = results.some((r) => r.trained.deadlineHit);
  const outputs = await publishRun(files, {
    outDir: run.outDir,
    publish: config.publish,
    ctx: run.ctx,
    now: run.now,
    runDate,
    deadline,
    steps: run.opts.steps,
    liveness: run.opts.liveness,
    manifest: {
      format: 'forecast-manifest',
      version: 2,
      runDate,
      horizon: config.horizon,
      ...(one ? { target: results[0].target, winner: one.winner } : { targets: results.map((r) => r.target), fellBack, excluded }),
      deadlineMs: run.opts.deadlineMs,
      deadlineHit,
      ...(one ? { skipped: one.skipped } : {}),
      inputs: merged.inputs,
      problems: merged.problems,
      ...(one ? { model: { winner: one.winner, inputs: one.model.inputs.length, trainedThrough: formatDate(one.model.trainedThrough) } } : {}),
      ...extra.manifest,
    },
  });
  const summary: RunSummary = {
    runDate,
    winner: one?.winner ?? null,
    mae: one ? (one.scores.find((s) => s.model === one.winner)?.metrics.mae.mean ?? NaN) : null,
    targets: results.length,
    fellBack: fellBack.length,
    deadlineHit,
    outputs,
    elapsedMs: deadline.elapsedMs(),
    ...(run.opts.detail ? { detail: runDetail(results, config.levels, run.outDir) } : {}),
  };
  log.info(
    {
      runDate,
      winner: summary.winner,
      mae: summary.mae,
      targets: summary.targets,
      fellBack: summary.fellBack,
      deadlineHit,
      elapsedMs: summary.elapsedMs,
      outputs: outputs.length,
    },
    'run-all finished',
  );
  return summary;
}
