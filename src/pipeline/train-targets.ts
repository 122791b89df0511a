import type { Logger } from 'pino';
import { availableParallelism } from 'node:os';
import { inputError, limitError } from '../errors.js';
import type { Frame } from '../frame/frame.js';
import { CANDIDATES, type ForecastRow, type TrainResult } from '../model/types.js';
import { settleEach } from './settle-all.js';
import { shareFrame } from './shared-frame.js';
import {
  isDeadlineOutcome,
  isInputOutcome,
  outcomeError,
  runTargetJob,
  type SharedEngineOptions,
  type TargetJob,
  type TargetOutcome,
  type Trained,
} from './target-job.js';
import { WorkerPool, type JobResult, type JobRunner } from './worker-pool.js';

/** One target's result: the engine's, or its baseline when the full search did not finish in time. */
export interface TargetResult {
  readonly target: string;
  readonly trained: TrainResult;
  readonly forecasts: readonly ForecastRow[];
  /** True when only the baseline was published (flagged deadline_hit, the skipped candidates listed). */
  readonly fellBack: boolean;
}

export interface TrainTargetsOptions {
  readonly frame: Frame;
  /** Resolved target columns (target-patterns.ts), in output order. */
  readonly targets: readonly string[];
  readonly shared: SharedEngineOptions;
  /** Worker threads (1: the main thread trains). */
  readonly workers: number;
  /** Milliseconds left for training: the run's deadline minus the time kept for the outputs. */
  readonly remainingMs: () => number;
  /** Checked after each target: memory limit, progress. */
  readonly afterEach?: () => void;
  readonly logger: Logger;
  /** The table's name in messages. */
  readonly where?: string;
  /** Aborted by SIGINT or SIGTERM: the pool's workers are terminated at once, every job ends `stopped`. */
  readonly signal?: AbortSignal;
  /**
   * These targets are a shard of a larger run: trained as several targets are (baseline first,
   * a target that cannot be forecast left out) even when there is one, and none left is no error
   * (the gather decides).
   */
  readonly partOfMany?: boolean;
}

export interface TrainTargetsResult {
  /** One per target trained, in the order of `targets`. */
  readonly results: readonly TargetResult[];
  /** Targets left out because their data cannot be forecast (exit-2 reasons), with the reason. */
  readonly excluded: readonly { readonly target: string; readonly reason: string }[];
}

/** The default --workers: the cores this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Train every target under one deadline, anytime across targets:
 * 1. every target gets its baseline (naive, with folds and intervals: milliseconds each);
 * 2. then the full engine, target after target, each search bounded by the time left (the
 *    engine's own anytime budget skips what no longer fits), on `workers` threads;
 * 3. a target whose full search did not finish keeps its baseline, flagged (fellBack).
 * With a pool, a search still running when the time is up is stopped (its worker terminated),
 * so training never runs past `remainingMs`. Baselines that cannot all finish are a deadline
 * error: a table with some targets missing is never published. A target whose data cannot be
 * forecast (too few rows…) is left out and reported, unless it is the only one: then the
 * error is the run's, as for a single target.
 *
 * Each target's result is what the engine gives for it alone, whichever thread trained it, so
 * outputs are byte-identical for any worker count whenever the deadline does not bind.
 * A single target skips step 1: the engine's own anytime search is its fallback, as before.
 */
export async function trainTargets(o: TrainTargetsOptions): Promise<TrainTargetsResult> {
  const runner = openRunner(o, o.targets.length);
  const stop = () => void runner.close();
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (o.targets.length === 0) return { results: [], excluded: [] };
    if (o.targets.length === 1 && !o.partOfMany) return await single(o, runner);
    return await many(o, runner);
  } finally {
    o.signal?.removeEventListener('abort', stop);
    await runner.close();
  }
}

/**
 * `workers` threads for `jobs` jobs: a pool when both are above 1, otherwise the main thread
 * (which needs no copy of the frame and no start-up, and is what a single target always used).
 */
export function openRunner(o: Pick<TrainTargetsOptions, 'frame' | 'shared' | 'workers' | 'remainingMs' | 'where'>, jobs: number): JobRunner {
  const where = o.where ?? 'the merged table';
  const size = Math.max(1, Math.min(o.workers, jobs));
  return size > 1
    ? new WorkerPool({ frame: shareFrame(o.frame), shared: o.shared, where }, size)
    : { size: 1, run: (job) => runTargetJob(o.frame, job, o.shared, o.remainingMs, where), close: async () => {} };
}

async function single(o: TrainTargetsOptions, runner: JobRunner): Promise<TrainTargetsResult> {
  const target = o.targets[0];
  const r = await runner.run({ kind: 'train', target, tier: 'full', budgetMs: o.remainingMs() });
  if (r === 'stopped') throw limitError('deadline', `no time left to train '${target}'`);
  if (!r.ok) throw outcomeError(r);
  o.afterEach?.();
  const { trained, forecasts } = r.value as Trained;
  return { results: [{ target, trained, forecasts, fellBack: false }], excluded: [] };
}

async function many(o: TrainTargetsOptions, runner: JobRunner): Promise<TrainTargetsResult> {
  const { logger } = o;
  // A job may run until the time is up; the pool stops it then. Baselines are not budgeted:
  // they are cheap, and the run cannot publish without all of them.
  const run = (job: TargetJob): Promise<JobResult> => runner.run(job, o.remainingMs());
  const baselines = await settleEach(o.targets, runner.size, async (target) => {
    if (o.remainingMs() <= 0) return 'stopped' as const;
    const r = await run({ kind: 'train', target, tier: 'baseline' });
    o.afterEach?.();
    return r;
  });
  const missing = baselines.findIndex((r) => r === 'stopped');
  if (missing >= 0) {
    throw limitError(
      'deadline',
      `no time left for the baselines: ${baselines.filter((r) => r !== 'stopped').length} of ${o.targets.length} targets had one when the time was up, '${o.targets[missing]}' had none`,
    );
  }
  const excluded: { target: string; reason: string }[] = [];
  const kept: { target: string; value: Trained }[] = [];
  for (const r of baselines as TargetOutcome[]) {
    if (r.ok) kept.push({ target: r.target, value: r.value as Trained });
    else if (isInputOutcome(r)) excluded.push({ target: r.target, reason: r.error.message });
    else throw outcomeError(r);
  }
  if (kept.length === 0 && o.partOfMany) return { results: [], excluded };
  if (kept.length === 0) throw inputError('no_target', `none of the ${o.targets.length} targets can be forecast; the first: ${excluded[0]?.reason}`);
  for (const x of excluded) logger.warn({ target: x.target, reason: x.reason }, `target '${x.target}' left out: ${x.reason}`);
  logger.info({ stage: 'train', targets: kept.length, excluded: excluded.length }, 'baselines done');

  const full = await settleEach(kept, runner.size, async (b) => {
    const left = o.remainingMs();
    if (left <= 0) return 'stopped' as const;
    const r = await run({ kind: 'train', target: b.target, tier: 'full', budgetMs: left });
    o.afterEach?.();
    return r;
  });
  const results = kept.map((b, i): TargetResult => {
    const r = full[i];
    if (r !== 'stopped' && r.ok) return { target: b.target, ...(r.value as Trained), fellBack: false };
    if (r !== 'stopped' && !isDeadlineOutcome(r)) {
      if (!isInputOutcome(r)) throw outcomeError(r);
      logger.warn(
        { target: b.target, reason: r.error.message },
        `target '${b.target}': the full search failed (${r.error.message}); its baseline is published`,
      );
    }
    return { target: b.target, trained: fellBack(b.value.trained, o.shared), forecasts: b.value.forecasts, fellBack: true };
  });
  const fell = results.filter((r) => r.fellBack).map((r) => r.target);
  if (fell.length > 0)
    logger.warn(
      { stage: 'train', fellBack: fell.length, targets: fell.slice(0, 20) },
      `${fell.length} of ${results.length} targets kept their baseline: the deadline came first`,
    );
  return { results, excluded };
}

/** A baseline's result, flagged: deadline hit, and every candidate it did not try listed as skipped. */
function fellBack(t: TrainResult, shared: SharedEngineOptions): TrainResult {
  const tried = new Set(t.scores.map((s) => s.model));
  const skipped = (shared.candidates ?? CANDIDATES).filter((c) => !tried.has(c));
  return { ...t, deadlineHit: true, skipped };
}
