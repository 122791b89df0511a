import { dirname } from 'node:path';
import { acquireRunLock } from '../io/run-lock.js';
import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import type { ReadOptions } from '../io/open-read.js';
import { readText, streamText } from '../io/read-text.js';
import { localFolder, tableName, type Uri } from '../io/uri.js';
import { writeStdout, writeTable } from '../io/write-table.js';
import { inferSchema } from '../io/infer-schema.js';
import { readCsvString } from '../io/csv-read.js';
import { knownLayout, knownSchema } from './table-schema.js';

/**
 * A bq:// target's schema and layout: the tool's own table's when the header is one (partitioned
 * and clustered as run-all creates it), else a schema inferred from the content.
 */
function bqTable(csv: string, name: string) {
  const table = readCsvString(csv, name);
  return { schema: knownSchema(table.header) ?? inferSchema(table), layout: knownLayout(table.header) };
}

async function readAll(uri: Uri, ctx: IoContext, opts: ReadOptions = {}): Promise<string> {
  const text = await readText(uri, ctx, opts);
  if (text.trim() === '') throw inputError('empty', `${tableName(uri)} is empty: expected a CSV table`);
  return text;
}

export interface ExtractOptions {
  readonly from: Uri;
  readonly to: Uri;
  readonly query?: string;
  readonly param?: Record<string, unknown>;
  readonly location?: string;
  /** Bytes. */
  readonly maxBytesBilled?: number;
  readonly dryRun?: boolean;
  readonly extractVia?: string;
}

/** `forecast extract`: copy a table (file, gs://, bq:// table or query) to a CSV destination. */
export async function runExtract(o: ExtractOptions, ctx: IoContext): Promise<void> {
  const { query, to } = o;
  if (query !== undefined || o.dryRun) {
    const { openBqRead, dryRunQuery } = await import('../io/bigquery.js');
    const from = o.from.kind === 'stdio' ? null : o.from;
    if (from !== null && from.kind !== 'bq') throw inputError('bad_option', '--query and --dry-run need a bq:// source or none');
    const q = { query, params: o.param, location: o.location, maxBytesBilled: o.maxBytesBilled };
    if (o.dryRun) {
      const bytes = await dryRunQuery(from, ctx, q);
      await writeStdout(ctx, `${JSON.stringify({ dryRun: true, totalBytesProcessed: bytes })}\n`);
      return;
    }
    const csv = await streamText(await openBqRead(from, ctx, q));
    await writeTable(to, csv, ctx, { mode: 'overwrite', ...(to.kind === 'bq' ? bqTable(csv, 'the query result') : {}) });
    return;
  }
  const csv = await readAll(o.from, ctx, { location: o.location, maxBytesBilled: o.maxBytesBilled, extractVia: o.extractVia });
  await writeTable(to, csv, ctx, { mode: 'overwrite', ...(to.kind === 'bq' ? bqTable(csv, tableName(o.from)) : {}) });
}

/** `forecast publish`: write a CSV to its destination; append never duplicates a published run. */
export async function runPublish(o: { from: Uri; to: Uri; mode: 'overwrite' | 'append'; key: readonly string[] }, ctx: IoContext): Promise<void> {
  const { key, to } = o;
  const csv = await readAll(o.from, ctx);
  // A local append is read-merge-write: hold the folder's lock so two publishers cannot lose rows
  // (gs:// appends are guarded by the object's generation, bq:// by the partition load).
  const release =
    o.mode === 'append' && to.kind === 'file'
      ? await acquireRunLock(localFolder(dirname(to.path)), ctx, { runDate: 'publish', expiresAt: Date.now() + 10 * 60_000 })
      : async () => {};
  try {
    await writeTable(to, csv, ctx, { mode: o.mode, key, ...(to.kind === 'bq' ? bqTable(csv, tableName(o.from)) : {}) });
  } finally {
    await release();
  }
  ctx.logger.info({ to: to.text, mode: o.mode }, 'published');
}
