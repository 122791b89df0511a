import { randomBytes } from 'node:crypto';
import type { IoContext } from '../io/context.js';
import type { Liveness } from '../io/lock-owner.js';
import { acquireRunLock } from '../io/run-lock.js';
import { childUri, type Folder } from '../io/uri.js';
import type { OutputFile } from './build-outputs.js';
import type { PublishTargets } from './config.js';
import type { Deadline } from './deadline.js';
import { stageItem } from './journal-items.js';
import { discard, rollForward } from './publish-apply.js';
import { readJournal, writeJournal, type Journal, type JournalItem } from './publish-journal.js';
import { checkPublish, planPublish } from './publish-plan.js';
import { interrupted, publishSteps, type Steps } from './publish-steps.js';
import { recoverOutDir } from './recover-out-dir.js';
import { MANIFEST_NAME } from './run-folders.js';
import { settleEach } from './settle-all.js';

export { SAFE_NAME } from './publish-plan.js';

/** The longest a publish may hold the lock, whatever the deadline. */
export const MAX_PUBLISH_MS = 10 * 60_000;
/** How long a lock outlives its publish's own bound: clock skew between machines, and cleanup. */
export const LOCK_MARGIN_MS = 15_000;
/** Time allowed past the deadline to discard what was staged and release the lock after a failure. */
const CLEANUP_GRACE_MS = 2_000;

export interface PublishRunOptions {
  readonly outDir: Folder;
  readonly publish: PublishTargets;
  readonly ctx: IoContext;
  readonly now: () => number;
  readonly runDate: string;
  readonly deadline: Deadline;
  /** Run facts for manifest.json; outputs, stage timings and elapsed time are added here. */
  readonly manifest: Record<string, unknown>;
  /** The step counter (the crash harness's hook, signals); from FORECAST_FAULT_AT by default. */
  readonly steps?: Steps;
  /** How the lock tells whether a holder on this machine is alive; the kernel's by default. */
  readonly liveness?: Liveness;
}

/**
 * Publish a run's outputs as one transaction (docs/reliability.md):
 * 0. check every target before the first write;
 * 1. take the out dir's lock; complete or discard an unfinished publish, remove old temps;
 * 2. write the journal (state `staging`), then stage every output: the out dir's in a new run
 *    folder `runs/RUN_ID/`, an extra target's in a temp beside it or a BigQuery staging table;
 * 3. commit: the journal again (state `committed`, with the manifest), the point of no return;
 * 4. roll forward: top-level files, objects and tables replaced, manifest.json written last,
 *    staged copies removed, journal removed; then the lock is released.
 * A failure or a signal before 3 removes what was staged; after 3 the next run completes it.
 * Readers going through manifest.json see the whole old run or the whole new one at any time.
 * Returns the URIs written.
 */
export async function publishRun(files: readonly OutputFile[], o: PublishRunOptions): Promise<string[]> {
  const { deadline, now, outDir } = o;
  const checked = checkPublish(files, o.publish);
  const steps = o.steps ?? publishSteps(o.ctx.settings.faultAt, o.ctx.logger, o.ctx.signal);
  const leaseEnd = now() + Math.min(Math.max(deadline.remainingMs(), 0), MAX_PUBLISH_MS);
  const ctx: IoContext = { ...o.ctx, remainingMs: () => Math.min(deadline.remainingMs(), leaseEnd - now()) };
  const grace: IoContext = { ...ctx, remainingMs: () => Math.max(ctx.remainingMs(), 0) + CLEANUP_GRACE_MS };
  await steps.next('publish', `take the lock of ${outDir.text}`, { interruptible: true });
  const release = await acquireRunLock(outDir, grace, { runDate: o.runDate, expiresAt: leaseEnd + LOCK_MARGIN_MS }, now, o.liveness);
  try {
    await recoverOutDir(
      outDir,
      ctx,
      steps,
      checked.extra.flatMap((e) => (e.uri.kind === 'file' ? [e.uri.path] : [])),
    );
    const txid = randomBytes(6).toString('hex');
    const { journal, planned } = await planPublish(files, checked, { outDir, runDate: o.runDate, txid, ctx });
    let generation: string | undefined;
    let committed: Journal;
    try {
      await steps.next('publish', 'write the journal', { interruptible: true });
      generation = await writeJournal(outDir, journal, ctx);
      const staged: JournalItem[] = await settleEach(planned, steps.parallel, async (p) => {
        await steps.next('publish', `stage ${p.item.staged}`, { interruptible: true });
        return stageItem(p.item, p.data, ctx);
      });
      deadline.lap('publish');
      committed = { ...journal, state: 'committed', items: staged, manifest: manifestOf(o, journal, staged) };
      await steps.next('publish', 'commit the journal', { interruptible: true });
      if (steps.signal?.aborted) throw interrupted(steps.signal);
      generation = await writeJournal(outDir, committed, ctx, generation);
    } catch (e) {
      await giveUp(outDir, journal, grace, steps).catch((err: unknown) =>
        o.ctx.logger.warn({ outDir: outDir.text, err: String(err) }, 'could not remove what was staged; the next run will'),
      );
      throw e;
    }
    await rollForward(outDir, committed, generation, ctx, steps, 'publish');
    if (steps.signal?.aborted) {
      o.ctx.logger.warn(
        { outDir: outDir.text, runId: committed.runId },
        `${String(steps.signal.reason)} arrived after the commit point: the publish was completed`,
      );
    }
    return [...targetsOf(committed, true), ...new Set(targetsOf(committed, false)), childUri(outDir, MANIFEST_NAME).text];
  } finally {
    await steps.next('publish', 'release the lock');
    await release();
  }
}

/** The targets of the out dir's files (`true`) or of the extra destinations. */
function targetsOf(j: Journal, outDirFiles: boolean): string[] {
  return j.items.filter((it) => (it.kind !== 'bq' && it.name !== undefined) === outDirFiles).map((it) => it.target);
}

/**
 * Discard the staged outputs, unless the journal on disk says the commit happened (its write
 * failed only as far as we could tell): then it is left for the next run to complete.
 */
async function giveUp(outDir: Folder, journal: Journal, ctx: IoContext, steps: Steps): Promise<void> {
  const now = await readJournal(outDir, ctx);
  if (now && now.journal.txid !== journal.txid) return;
  if (now?.journal.state === 'committed') return;
  await discard(outDir, journal, now?.generation, ctx, steps, 'publish');
}

/**
 * manifest.json: the run's facts, then every output with the checksum of the bytes written, its
 * top-level `uri` and its `file` in the run folder (with its `generation` on gs://), which is
 * what a reader reads; `published` lists the extra destinations.
 */
function manifestOf(o: PublishRunOptions, j: Journal, items: readonly JournalItem[]): Record<string, unknown> {
  return {
    ...o.manifest,
    txid: j.txid,
    runId: j.runId,
    runDir: `runs/${j.runId}`,
    elapsedMs: o.deadline.elapsedMs(),
    stages: o.deadline.timings(),
    outputs: items.flatMap((it) =>
      it.kind !== 'bq' && it.name !== undefined
        ? [
            {
              name: it.name,
              uri: it.target,
              file: `runs/${j.runId}/${it.name}`,
              sha256: it.sha256,
              bytes: it.bytes,
              ...(it.kind === 'gs' ? { generation: it.generation } : {}),
            },
          ]
        : [],
    ),
    published: [...new Set(targetsOf(j, false))],
  };
}
