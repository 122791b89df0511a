import type { IoContext } from '../../src/io/context.js';
import { processLiveness, type Liveness } from '../../src/io/lock-owner.js';
import { publishSteps, type StepPhase, type Steps } from '../../src/pipeline/publish-steps.js';

/** What a sweep passes to runAll: the publish's step counter, and the lock's view of this machine. */
export interface RunHooks {
  readonly steps?: Steps;
  readonly liveness?: Liveness;
}

/**
 * This machine as the lock sees it, with every process gone: a lock left by a run frozen in this
 * process is then what a killed run leaves (a holder on this machine whose pid is free).
 */
export function deadHere(): Liveness {
  return { ...processLiveness(), alive: () => false };
}

/**
 * Start a run whose publish hook (`PHASE:N`, the code FORECAST_FAULT_AT drives) freezes it at
 * step N: from then on none of its code runs, no finally and no cleanup, as if the process had
 * been killed there (steps run one at a time under the hook, so nothing else is in flight).
 * Resolves 'killed' at the freeze, or 'finished' when the run has fewer steps; a run that fails
 * rejects. `run` gets the hooks to pass to runAll; the lock of an earlier frozen run is treated as
 * a dead process's.
 */
export function killInProcess(run: (hooks: RunHooks) => Promise<unknown>, ctx: IoContext, phase: StepPhase, n: number): Promise<'killed' | 'finished'> {
  let freeze!: () => void;
  const killed = new Promise<'killed'>((resolve) => {
    freeze = () => resolve('killed');
  });
  const steps = publishSteps(`${phase}:${n}`, ctx.logger, undefined, freeze);
  return Promise.race([killed, run({ steps, liveness: deadHere() }).then(() => 'finished' as const)]);
}

/** The steps of one run's publish (phase 'publish'), in the order the hook numbers them. */
export async function recordSteps(run: (hooks: RunHooks) => Promise<unknown>, ctx: IoContext, phase: StepPhase = 'publish'): Promise<string[]> {
  const seen: string[] = [];
  const base = publishSteps(undefined, ctx.logger);
  const steps: Steps = {
    parallel: 1,
    async next(p, what, opts) {
      if (p === phase) seen.push(what.replace(/[0-9a-f]{12}/g, 'TXID').replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'));
      return base.next(p, what, opts);
    },
  };
  await run({ steps });
  return seen;
}
