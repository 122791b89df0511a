import { Command, Option } from 'commander';
import type { IoContext } from '../../io/context.js';
import type { RecoverResult } from '../../pipeline/recover-out-dir.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { duration, folderOption } from '../option-parsers.js';
import type { Folder } from '../../io/uri.js';

/** `forecast recover --out-dir DIR`: finish or discard an interrupted publish, remove a killed run's temps. */
export function recoverCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('recover')
    .description('complete (or discard) a publish interrupted by a crash, and remove its temps; every run does this first')
    .addOption(folderOption('--out-dir <dir>', 'output folder or gs:// prefix').makeOptionMandatory())
    .addOption(new Option('--deadline <duration>', 'stop cleanly before this').argParser(duration('--deadline')).default(60_000, '60s'))
    .action(async (o: { outDir: Folder; deadline: number }) => {
      deps.stopGracefully?.();
      const r = await recover(o.outDir, o.deadline, await ioContext(deps, globals()), deps.now);
      deps.stdout.write(`${JSON.stringify({ outDir: o.outDir.text, ...r })}\n`);
    });
}

/**
 * Under the out dir's lock, complete a committed journal or discard a staging one, and remove the
 * temps a killed run left; what every run does before it publishes.
 */
async function recover(outDir: Folder, deadlineMs: number, base: IoContext, now: () => number): Promise<RecoverResult> {
  const [{ acquireRunLock }, { Deadline }, { publishSteps }, { LOCK_MARGIN_MS, MAX_PUBLISH_MS }, { recoverOutDir }] = await Promise.all([
    import('../../io/run-lock.js'),
    import('../../pipeline/deadline.js'),
    import('../../pipeline/publish-steps.js'),
    import('../../pipeline/publish-run.js'),
    import('../../pipeline/recover-out-dir.js'),
  ]);
  const deadline = new Deadline(deadlineMs, now);
  const leaseEnd = now() + Math.min(Math.max(deadline.remainingMs(), 0), MAX_PUBLISH_MS);
  const ctx: IoContext = { ...base, remainingMs: () => Math.min(deadline.remainingMs(), leaseEnd - now()) };
  const steps = publishSteps(base.settings.faultAt, base.logger, base.signal);
  const release = await acquireRunLock(outDir, ctx, { runDate: 'recover', expiresAt: leaseEnd + LOCK_MARGIN_MS }, now);
  try {
    const r = await recoverOutDir(outDir, ctx, steps);
    ctx.logger.info(
      { outDir: outDir.text, ...r },
      r.journal === 'none' ? `nothing to recover in ${outDir.text}` : `${r.journal} the publish of run ${r.runId} in ${outDir.text}`,
    );
    return r;
  } finally {
    await release();
  }
}
