import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsError } from './fs-error.js';

/**
 * Write a file so that readers see either the old or the new content, never a partial one:
 * write a temp file in the same directory, fsync it, rename it over the target, then fsync the
 * directory so the rename itself survives a crash. Filesystem errors become exit-2 messages
 * naming the path.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    const d = await open(dir, 'r');
    await d.sync().finally(() => d.close());
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw fsError(e, path);
  }
}
