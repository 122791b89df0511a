import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { cloudError } from '../errors.js';
import { mergeAppend } from './append-rows.js';
import { storageClient } from './clients.js';
import { checkDeadline, cloudFailure, statusOf } from './cloud-failure.js';
import type { IoContext, WriteOptions } from './context.js';
import { readGcsObject, statGcsObject, type GsUri } from './gcs-read.js';
import { isGzipName } from './uri.js';

/**
 * Write a CSV table to Cloud Storage.
 *
 * - One non-resumable upload (small tables; a single request is cheaper and retried whole).
 * - Guarded by `ifGenerationMatch`: 0 when the object did not exist, else the generation read,
 *   so a concurrent writer is detected (412) instead of silently overwritten. The guard is also
 *   what makes the client library retry the upload at all (its RetryConditional policy).
 * - A 412 may mean our own earlier attempt landed and its response was lost: if the object's
 *   md5 equals what we sent it is success, otherwise `cloud.conflict` naming the object.
 * - `append`: read the existing table with its generation, merge rows idempotently by key
 *   (`mergeAppend`), write back guarded by that generation.
 * - `.gz` names are gzipped and stored with `Content-Encoding: gzip`, `Content-Type: text/csv`.
 */
export async function writeGcsTable(uri: GsUri, csv: string, ctx: IoContext, opts: WriteOptions): Promise<void> {
  checkDeadline(ctx, `writing ${uri.text}`);
  let text = csv;
  let generation: string;
  if (opts.mode === 'append') {
    const existing = await readGcsObject(uri, ctx);
    text = mergeAppend(existing ? existing.data.toString('utf8') : null, csv, opts.key ?? ['run_date']);
    generation = existing?.generation ?? '0';
  } else {
    const meta = await statGcsObject(uri, ctx);
    generation = meta ? String(meta.generation) : '0';
  }
  const gz = isGzipName(uri.object);
  const bytes = gz ? gzipSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
  await putGuarded(uri, bytes, generation, ctx, {
    contentType: opts.contentType ?? 'text/csv',
    ...(gz ? { contentEncoding: 'gzip' } : {}),
  });
  ctx.logger.info({ uri: uri.text, bytes: bytes.length, mode: opts.mode }, `wrote ${uri.text}`);
}

/**
 * Write raw bytes (a model file, a manifest, a PNG) replacing the object, guarded by the
 * generation read just before, like `writeGcsTable` in overwrite mode. No compression.
 */
export async function writeGcsObject(uri: GsUri, data: Buffer, ctx: IoContext, opts: { contentType?: string } = {}): Promise<void> {
  checkDeadline(ctx, `writing ${uri.text}`);
  const meta = await statGcsObject(uri, ctx);
  await putGuarded(uri, data, meta ? String(meta.generation) : '0', ctx, { contentType: opts.contentType ?? 'application/octet-stream' });
}

/**
 * Create-only write (`ifGenerationMatch: 0`): true when this call created the object, false when
 * it already existed (e.g. an event marker from an earlier delivery).
 */
export async function createGcsObjectIfAbsent(uri: GsUri, data: Buffer, ctx: IoContext, contentType = 'application/json'): Promise<boolean> {
  try {
    await putGuarded(uri, data, '0', ctx, { contentType });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'cloud.conflict') return false;
    throw err;
  }
}

/**
 * Upload `bytes` only if the object is still at `generation` ('0' = must not exist); see
 * `writeGcsTable` for the 412 handling. Returns the generation written.
 */
export async function putGuarded(
  uri: GsUri,
  bytes: Buffer,
  generation: string,
  ctx: IoContext,
  meta: { contentType: string; contentEncoding?: string },
): Promise<string> {
  const storage = await storageClient(ctx, { upload: true });
  const file = storage.bucket(uri.bucket).file(uri.object);
  try {
    await file.save(bytes, {
      resumable: false,
      contentType: meta.contentType,
      metadata: { contentType: meta.contentType, ...(meta.contentEncoding ? { contentEncoding: meta.contentEncoding } : {}) },
      preconditionOpts: { ifGenerationMatch: Number(generation) },
      validation: 'md5',
    });
    return String(file.metadata.generation);
  } catch (err) {
    if (statusOf(err) !== 412) throw cloudFailure('Cloud Storage', 'write', uri.text, err);
    return ownAfter412(uri, createHash('md5').update(bytes).digest('base64'), generation, 'write', ctx, err);
  }
}

/**
 * A 412 after a retried request may mean our own earlier attempt landed and its answer was lost:
 * when the object now holds what we sent (same md5), it is ours (its generation is returned);
 * otherwise another writer changed it, `cloud.conflict` naming the object.
 */
async function ownAfter412(uri: GsUri, md5: string, generation: string, what: string, ctx: IoContext, err: unknown): Promise<string> {
  const now = await statGcsObject(uri, ctx);
  if (now && (now as { md5Hash?: string }).md5Hash === md5) {
    ctx.logger.info({ uri: uri.text }, `${what} ${uri.text}: 412 after retry but the stored object is ours; treating as written`);
    return String(now.generation);
  }
  throw cloudError(
    'conflict',
    `Cloud Storage ${what} ${uri.text} failed: 412 conditionNotMet: the object changed while we wrote it ` +
      `(expected generation ${generation === '0' ? 'none (new object)' : generation}, now ${now ? String(now.generation) : 'deleted'}); another writer is active`,
    err,
  );
}

/**
 * Server-side copy (objects.rewrite) of `src` over `dest`, only if `dest` is still at
 * `generation` ('0' = must not exist); metadata (content type and encoding) comes with the bytes.
 * `md5` is the source's, for the 412 check. Returns the destination's new generation.
 */
export async function copyGcsObject(src: GsUri, dest: GsUri, generation: string, md5: string, ctx: IoContext): Promise<string> {
  checkDeadline(ctx, `copying ${src.text} to ${dest.text}`);
  const storage = await storageClient(ctx);
  const to = storage.bucket(dest.bucket).file(dest.object);
  try {
    const [, resp] = await storage
      .bucket(src.bucket)
      .file(src.object)
      .copy(to, { preconditionOpts: { ifGenerationMatch: Number(generation) } });
    return String((resp as { resource?: { generation?: string } }).resource?.generation);
  } catch (err) {
    if (statusOf(err) !== 412) throw cloudFailure('Cloud Storage', 'copy', `${src.text} to ${dest.text}`, err);
    return ownAfter412(dest, md5, generation, 'copy to', ctx, err);
  }
}

/**
 * Delete an object if it exists (a lock, a marker or a shard the run owns). With `generation`,
 * only that generation is deleted (`ifGenerationMatch`): an object replaced meanwhile by another
 * writer is left alone and the call fails with 412 (a cloud error).
 */
export async function deleteGcsObject(uri: GsUri, ctx: IoContext, generation?: string): Promise<void> {
  const storage = await storageClient(ctx);
  try {
    await storage
      .bucket(uri.bucket)
      .file(uri.object)
      .delete({ ignoreNotFound: true, ...(generation ? { ifGenerationMatch: generation } : {}) });
  } catch (err) {
    throw cloudFailure('Cloud Storage', 'delete', uri.text, err);
  }
}
