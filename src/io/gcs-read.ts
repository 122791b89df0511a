import { PassThrough, type Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { inputError, cloudError, isForecastError, type ForecastError } from '../errors.js';
import { storageClient } from './clients.js';
import { checkDeadline, cloudFailure, isServiceLimit, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext } from './context.js';
import { isGzipName, type GsUri } from './uri.js';

export type { GsUri };

interface ObjectMeta {
  generation?: string | number;
  contentEncoding?: string;
  size?: string | number;
  md5Hash?: string;
  timeCreated?: string;
}

/**
 * Object metadata, or null when the object does not exist. Transient failures are retried by the
 * client (metadata GETs are idempotent), and by `withRetry` for what the client does not retry
 * (a 403 rate or quota limit); anything else persistent becomes `cloud.gcs_stat`.
 */
export async function statGcsObject(uri: GsUri, ctx: IoContext): Promise<ObjectMeta | null> {
  checkDeadline(ctx, `reading ${uri.text}`);
  const storage = await storageClient(ctx);
  try {
    const [meta] = await withRetry(ctx, `stat ${uri.text}`, () => storage.bucket(uri.bucket).file(uri.object).getMetadata(), { retryIf: isServiceLimit });
    return meta as ObjectMeta;
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw cloudFailure('Cloud Storage', 'stat', uri.text, err);
  }
}

/**
 * `input.not_found` for an object that is not there, naming the bucket when it is the bucket that
 * is missing (a mistyped bucket name reads as a missing object otherwise). Costs one more request,
 * on the failure path only; a bucket this account cannot inspect counts as present.
 */
async function missingObjectError(uri: GsUri, ctx: IoContext): Promise<ForecastError> {
  const storage = await storageClient(ctx);
  const [bucketExists] = await storage
    .bucket(uri.bucket)
    .exists()
    .catch(() => [true]);
  return bucketExists
    ? inputError('not_found', `Cloud Storage object ${uri.text} does not exist`)
    : inputError('not_found', `${uri.text}: Cloud Storage bucket '${uri.bucket}' does not exist, or this account cannot see it`);
}

/**
 * Stream an object's decompressed bytes. The read is pinned to the generation seen in the
 * metadata so a concurrent overwrite cannot splice two versions. Decompression:
 * objects stored with `Content-Encoding: gzip` are gunzipped by the client (it asks for gzip and
 * validates the stored hashes); a `.gz` object stored as plain bytes is gunzipped here. A
 * truncated gzip ends the stream with `input.bad_gzip`, never a silently short table.
 * Failures before the first byte are retried; a missing object is `input.not_found`.
 */
export async function openGcsRead(uri: GsUri, ctx: IoContext): Promise<Readable> {
  const meta = await statGcsObject(uri, ctx);
  if (!meta) throw await missingObjectError(uri, ctx);
  const storage = await storageClient(ctx);
  const file = storage.bucket(uri.bucket).file(uri.object, { generation: meta.generation as string | number });
  // The client already retries the download request; one more attempt here covers a connection
  // dropped after the response started but before the first byte.
  const source = await withRetry(ctx, `read ${uri.text}`, () => started(file.createReadStream({ decompress: true })), { maxAttempts: 2 }).catch(
    (err: unknown) => {
      throw readFailure(uri, err);
    },
  );
  const out = new PassThrough();
  const fail = (err: unknown): void => {
    out.destroy(readFailure(uri, err));
  };
  source.on('error', fail);
  if (needsGunzip(uri, meta)) {
    const gunzip = createGunzip();
    gunzip.on('error', fail);
    source.pipe(gunzip).pipe(out);
  } else {
    source.pipe(out);
  }
  out.on('close', () => source.destroy());
  return out;
}

/**
 * Read a whole (small) object: config files, the existing table of an append. Returns the
 * decompressed bytes and the generation they belong to, or null when the object is missing.
 */
export async function readGcsObject(uri: GsUri, ctx: IoContext): Promise<{ data: Buffer; generation: string } | null> {
  const meta = await statGcsObject(uri, ctx);
  if (!meta) return null;
  const storage = await storageClient(ctx);
  const file = storage.bucket(uri.bucket).file(uri.object, { generation: meta.generation as string | number });
  let data: Buffer;
  try {
    [data] = await withRetry(ctx, `read ${uri.text}`, () => file.download(), { maxAttempts: 2 });
  } catch (err) {
    if (statusOf(err) === 404) return readGcsObject(uri, ctx); // replaced between stat and read
    throw readFailure(uri, err);
  }
  if (needsGunzip(uri, meta)) {
    try {
      data = gunzipSync(data);
    } catch (err) {
      throw readFailure(uri, err);
    }
  }
  return { data, generation: String(meta.generation) };
}

/** The names of the objects under `prefix` in `bucket` (every page), for sweeping a folder. */
export async function listGcsObjects(bucket: string, prefix: string, ctx: IoContext): Promise<string[]> {
  checkDeadline(ctx, `listing gs://${bucket}/${prefix}`);
  const storage = await storageClient(ctx);
  try {
    const [files] = await withRetry(ctx, `list gs://${bucket}/${prefix}`, () => storage.bucket(bucket).getFiles({ prefix, autoPaginate: true }), {
      retryIf: isServiceLimit,
    });
    return files.map((f) => f.name);
  } catch (err) {
    throw cloudFailure('Cloud Storage', 'list', `gs://${bucket}/${prefix}`, err);
  }
}

/** A `.gz` name whose bytes the client will not decompress (no stored Content-Encoding). */
function needsGunzip(uri: GsUri, meta: ObjectMeta): boolean {
  return isGzipName(uri.object) && meta.contentEncoding !== 'gzip';
}

/** Resolve once the stream has data (or ended), so HTTP failures surface while a retry is still possible. */
function started(s: Readable): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const done = (err?: unknown): void => {
      s.off('error', done);
      s.off('readable', ok);
      s.off('end', ok);
      if (err) {
        s.destroy();
        reject(err);
      } else resolve(s);
    };
    const ok = (): void => done();
    s.once('error', done);
    s.once('readable', ok);
    s.once('end', ok);
  });
}

function readFailure(uri: GsUri, err: unknown): Error {
  if (isForecastError(err)) return err;
  const e = err as { code?: unknown; message?: string };
  if (typeof e?.code === 'string' && /^Z_/.test(e.code)) {
    return inputError('bad_gzip', `${uri.text} is not a complete gzip stream: ${e.message ?? e.code}`, err);
  }
  if (e?.code === 'CONTENT_DOWNLOAD_MISMATCH') {
    return cloudError('gcs_read_corrupt', `Cloud Storage read ${uri.text} failed: the downloaded bytes do not match the object's checksum`, err);
  }
  if (statusOf(err) === 404) return inputError('not_found', `Cloud Storage object ${uri.text} does not exist`, err);
  return cloudFailure('Cloud Storage', 'read', uri.text, err);
}
