import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir, tempNameFor, writeSynced } from './durable-file.js';
import { fsError } from './fs-error.js';
import { trackTemp } from './temp-files.js';

/**
 * Write a file so that readers see either the old or the new content, never a partial one:
 * write a temp file in the same directory, fsync it, rename it over the target, then fsync the
 * directory so the rename itself survives a crash. Filesystem errors become exit-2 messages
 * naming the path.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = tempNameFor(path);
  const untrack = trackTemp(tmp);
  try {
    await writeSynced(tmp, data, 'wx');
    await rename(tmp, path);
    await syncDir(dir);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw fsError(e, path);
  } finally {
    untrack();
  }
}
