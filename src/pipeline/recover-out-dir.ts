import type { IoContext } from '../io/context.js';
import { basename, dirname, join, resolve } from 'node:path';
import { listDir, removePath } from '../io/durable-file.js';
import type { Folder } from '../io/uri.js';
import { discard, rollForward } from './publish-apply.js';
import { readJournal } from './publish-journal.js';
import type { Steps } from './publish-steps.js';

export interface RecoverResult {
  /** What became of an unfinished publish: none found, completed, or given up. */
  readonly journal: 'none' | 'rolled-forward' | 'discarded';
  readonly runId?: string;
  /** Temp files a killed run left, removed. */
  readonly tempsRemoved: readonly string[];
}

/** A temp a killed run may leave in a local out dir: a half-written file, a lock or a journal (`.NAME.RANDOM.tmp`). */
const TEMP = /^\..+\.tmp$/;
/** The temp names `tempNameFor` and the journal give beside a file NAME: `.NAME.` and 12 hex digits, `.tmp`. */
const tempOf = (name: string) => new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.tmp$`);

/**
 * Run under the out dir's lock, first thing, by every publish and by `forecast recover`: complete
 * a committed journal (roll forward) or discard one still staging, then remove the temps a killed
 * run left: in a local out dir every `.*.tmp`, beside a local extra target (`targets`, and the
 * journal's) only that file's temps. On gs:// every staged object is named by the journal.
 */
export async function recoverOutDir(outDir: Folder, ctx: IoContext, steps: Steps, targets: readonly string[] = []): Promise<RecoverResult> {
  const found = await readJournal(outDir, ctx);
  let journal: RecoverResult['journal'] = 'none';
  if (found) {
    const { journal: j, generation } = found;
    if (j.state === 'committed') {
      ctx.logger.warn({ outDir: outDir.text, runId: j.runId }, `completing the publish of run ${j.runId}, which was interrupted after its commit`);
      await rollForward(outDir, j, generation, ctx, steps, 'recover');
      journal = 'rolled-forward';
    } else {
      ctx.logger.warn({ outDir: outDir.text, runId: j.runId }, `discarding the publish of run ${j.runId}, which was interrupted while staging`);
      await discard(outDir, j, generation, ctx, steps, 'recover');
      journal = 'discarded';
    }
  }
  const tempsRemoved: string[] = [];
  const sweep = async (dir: string, isTemp: (name: string) => boolean) => {
    for (const name of (await listDir(dir)).filter(isTemp)) {
      await steps.next('recover', `remove the temp ${name}`);
      await removePath(join(dir, name));
      tempsRemoved.push(join(dir, name));
    }
  };
  if (outDir.kind === 'file') await sweep(outDir.path, (n) => TEMP.test(n));
  const local = (found?.journal.items ?? []).filter((it) => it.kind === 'file' && it.name === undefined).map((it) => it.target);
  for (const target of new Set([...targets, ...local])) {
    if (outDir.kind !== 'file' || resolve(dirname(target)) !== resolve(outDir.path)) await sweep(dirname(target), (n) => tempOf(basename(target)).test(n));
  }
  if (tempsRemoved.length)
    ctx.logger.warn({ outDir: outDir.text, temps: tempsRemoved }, `removed ${tempsRemoved.length} temp files a killed run left in ${outDir.text}`);
  return { journal, ...(found ? { runId: found.journal.runId } : {}), tempsRemoved };
}
