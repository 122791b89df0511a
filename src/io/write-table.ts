import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { closedPipeError, inputError, isClosedPipe } from '../errors.js';
import { fsError } from './fs-error.js';
import type { IoContext, WriteOptions } from './context.js';
import { mergeAppend } from './append-rows.js';
import { writeFileAtomic } from './atomic-write.js';
import { isGzipName, type Uri } from './uri.js';

/** A BigQuery column, for `bq://` targets (explicit schemas, never autodetect). */
export interface SchemaField {
  readonly name: string;
  readonly type: 'STRING' | 'DATE' | 'FLOAT64' | 'INT64' | 'BOOL' | 'TIMESTAMP';
  readonly description?: string;
}

/**
 * Write a CSV table to any target, completely or not at all. `overwrite` replaces it; `append`
 * merges by `opts.key` so a re-run replaces its own rows instead of duplicating them (local and
 * gs:// by read-merge-write, bq:// by partition decorator + WRITE_TRUNCATE).
 */
export async function writeTable(uri: Uri, csv: string, ctx: IoContext, opts: WriteOptions & { schema?: readonly SchemaField[] }): Promise<void> {
  switch (uri.kind) {
    case 'stdio':
      return writeStdout(ctx, csv);
    case 'file': {
      let text = csv;
      if (opts.mode === 'append') text = mergeAppend(await readLocalText(uri.path), csv, opts.key ?? ['run_date']);
      await writeFileAtomic(uri.path, isGzipName(uri.path) ? gzipSync(text) : text);
      return;
    }
    case 'gs': {
      const { writeGcsTable } = await import('./gcs.js');
      return writeGcsTable(uri, csv, ctx, opts);
    }
    case 'bq': {
      const { writeBqTable } = await import('./bigquery.js');
      return writeBqTable(uri, csv, ctx, { ...opts, schema: opts.schema ?? [] });
    }
  }
}

async function readLocalText(path: string): Promise<string | null> {
  try {
    const buf = await readFile(path);
    const { gunzipSync } = await import('node:zlib');
    return (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(e, path);
  }
}

/** Write raw bytes (a model file, a manifest, a PNG) to a local path or gs:// object. */
export async function writeBytes(uri: Uri, data: string | Uint8Array, ctx: IoContext, contentType = 'application/octet-stream'): Promise<void> {
  switch (uri.kind) {
    case 'stdio':
      return writeStdout(ctx, data);
    case 'file':
      return writeFileAtomic(uri.path, data);
    case 'gs': {
      const { writeGcsObject } = await import('./gcs.js');
      return writeGcsObject(uri, typeof data === 'string' ? Buffer.from(data) : Buffer.from(data), ctx, { contentType });
    }
    case 'bq':
      throw inputError('bad_uri', `${uri.text}: a BigQuery table cannot hold this file; use a path or gs:// URI`);
  }
}

/**
 * Write to the context's stdout (the process's by default), resolving once the data is flushed
 * to it. A reader that closed the pipe early (`| head`) is `signal.sigpipe`, exit 141, as a
 * shell reports any program SIGPIPE stopped.
 */
export function writeStdout(ctx: IoContext, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => (ctx.stdout ?? process.stdout).write(data, (e) => (e ? reject(isClosedPipe(e) ? closedPipeError() : e) : resolve())));
}
