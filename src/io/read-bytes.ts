import { readFile } from 'node:fs/promises';
import { inputError } from '../errors.js';
import type { IoContext } from './context.js';
import { fsError } from './fs-error.js';
import type { Uri } from './uri.js';

/**
 * The bytes of a local file or a gs:// object as stored (no decompression), with the object's
 * generation, or null when it does not exist: for the small files of an out dir (a manifest, a
 * journal, a table to append to).
 */
export async function readBytesIfAny(uri: Uri, ctx: IoContext): Promise<{ data: Buffer; generation?: string } | null> {
  if (uri.kind === 'gs') {
    const { readGcsObject } = await import('./gcs.js');
    return readGcsObject(uri, ctx);
  }
  if (uri.kind !== 'file') throw inputError('bad_uri', `${uri.text}: expected a local path or a gs:// URI`);
  try {
    return { data: await readFile(uri.path) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(e, uri.path);
  }
}
