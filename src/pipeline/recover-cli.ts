import type { IoContext } from '../io/context.js';
import { acquireRunLock } from '../io/run-lock.js';
import { Deadline } from './deadline.js';
import { parseDuration } from '../units.js';
import { publishSteps } from './publish-steps.js';
import { LOCK_MARGIN_MS, MAX_PUBLISH_MS } from './publish-run.js';
import { recoverOutDir, type RecoverResult } from './recover-out-dir.js';

/**
 * `forecast recover`: under the out dir's lock, complete a committed journal or discard a staging
 * one, and remove the temps a killed run left; what every run does before it publishes.
 */
export async function recoverCli(outDir: string, deadlineText: string, base: IoContext, now: () => number): Promise<RecoverResult> {
  const deadline = new Deadline(parseDuration(deadlineText, '--deadline'), now);
  const leaseEnd = now() + Math.min(Math.max(deadline.remainingMs(), 0), MAX_PUBLISH_MS);
  const ctx: IoContext = { ...base, remainingMs: () => Math.min(deadline.remainingMs(), leaseEnd - now()) };
  const steps = publishSteps(base.settings.faultAt, base.logger, base.signal);
  const release = await acquireRunLock(outDir, ctx, { runDate: 'recover', expiresAt: leaseEnd + LOCK_MARGIN_MS }, now);
  try {
    const r = await recoverOutDir(outDir, ctx, steps);
    ctx.logger.info({ outDir, ...r }, r.journal === 'none' ? `nothing to recover in ${outDir}` : `${r.journal} the publish of run ${r.runId} in ${outDir}`);
    return r;
  } finally {
    await release();
  }
}
