import { periodOf, formatDate } from '../frame/dates.js';
import { periodOption } from './period-option.js';
import type { IoContext } from '../io/context.js';
import type { PipelineConfig } from './config.js';
import { Deadline, memoryGuard } from './deadline.js';
import { mergeSources } from './merge.js';
import { buildOutputs, type OutputFile } from './build-outputs.js';
import { publishRun } from './publish-run.js';
import { checkForecastRange } from './forecast-range.js';
import { checkValueRange } from './value-range.js';
import type { Progress } from '../io/progress.js';
import type { Liveness } from '../io/lock-owner.js';
import type { Steps } from './publish-steps.js';
import { resolveTargets } from './target-patterns.js';
import { defaultWorkers, trainTargets } from './train-targets.js';

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
  /** Worker threads training targets (default: the available cores; 1 trains on the main thread). */
  readonly workers?: number;
}

export interface RunSummary {
  readonly runDate: string;
  /** The winner and its fold MAE; null when the run has several targets. */
  readonly winner: string | null;
  readonly mae: number | null;
  /** Targets trained, and how many of them kept their baseline for the deadline. */
  readonly targets: number;
  readonly fellBack: number;
  readonly deadlineHit: boolean;
  readonly outputs: string[];
  readonly elapsedMs: number;
}

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
  let kept = reserveFor(opts.deadlineMs, config.report);
  let reserve = kept.outputs + kept.report;
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
  const targets = resolveTargets(config.targets, merged.frame.names);
  kept = reserveFor(opts.deadlineMs, config.report, targets.length);
  reserve = kept.outputs + kept.report;
  deadline.check('train', reserve);
  progress.start(targets.length === 1 ? `train: selecting among candidates for '${targets[0]}'` : `train: ${targets.length} targets`);

  const { horizon, levels, metric, folds, candidates } = config;
  const { results, excluded } = await trainTargets({
    frame: merged.frame, targets, shared: { horizon, levels, metric, folds, candidates },
    workers: opts.workers ?? defaultWorkers(), logger: log, signal: opts.ctx.signal,
    remainingMs: () => (deadline.stopping ? 0 : deadline.remainingMs() - reserve),
    afterEach: () => {
      guard('train');
      progress.tick();
    },
  }).catch((e: unknown) => {
    // Stopped by SIGINT or SIGTERM: that, not the deadline the stop looks like, is the error.
    deadline.checkSignal('train');
    return deadline.within('train', () => { throw e; });
  });
  deadline.checkSignal('train');
  const fellBack = results.filter((r) => r.fellBack).map((r) => r.target);
  const deadlineHit = results.some((r) => r.trained.deadlineHit);
  log.info({ stage: 'train', ms: deadline.lap('train'), targets: results.length, fellBack: fellBack.length, deadlineHit,
    ...(results.length === 1 ? { winner: results[0].trained.winner } : {}) }, 'trained');
  progress.start(config.report ? 'report: rendering charts' : 'building outputs');

  const files: OutputFile[] = await buildOutputs({
    config, frame: merged.frame, merged, results, excluded, runDate, deadline,
    // Training may use the time up to the reserve; the report runs when most of its share is left.
    withReport: config.report && deadline.remainingMs() > kept.outputs + 0.75 * kept.report, logger: log,
  });
  deadline.lap('report');
  deadline.check('publish', 0);
  progress.start('publish: writing outputs');

  const one = results.length === 1 ? results[0].trained : undefined;
  const outputs = await publishRun(files, {
    outDir, publish: config.publish, ctx, now, runDate, deadline, steps: opts.steps, liveness: opts.liveness,
    manifest: {
      format: 'forecast-manifest', version: 2, runDate, horizon: config.horizon,
      ...(one ? { target: results[0].target, winner: one.winner } : { targets: results.map((r) => r.target), fellBack, excluded }),
      deadlineMs: opts.deadlineMs, deadlineHit, ...(one ? { skipped: one.skipped } : {}),
      inputs: merged.inputs, problems: merged.problems,
      ...(one ? { model: { winner: one.winner, inputs: one.model.inputs.length, trainedThrough: formatDate(one.model.trainedThrough) } } : {}),
    },
  });
  const summary: RunSummary = {
    runDate, winner: one?.winner ?? null, mae: one ? one.scores.find((s) => s.model === one.winner)?.metrics.mae.mean ?? NaN : null,
    targets: results.length, fellBack: fellBack.length, deadlineHit, outputs, elapsedMs: deadline.elapsedMs(),
  };
  log.info({ runDate, winner: summary.winner, mae: summary.mae, targets: summary.targets, fellBack: summary.fellBack, deadlineHit, elapsedMs: summary.elapsedMs, outputs: outputs.length }, 'run-all finished');
  return summary;
}
