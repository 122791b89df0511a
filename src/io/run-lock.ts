import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { cloudError } from '../errors.js';
import type { IoContext } from './context.js';
import { fsError } from './fs-error.js';
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
 * before writing anything. A lock past its expiry (a crashed run) is taken over: locally by
 * renaming it away (only one contender's rename succeeds), on gs:// guarded by its generation.
 * The returned release removes the lock only while it is still this run's, and never throws
 * (a failed release is logged: the outputs are already written, and the lock expires).
 */
export async function acquireRunLock(
  outDir: string, ctx: IoContext, lock: { runDate: string; expiresAt: number }, now: () => number = Date.now,
): Promise<() => Promise<void>> {
  const uri = parseUri(joinUri(outDir, LOCK_NAME), 'lock');
  const body: LockBody = { owner: randomBytes(8).toString('hex'), ...lock };
  const data = Buffer.from(JSON.stringify(body));
  const held = (b: LockBody | null) =>
    cloudError('locked', `${uri.text} is held by another run (run date ${b?.runDate ?? '?'}) until ${b ? new Date(b.expiresAt).toISOString() : '?'}; another run is publishing to ${outDir}, try again later`);
  const ours = (raw: Buffer | undefined) => raw !== undefined && parseBody(raw)?.owner === body.owner;
  const safely = (release: () => Promise<void>) => async () => {
    await release().catch((e: unknown) => ctx.logger.warn({ lock: uri.text, err: String(e) }, 'could not release the output lock; it expires by itself'));
  };

  if (uri.kind === 'gs') {
    const { createGcsObjectIfAbsent, readGcsObject, putGuarded, deleteGcsObject } = await import('./gcs.js');
    if (!(await createGcsObjectIfAbsent(uri, data, ctx))) {
      const existing = await readGcsObject(uri, ctx);
      const b = existing ? parseBody(existing.data) : null;
      if (existing && b && b.expiresAt > now()) throw held(b);
      await putGuarded(uri, data, existing?.generation ?? '0', ctx, { contentType: 'application/json' }).catch((e: unknown) => {
        throw (e as { code?: string }).code === 'cloud.conflict' ? held(b) : e;
      });
    }
    // Delete only the generation read as ours: if the lock expired and another run took it over
    // between the read and the delete, its lock stays (412).
    return safely(async () => {
      const current = await readGcsObject(uri, ctx);
      if (current && ours(current.data)) await deleteGcsObject(uri, ctx, current.generation);
    });
  }
  if (uri.kind !== 'file') return async () => {};
  const path = uri.path;
  try {
    await mkdir(outDir, { recursive: true });
    for (let attempt = 0; ; attempt++) {
      try {
        const fh = await open(path, 'wx');
        await fh.writeFile(data);
        await fh.close();
        return safely(async () => {
          if (ours(await readFile(path).catch(() => undefined))) await rm(path, { force: true });
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const b = parseBody(await readFile(path).catch(() => Buffer.from('')));
        if (attempt > 0 || (b && b.expiresAt > now())) throw held(b);
        // Stale: move it aside; if another contender moved it first, our rename fails and we retry the create.
        await rename(path, `${path}.stale-${body.owner}`).then(() => rm(`${path}.stale-${body.owner}`, { force: true }), () => {});
      }
    }
  } catch (e) {
    throw fsError(e, path);
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
