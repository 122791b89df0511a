import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { inputError } from '../errors.js';
import { fsError } from './fs-error.js';
import type { IoContext } from './context.js';
import { isGzipName, type Uri } from './uri.js';

/** Options for BigQuery sources (ignored elsewhere): query, params, location, bytes cap, extract prefix. */
export type ReadOptions = Omit<import('./bigquery.js').BqReadOptions, 'dryRun' | 'extractAboveBytes'>;

/**
 * Open a table's bytes, decompressed, as a stream: `-` is stdin, a path is a local file
 * (gunzipped when it ends in .gz or starts with the gzip magic bytes), `gs://` and `bq://` go
 * through the Google Cloud clients, which load only when such a URI is used.
 */
export async function openRead(uri: Uri, ctx: IoContext, opts: ReadOptions = {}): Promise<Readable> {
  switch (uri.kind) {
    case 'stdio':
      return (ctx.stdin ?? process.stdin) as Readable;
    case 'file':
      return openLocal(uri.path);
    case 'gs': {
      const { openGcsRead } = await import('./gcs.js');
      return openGcsRead(uri, ctx);
    }
    case 'bq': {
      const { openBqRead } = await import('./bigquery.js');
      return openBqRead(uri, ctx, opts);
    }
  }
}

async function openLocal(path: string): Promise<Readable> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw inputError('not_found', `${path} is a directory, expected a CSV file`);
  } catch (e) {
    throw fsError(e, path);
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (isGzipName(path)) return pipeGunzip(raw);
  return sniffGzip(raw);
}

function pipeGunzip(raw: Readable): Readable {
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Gunzip a stream whose first bytes are the gzip magic number, whatever its name. */
function sniffGzip(raw: Readable): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  raw.once('readable', () => {
    const head: Buffer | null = raw.read(2) ?? raw.read();
    if (head) raw.unshift(head);
    const src = head && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b ? pipeGunzip(raw) : raw;
    src.on('error', (e) => out.destroy(e));
    src.pipe(out);
  });
  raw.on('error', (e) => out.destroy(e));
  return out;
}
