import { copyFile, link, mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fsError } from './fs-error.js';
import { trackTemp } from './temp-files.js';

/**
 * Local file steps of a publish that survive a crash: every write is fsynced with its folder
 * before the next step relies on it, and every replacement is a rename, so a file is its old or
 * its new content. Filesystem errors become exit-2 messages naming the path.
 */

/** Create the folder of `path`, write `data` to it (`wx`: only if new) and fsync the file. */
export async function writeSynced(path: string, data: string | Uint8Array, flag: 'w' | 'wx'): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const fh = await open(path, flag);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Write `data` to `path` (a name nobody reads yet) and fsync it and its folder. */
export async function writeDurable(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeSynced(path, data, 'w');
    await syncDir(dirname(path));
  } catch (e) {
    throw fsError(e, path);
  }
}

/**
 * Replace `target` by the content of `source`, which stays in place (a hard link, or a copy on a
 * file system without links) through a temp name in the target's folder and a rename, so a
 * reader of `target` sees its old or its new content and doing it twice changes nothing.
 */
export async function linkReplace(source: string, target: string): Promise<void> {
  const tmp = tempNameFor(target);
  const untrack = trackTemp(tmp);
  try {
    // Already linked (a step done again): rename() of two links to one file does nothing and
    // would leave the temp name behind.
    const [s, t] = await Promise.all([stat(source), stat(target).catch(() => null)]);
    if (t && t.ino === s.ino && t.dev === s.dev) return;
    await link(source, tmp).catch(async (e: NodeJS.ErrnoException) => {
      if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK'].includes(e.code ?? '')) throw e;
      await copyFile(source, tmp);
      const fh = await open(tmp, 'r+');
      await fh.sync().finally(() => fh.close());
    });
    await rename(tmp, target);
    await syncDir(dirname(target));
  } catch (e) {
    throw fsError(e, target);
  } finally {
    await rm(tmp, { force: true }).catch(() => {});
    untrack();
  }
}

/** A temp name beside `path`: `.NAME.RANDOM.tmp`, the pattern the next run sweeps after a crash. */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** fsync a folder, so the names created or renamed in it survive a crash. */
export async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  await d.sync().finally(() => d.close());
}

/** Remove a file or a folder with everything in it; a missing one is fine. */
export async function removePath(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (e) {
    throw fsError(e, path);
  }
}

/** The sha256 (hex) of a file's bytes, or undefined when it does not exist. */
export async function fileSha256(path: string): Promise<string | undefined> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fsError(e, path);
  }
}

/** The names in a folder (none when it does not exist). */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fsError(e, dir);
  }
}
