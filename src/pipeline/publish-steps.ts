import type { Logger } from 'pino';
import { inputError, signalError } from '../errors.js';

/** The two phases whose writes are counted: a run's publish, and the recovery of an unfinished one. */
export type StepPhase = 'publish' | 'recover';

/**
 * The publish's steps, one per write to a store (a lock, a journal, a staged file, object or
 * table, a rename, a copy, a delete, the manifest), in a fixed order. Before each:
 * - the crash harness's hook `FORECAST_FAULT_AT=publish:N` (or `recover:N`) stops the process
 *   at step N with SIGKILL, so no cleanup runs, as if it had been killed there; with `:pause=MS`
 *   it waits instead (for signal tests), then goes on;
 * - a step marked interruptible (before the journal's commit) stops the run when SIGINT or
 *   SIGTERM has arrived (the caller then discards what was staged);
 * - the step is logged at debug level with its number.
 * With the hook set, steps run one at a time, so step N is the same operation on every run.
 */
export interface Steps {
  next(phase: StepPhase, what: string, opts?: { interruptible?: boolean }): Promise<void>;
  /** How many steps of a phase may run at once. */
  readonly parallel: number;
  readonly signal?: AbortSignal;
}

const SPEC = /^(publish|recover):(\d+)(?::pause=(\d+))?$/;

export function publishSteps(
  spec: string | undefined,
  logger: Logger,
  signal?: AbortSignal,
  crash: () => void = () => process.kill(process.pid, 'SIGKILL'),
): Steps {
  const m = spec === undefined || spec === '' ? null : SPEC.exec(spec);
  if ((spec ?? '') !== '' && !m) throw inputError('bad_fault_spec', `FORECAST_FAULT_AT '${spec}' is not PHASE:N[:pause=MS] with PHASE publish or recover`);
  const at = m ? { phase: m[1] as StepPhase, n: Number(m[2]), pauseMs: m[3] === undefined ? undefined : Number(m[3]) } : undefined;
  const counts: Record<StepPhase, number> = { publish: 0, recover: 0 };
  return {
    parallel: at ? 1 : 8,
    signal,
    async next(phase, what, opts = {}) {
      const n = ++counts[phase];
      logger.debug({ phase, step: n, what }, `${phase} step ${n}: ${what}`);
      if (at && at.phase === phase && at.n === n) {
        if (at.pauseMs === undefined) {
          logger.warn({ phase, step: n, what }, `FORECAST_FAULT_AT: killing the process at ${phase} step ${n} (${what})`);
          crash();
          await new Promise(() => {});
        }
        await pause(at.pauseMs ?? 0, signal);
      }
      if (opts.interruptible && signal?.aborted) throw interrupted(signal);
    },
  };
}

/** The error a run stopped by a signal ends with. */
export function interrupted(signal: AbortSignal): Error {
  const name = signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
  return signalError(name, `stopped by ${name}: nothing was published, the staged outputs were removed and the lock released`);
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
