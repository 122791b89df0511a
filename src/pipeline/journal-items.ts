import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import { fileSha256, linkReplace, removePath, writeDurable } from '../io/durable-file.js';
import { gsObject, parseGsUri, parseUri, type Folder } from '../io/uri.js';
import type { BqItem, GsItem, JournalItem } from './publish-journal.js';

const gs = (text: string) => parseGsUri(text, 'object');

/**
 * What each kind of journal item does at each step of a publish. Staging writes a name nobody
 * reads; applying makes the target the staged content (and can be done again: the staged copy
 * stays until cleanup); cleanup removes staged copies outside the run folder; discarding removes
 * everything staged (a publish given up before its commit).
 */

/** Stage the item's bytes (or, for BigQuery, its CSV); a gs:// item comes back with its generation. */
export async function stageItem(item: JournalItem, data: string | Buffer, ctx: IoContext): Promise<JournalItem> {
  switch (item.kind) {
    case 'file':
      await writeDurable(item.staged, data);
      return item;
    case 'gs': {
      const { putGuarded } = await import('../io/gcs.js');
      const generation = await putGuarded(gs(item.staged), Buffer.from(data), '0', ctx, {
        contentType: item.contentType,
        contentEncoding: item.contentEncoding,
      });
      return { ...item, generation };
    }
    case 'bq': {
      const { stageBqTable } = await import('../io/bq-stage.js');
      await stageBqTable(item, data.toString(), ctx);
      return item;
    }
  }
}

/** Make the target the staged content; checks the staged copy is still what was staged. */
export async function applyItem(item: JournalItem, ctx: IoContext): Promise<void> {
  switch (item.kind) {
    case 'file': {
      const sha = await fileSha256(item.staged);
      if (sha !== item.sha256) throw lost(item.staged, item.target, sha === undefined ? 'is gone' : 'has changed since it was staged');
      return linkReplace(item.staged, item.target);
    }
    case 'gs':
      return applyGs(item, ctx);
    case 'bq': {
      const { applyBqStage } = await import('../io/bq-stage.js');
      return applyBqStage(item, ctx);
    }
  }
}

async function applyGs(item: GsItem, ctx: IoContext): Promise<void> {
  const { copyGcsObject, statGcsObject } = await import('../io/gcs.js');
  const now = await statGcsObject(gs(item.target), ctx);
  if (now?.md5Hash === item.md5) return;
  const staged = await statGcsObject(gs(item.staged), ctx);
  if (staged?.md5Hash !== item.md5) throw lost(item.staged, item.target, staged ? 'has changed since it was staged' : 'is gone');
  await copyGcsObject(gs(item.staged), gs(item.target), now ? String(now.generation) : '0', item.md5, ctx);
}

function lost(staged: string, target: string, why: string): Error {
  return inputError(
    'staging_lost',
    `${staged} ${why}; the publish to ${target} cannot be completed: remove the out dir's .forecast-journal.json to give it up`,
  );
}

/** After the manifest: remove a staged copy that is not the run folder's. */
export async function cleanupItem(item: JournalItem, ctx: IoContext): Promise<void> {
  if (item.kind !== 'bq' && item.name !== undefined) return;
  return discardItem(item, ctx);
}

/** Remove what was (or may have been) staged for the item; a missing one is fine. */
export async function discardItem(item: JournalItem, ctx: IoContext, awaitLoads = false): Promise<void> {
  switch (item.kind) {
    case 'file':
      return removePath(item.staged);
    case 'gs': {
      const { deleteGcsObject } = await import('../io/gcs.js');
      return deleteGcsObject(gs(item.staged), ctx);
    }
    case 'bq': {
      const { dropBqStage } = await import('../io/bq-stage.js');
      return dropBqStage(item as BqItem, ctx, awaitLoads);
    }
  }
}

/** Remove a top-level file or object (a previous run's output this run does not write). */
export async function removeTarget(uri: string, ctx: IoContext): Promise<void> {
  const u = parseUri(uri, 'output');
  if (u.kind === 'gs') {
    const { deleteGcsObject } = await import('../io/gcs.js');
    return deleteGcsObject(u, ctx);
  }
  if (u.kind === 'file') return removePath(u.path);
}

/** Remove a run folder: a local folder, or every object under a gs:// prefix. */
export async function removeFolder(dir: Folder, ctx: IoContext): Promise<void> {
  if (dir.kind === 'file') return removePath(dir.path);
  const { deleteGcsObject, listGcsObjects } = await import('../io/gcs.js');
  for (const name of await listGcsObjects(dir.bucket, dir.prefix, ctx)) await deleteGcsObject(gsObject(dir.bucket, name), ctx);
}
