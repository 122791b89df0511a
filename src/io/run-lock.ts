import { link, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cloudError } from '../errors.js';
import type { IoContext } from './context.js';
import { syncDir, writeDurable } from './durable-file.js';
import { fsError } from './fs-error.js';
import { isStale, newLockBody, parseLockBody, processLiveness, type LockBody, type Liveness } from './lock-owner.js';
import { trackTemp } from './temp-files.js';
import { childUri, type Folder } from './uri.js';

export const LOCK_NAME = '.forecast.lock';
/** The longest a lock counts, whatever the deadline: a huge --deadline still gives a lock that expires. */
export const MAX_LOCK_MS = 11 * 60_000;
/** A takeover marker older than this belongs to a taker that died. */
const MARKER_STALE_MS = 10_000;

/**
 * Take the output folder's lock for the publish phase, so two runs on the same outputs never
 * interleave their files. The loser fails clean with `cloud.locked` (exit 3, try again later).
 *
 * - The holder's identity is in the lock from the moment it exists: locally a fsynced temp file
 *   is hard-linked into place (create-only); on gs:// one create-only object
 *   (`ifGenerationMatch: 0`). No reader ever sees an empty or half-written lock.
 * - A stale lock (see `isStale`: expired, or its process gone on this machine) is taken over by
 *   compare-and-swap on what was read: on gs:// a write guarded by the generation read; locally
 *   the lock's inode is first linked to an exclusive marker, and only if that marker is the very
 *   inode and bytes that were read is the new lock renamed over it. Of two contenders, one wins.
 * - The expiry is capped at MAX_LOCK_MS from now, so it is always finite.
 *
 * The returned release removes the lock only while it is still this run's (locally under the
 * same marker, on gs:// guarded by generation) and never throws: a failed release is logged.
 */
export async function acquireRunLock(
  outDir: Folder,
  ctx: IoContext,
  lock: { runDate: string; expiresAt: number },
  now: () => number = Date.now,
  live: Liveness = processLiveness(),
): Promise<() => Promise<void>> {
  const uri = childUri(outDir, LOCK_NAME);
  const cap = now() + MAX_LOCK_MS;
  const body = newLockBody(lock.runDate, Number.isFinite(lock.expiresAt) ? Math.min(lock.expiresAt, cap) : cap, live);
  const data = Buffer.from(JSON.stringify(body));
  const held = (b: LockBody | null) =>
    cloudError(
      'locked',
      `${uri.text} is held by another run (run date ${b?.runDate ?? '?'}) until ${b ? new Date(b.expiresAt).toISOString() : '?'}; another run is publishing to ${outDir.text}, try again later`,
    );
  const safely = (release: () => Promise<void>) => async () => {
    await release().catch((e: unknown) => ctx.logger.warn({ lock: uri.text, err: String(e) }, 'could not release the output lock; it expires by itself'));
  };
  const tookOver = (b: LockBody | null) =>
    ctx.logger.warn({ lock: uri.text, holder: b?.owner, expiresAt: b?.expiresAt }, `took over the stale lock ${uri.text}`);

  if (uri.kind === 'gs') {
    const { createGcsObjectIfAbsent, readGcsObject, statGcsObject, putGuarded, deleteGcsObject } = await import('./gcs.js');
    let acquired = await createGcsObjectIfAbsent(uri, data, ctx);
    for (let attempt = 0; !acquired && attempt < 2; attempt++) {
      const existing = await readGcsObject(uri, ctx);
      if (!existing) {
        acquired = await createGcsObjectIfAbsent(uri, data, ctx);
        continue;
      }
      const b = parseLockBody(existing.data);
      const writtenAt = b ? 0 : Date.parse((await statGcsObject(uri, ctx))?.timeCreated ?? '') || now();
      if (!isStale(b, writtenAt, now(), live)) throw held(b);
      await putGuarded(uri, data, existing.generation, ctx, { contentType: 'application/json' }).catch((e: unknown) => {
        throw (e as { code?: string }).code === 'cloud.conflict' ? held(b) : e;
      });
      tookOver(b);
      acquired = true;
    }
    if (!acquired) throw held(null);
    // Delete only the generation read as ours: if the lock expired and another run took it over
    // between the read and the delete, its lock stays (412).
    return safely(async () => {
      const current = await readGcsObject(uri, ctx);
      if (current && parseLockBody(current.data)?.owner === body.owner) await deleteGcsObject(uri, ctx, current.generation);
    });
  }
  const path = uri.path;
  const marker = join(dirname(path), `${LOCK_NAME}.takeover.tmp`);
  const tmp = join(dirname(path), `${LOCK_NAME}.${body.owner}.tmp`);
  const untrack = trackTemp(tmp);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeDurable(tmp, data);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await linkNew(tmp, path)) return safely(() => releaseLocal(path, marker, data));
      const seen = await readLock(path);
      if (!seen) continue;
      const b = parseLockBody(seen.data);
      if (!isStale(b, seen.mtimeMs, now(), live)) throw held(b);
      const outcome = await takeOver(path, marker, tmp, seen, now);
      if (outcome === 'taken') {
        tookOver(b);
        return safely(() => releaseLocal(path, marker, data));
      }
      if (outcome === 'held') throw held(b);
    }
    throw held(null);
  } catch (e) {
    throw fsError(e, path);
  } finally {
    await rm(tmp, { force: true }).catch(() => {});
    untrack();
  }
}

/** Link our lock into place if there is none; false when one exists. Our temp swept by a holder means one exists. */
async function linkNew(tmp: string, path: string): Promise<boolean> {
  try {
    await link(tmp, path);
    await syncDir(dirname(path));
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw e;
  }
}

interface SeenLock {
  readonly data: Buffer;
  readonly ino: number;
  readonly mtimeMs: number;
}

async function readLock(path: string): Promise<SeenLock | null> {
  try {
    const data = await readFile(path);
    const st = await stat(path);
    return { data, ino: st.ino, mtimeMs: st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The local compare-and-swap: link the current lock to the exclusive marker (so nobody else can
 * take it over, nor its inode be reused, meanwhile), check it is still the inode and bytes we
 * read, and rename our lock over it. 'retry' when the lock vanished or a dead taker's marker was
 * cleared; 'held' when someone else got there first.
 */
async function takeOver(path: string, marker: string, tmp: string, seen: SeenLock, now: () => number): Promise<'taken' | 'held' | 'retry'> {
  try {
    await link(path, marker);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'retry';
    if (code !== 'EEXIST') throw e;
    const m = await stat(marker).catch(() => null);
    if (m && now() - m.ctimeMs > MARKER_STALE_MS) {
      await rm(marker, { force: true });
      return 'retry';
    }
    return 'held';
  }
  const untrack = trackTemp(marker);
  try {
    const st = await stat(marker);
    if (st.ino !== seen.ino || !(await readFile(marker)).equals(seen.data)) return 'held';
    await rename(tmp, path);
    await syncDir(dirname(path));
    return 'taken';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'held';
    throw e;
  } finally {
    await rm(marker, { force: true });
    untrack();
  }
}

/** Remove our lock under the marker, so a takeover cannot slip in between the check and the removal. */
async function releaseLocal(path: string, marker: string, ours: Buffer): Promise<void> {
  try {
    await link(path, marker);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EEXIST') throw new Error(`another run is taking over ${path} (ours expired)`, { cause: e });
    throw e;
  }
  const untrack = trackTemp(marker);
  try {
    if ((await readFile(marker)).equals(ours)) {
      await rm(path, { force: true });
      await syncDir(dirname(path));
    }
  } finally {
    await rm(marker, { force: true });
    untrack();
  }
}
