import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { cloudError } from '../errors.js';
import type { IoContext } from './context.js';
import { joinUri, parseUri } from './uri.js';

/** What a lock holds: who took it and until when it counts (a crashed run's lock expires). */
interface LockBody {
  readonly owner: string;
  readonly runDate: string;
  readonly expiresAt: number;
}

export const LOCK_NAME = '.forecast.lock';

/**
 * Take the output folder's lock for the publish phase, so two runs on the same outputs never
 * interleave their files: locally an exclusive-create file, on gs:// a create-only object
 * (`ifGenerationMatch: 0`). The loser fails clean with `cloud.locked` (exit 3, try again later)
 * before writing anything. A lock past its expiry (a crashed run) is taken over, guarded by
 * the generation on gs://. Returns the release function.
 */
export async function acquireRunLock(outDir: string, ctx: IoContext, body: LockBody, now: () => number = Date.now): Promise<() => Promise<void>> {
  const uri = parseUri(joinUri(outDir, LOCK_NAME), 'lock');
  const data = Buffer.from(JSON.stringify(body));
  const held = (b: LockBody | null) =>
    cloudError('locked', `${uri.text} is held by run ${b?.owner ?? '?'} (run date ${b?.runDate ?? '?'}) until ${b ? new Date(b.expiresAt).toISOString() : '?'}; another run is publishing to ${outDir}, try again later`);
  if (uri.kind === 'gs') {
    const { createGcsObjectIfAbsent, readGcsObject, putGuarded, deleteGcsObject } = await import('./gcs.js');
    if (!(await createGcsObjectIfAbsent(uri, data, ctx))) {
      const existing = await readGcsObject(uri, ctx);
      const b = existing ? parseBody(existing.data) : null;
      if (existing && b && b.expiresAt > now()) throw held(b);
      await putGuarded(uri, data, existing?.generation ?? '0', ctx, { contentType: 'application/json' }).catch(() => {
        throw held(b);
      });
    }
    return () => deleteGcsObject(uri, ctx);
  }
  if (uri.kind !== 'file') return async () => {};
  await mkdir(outDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(uri.path, 'wx');
      await fh.writeFile(data);
      await fh.close();
      return () => rm(uri.path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? held(null) : e;
      const b = parseBody(await readFile(uri.path).catch(() => Buffer.from('')));
      if (b && b.expiresAt > now()) throw held(b);
      await rm(uri.path, { force: true });
    }
  }
}

function parseBody(data: Buffer): LockBody | null {
  try {
    const o = JSON.parse(data.toString('utf8')) as LockBody;
    return typeof o.expiresAt === 'number' ? o : null;
  } catch {
    return null;
  }
}
