import { isForecastError, limitError, signalError } from '../errors.js';
import { formatDuration } from '../units.js';

/**
 * The run's clock: a fixed end time, checked by every stage, so the run stops with a clear
 * error (exit 4) before the platform kills it mid-write. The same checks stop the run when
 * `signal` is aborted by SIGINT or SIGTERM (exit 130 or 143). The clock is injected for tests.
 */
export class Deadline {
  readonly startedAt: number;
  private readonly endsAt: number;
  private readonly stages: { stage: string; ms: number }[] = [];
  private stageStart: number;

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
    private readonly signal?: AbortSignal,
  ) {
    this.startedAt = now();
    this.endsAt = this.startedAt + totalMs;
    this.stageStart = this.startedAt;
  }

  remainingMs(): number {
    return this.endsAt - this.now();
  }

  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  /** True once SIGINT or SIGTERM asked the run to stop. */
  get stopping(): boolean {
    return this.signal?.aborted === true;
  }

  /** Throw the signal's error (exit 130 or 143) once SIGINT or SIGTERM asked the run to stop. */
  checkSignal(stage: string): void {
    if (!this.signal?.aborted) return;
    const name = this.signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
    throw signalError(name, `stopped by ${name} during ${stage}; nothing was published`);
  }

  /** Throw `limit.deadline` naming the stage when fewer than `reserveMs` are left (or the signal error once stopping). */
  check(stage: string, reserveMs = 0): void {
    this.checkSignal(stage);
    const left = this.remainingMs();
    if (left < reserveMs) {
      throw limitError(
        'deadline',
        `deadline of ${formatDuration(this.totalMs)} reached during ${stage} (${Math.max(0, Math.round(left))} ms left, ${Math.round(reserveMs)} ms needed); nothing was published`,
      );
    }
  }

  /** Run a stage; a deadline error from inside it is reworded to name the stage and the deadline. */
  within<T>(stage: string, work: () => T): T {
    try {
      return work();
    } catch (e) {
      if (isForecastError(e) && e.code === 'limit.deadline') {
        throw limitError('deadline', `deadline of ${formatDuration(this.totalMs)} reached during ${stage}: ${e.message}; nothing was published`, e);
      }
      throw e;
    }
  }

  /** Close the current stage and record its duration. */
  lap(stage: string): number {
    const t = this.now();
    const ms = t - this.stageStart;
    this.stages.push({ stage, ms });
    this.stageStart = t;
    return ms;
  }

  timings(): { stage: string; ms: number }[] {
    return [...this.stages];
  }
}

/** Fail clean, before the platform's OOM kill, when the resident set passes `maxBytes`. */
export function memoryGuard(maxBytes: number, rss: () => number = () => process.memoryUsage.rss()): (stage: string) => void {
  return (stage) => {
    const used = rss();
    if (used > maxBytes) {
      throw limitError(
        'memory',
        `memory limit of ${(maxBytes / 2 ** 20).toFixed(0)} MiB passed during ${stage} (${(used / 2 ** 20).toFixed(0)} MiB in use); raise --max-memory or reduce the input`,
      );
    }
  };
}
