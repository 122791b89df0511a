import type { IoContext } from '../io/context.js';
import { writeBytes } from '../io/write-table.js';
import { childUri, parseFolder, subFolder, type Folder } from '../io/uri.js';
import { applyItem, cleanupItem, discardItem, removeFolder, removeTarget } from './journal-items.js';
import { deleteJournal, type Journal, type JournalItem } from './publish-journal.js';
import type { StepPhase, Steps } from './publish-steps.js';
import { MANIFEST_NAME, readManifest } from './run-folders.js';
import { settleEach } from './settle-all.js';

/**
 * Complete a committed journal (roll forward), in this order, each step idempotent so a crash at
 * any point is completed by the next run:
 * 1. apply every item (renames, object copies, BigQuery copy jobs) and remove the previous run's
 *    top-level files this run does not write;
 * 2. write manifest.json: from here on readers see the new run;
 * 3. remove the staged copies outside the run folder (temps, staging tables) and the run folders
 *    older than the previous run's;
 * 4. remove the journal.
 * Steps 1-2 are skipped when the manifest already names this journal's transaction.
 */
export async function rollForward(outDir: Folder, j: Journal, generation: string | undefined, ctx: IoContext, steps: Steps, phase: StepPhase): Promise<void> {
  const done = (await readManifest(outDir, ctx))?.txid === j.txid;
  if (!done) {
    await settleEach(j.items, steps.parallel, async (it) => {
      await steps.next(phase, `apply ${it.target}`);
      await applyItem(it, ctx);
    });
    for (const uri of j.deletes) {
      await steps.next(phase, `remove ${uri}`);
      await removeTarget(uri, ctx);
    }
    await steps.next(phase, 'write the manifest');
    await writeBytes(childUri(outDir, MANIFEST_NAME), JSON.stringify(j.manifest, null, 2) + '\n', ctx, 'application/json');
  }
  await settleEach(j.items.filter(outsideRunFolder), steps.parallel, async (it) => {
    await steps.next(phase, `remove the staged ${it.staged}`);
    await cleanupItem(it, ctx);
  });
  for (const uri of j.prune) {
    await steps.next(phase, `remove the old run folder ${uri}`);
    // The journal names each folder by its URI: read from the journal, so parsed here.
    await removeFolder(parseFolder(uri, 'run folder'), ctx);
  }
  await steps.next(phase, 'remove the journal');
  await deleteJournal(outDir, ctx, generation);
}

/** Staged copies that are not the run folder's: temps beside extra targets, staging tables. */
const outsideRunFolder = (it: JournalItem): boolean => it.kind === 'bq' || it.name === undefined;

/**
 * Give up a journal that was never committed: remove everything it may have staged (the run
 * folder, temps, staging tables; a BigQuery load a killed run left running is waited for), then
 * the journal. Readers saw none of it.
 */
export async function discard(outDir: Folder, j: Journal, generation: string | undefined, ctx: IoContext, steps: Steps, phase: StepPhase): Promise<void> {
  await settleEach(j.items.filter(outsideRunFolder), steps.parallel, async (it) => {
    await steps.next(phase, `discard the staged ${it.staged}`);
    await discardItem(it, ctx, true);
  });
  await steps.next(phase, `discard the run folder runs/${j.runId}`);
  await removeFolder(subFolder(outDir, `runs/${j.runId}`), ctx);
  await steps.next(phase, 'remove the journal');
  await deleteJournal(outDir, ctx, generation);
}
