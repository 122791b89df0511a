import type { IoContext } from '../io/context.js';
import type { Folder } from '../io/uri.js';
import type { PipelineConfig } from './config.js';
import type { Progress } from '../io/progress.js';
import type { Liveness } from '../io/lock-owner.js';
import type { Steps } from './publish-steps.js';
import type { RunDetail } from './run-detail.js';
import { resolveTargets } from './target-patterns.js';
import { mergeStage, openRun, publishStage, reserveFor, trainStage } from './run-stages.js';

export interface RunAllOptions {
  readonly config: PipelineConfig;
  /** Overrides config.outDir. */
  readonly outDir?: Folder;
  readonly deadlineMs: number;
  /** A day number (days since 1970-01-01, frame/dates.ts): any day of the run's period; defaults to today's. */
  readonly runDate?: number;
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
  /** Add `detail` to the summary, for a readable summary on a terminal. */
  readonly detail?: boolean;
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
  /** Each target's winner, accuracy and forecasts, when `detail` was asked for. */
  readonly detail?: RunDetail;
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
  const run = openRun(opts, progress);
  const early = reserveFor(opts.deadlineMs, opts.config.report);
  const merged = await mergeStage(run, early.outputs + early.report);
  const targets = resolveTargets(opts.config.targets, merged.frame.names);
  const kept = reserveFor(opts.deadlineMs, opts.config.report, targets.length);
  const trained = await trainStage(run, merged.frame, targets, kept);
  return publishStage(run, merged, trained, kept);
}
