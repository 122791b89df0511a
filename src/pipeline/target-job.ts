import { EXIT, ForecastError, isForecastError, type ExitCode } from '../errors.js';
import type { Frame } from '../frame/frame.js';
import type { BacktestResult, EngineOptions, ForecastRow, TrainResult } from '../model/types.js';
import { checkTrainedModel } from './value-range.js';

/** The engine options every target of a run shares (the target and the budget are per job). */
export type SharedEngineOptions = Omit<EngineOptions, 'target' | 'budget'>;

/**
 * The anytime ladder across targets: every target first gets a `baseline` (the naive forecast
 * with its folds and intervals, milliseconds each), then the `full` engine while time remains.
 */
export type Tier = 'baseline' | 'full';

/** One unit of work for a pool worker or the main thread: train a target, or backtest it. */
export type TargetJob =
  | { readonly kind: 'train'; readonly target: string; readonly tier: Tier; readonly budgetMs?: number }
  | { readonly kind: 'backtest'; readonly target: string; readonly origins: number; readonly budgetMs?: number };

/** A target trained and forecast. */
export interface Trained {
  readonly trained: TrainResult;
  readonly forecasts: readonly ForecastRow[];
}

/** A ForecastError flattened for postMessage (structured clone keeps neither class nor code). */
export interface JobError {
  readonly code: string;
  readonly message: string;
  readonly exitCode: ExitCode;
}

export type TargetOutcome<V = Trained | BacktestResult> =
  { readonly ok: true; readonly target: string; readonly value: V } | { readonly ok: false; readonly target: string; readonly error: JobError };

/**
 * Run one job on the run's frame: the same engine call a single-target run makes, so a
 * target's outputs do not depend on which thread, worker or shard ran it. `remainingMs` is the
 * engine's anytime budget when the job has one; `where` names the table in messages.
 * ForecastErrors become a failed outcome (the scheduler decides: fall back, leave the target
 * out, or stop the run); anything else is a bug and is thrown.
 */
export async function runTargetJob(
  frame: Frame,
  job: TargetJob,
  shared: SharedEngineOptions,
  remainingMs: () => number,
  where = 'the merged table',
): Promise<TargetOutcome> {
  const { train, predict, backtest } = await import('../model/engine.js');
  const opts: EngineOptions = {
    ...shared,
    target: job.target,
    ...(job.kind === 'train' && job.tier === 'baseline' ? { candidates: ['naive'] } : {}),
    ...(job.budgetMs === undefined ? {} : { budget: { remainingMs } }),
  };
  try {
    if (job.kind === 'backtest') return { ok: true, target: job.target, value: backtest(frame, { ...opts, origins: job.origins }) };
    const trained = train(frame, opts);
    checkTrainedModel(trained.model, where);
    return { ok: true, target: job.target, value: { trained, forecasts: predict(trained.model, frame) } };
  } catch (e) {
    if (!isForecastError(e)) throw e;
    return { ok: false, target: job.target, error: { code: e.code, message: e.message, exitCode: e.exitCode } };
  }
}

/** The ForecastError a failed outcome carries. */
export function outcomeError(o: { readonly error: JobError }): ForecastError {
  return new ForecastError(o.error.code, o.error.message, o.error.exitCode);
}

/** Whether a failed outcome is the engine running out of time (the target keeps its baseline). */
export function isDeadlineOutcome(o: TargetOutcome): boolean {
  return !o.ok && o.error.code === 'limit.deadline';
}

/** Whether a failed outcome is about the target's data or the options (exit 2). */
export function isInputOutcome(o: TargetOutcome): boolean {
  return !o.ok && o.error.exitCode === EXIT.input;
}
