import { randomUUID } from 'node:crypto';
import type { BigQuery, Table } from '@google-cloud/bigquery';
import { inputError } from '../errors.js';
import { readCsvString } from './csv-read.js';
import { bigqueryClient } from './clients.js';
import { checkDeadline, cloudFailure, describeApiError, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext, WriteOptions } from './context.js';
import { csvField } from './bq-rows.js';
import { checkColumnNames } from './bq-names.js';
import { jobError, runJob } from './bq-jobs-run.js';
import type { BqUri } from './bq-read.js';
import type { SchemaField } from './write-table.js';
import { checkLayout, effectiveLayout, layoutSpec, type LayoutSpec, type TableLayout } from './bq-layout.js';

/** A column of an explicit schema (write-table.ts: the tables' definitions give theirs). */
export type BqField = SchemaField;

/**
 * A table's rows checked against BigQuery's rules before any request: the header is within the
 * schema, the names are BigQuery's, and for an append the partition column is a DATE of the
 * schema and every row's value a yyyy-mm-dd date. Rows are grouped by that date (sorted).
 */
export interface BqRows {
  readonly header: string[];
  readonly rows: string[][];
  readonly schema: Field[];
  /** The partition column of an append; undefined for an overwrite. */
  readonly part?: string;
  readonly byDate: [string, string[][]][];
  /** The layout a new table gets (an append is partitioned by `part` whatever it says). */
  readonly layout?: TableLayout;
}

export function bqRows(uri: BqUri, csv: string, opts: WriteOptions & { schema: readonly BqField[] }): BqRows {
  const { header, rows } = readCsvString(csv, `the table for ${uri.text}`);
  const schema = opts.schema.map((f) => ({ name: f.name, type: f.type, mode: 'NULLABLE', ...(f.description ? { description: f.description } : {}) }));
  if (schema.length === 0) throw inputError('schema_missing', `writing ${uri.text}: BigQuery targets need an explicit schema`);
  for (const h of header)
    if (!schema.some((f) => f.name === h))
      throw inputError('column_unknown', `writing ${uri.text}: column '${h}' is not in the schema (${schema.map((f) => f.name).join(', ')})`);
  checkColumnNames(
    schema.map((f) => f.name),
    uri.text,
  );
  checkLayout(opts.layout, schema, uri.text);
  const layout = opts.layout;
  const part = opts.mode === 'append' ? (opts.partitionColumn ?? 'run_date') : undefined;
  if (!part) return { header, rows, schema, byDate: [], layout };
  if (schema.find((f) => f.name === part)?.type !== 'DATE')
    throw inputError('column_missing', `appending to ${uri.text}: partition column '${part}' must be a DATE column of the schema`);
  const pi = header.indexOf(part);
  if (pi < 0) throw inputError('column_missing', `appending to ${uri.text}: the rows have no '${part}' column to partition by`);
  const byDate = new Map<string, string[][]>();
  for (const r of rows) {
    const d = r[pi] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw inputError('bad_date', `appending to ${uri.text}: ${part} '${d}' is not a yyyy-mm-dd date`);
    if (!byDate.has(d)) byDate.set(d, []);
    byDate.get(d)!.push(r);
  }
  return { header, rows, schema, part, byDate: [...byDate].sort(), layout };
}

/** The CSV a load sends: `fields` in order, each row's cells projected onto them. */
export function loadCsv(fields: readonly Field[], header: readonly string[], rows: readonly string[][]): string {
  const order = fields.map((f) => header.indexOf(f.name));
  const line = (r: readonly string[]) => order.map((i) => csvField(i < 0 ? '' : (r[i] ?? ''))).join(',');
  return `${fields.map((f) => csvField(f.name)).join(',')}\n${rows.map((r) => line(r) + '\n').join('')}`;
}

/**
 * Load a CSV table into BigQuery with an explicit schema (never autodetect).
 * - `overwrite`: one load job, WRITE_TRUNCATE.
 * - `append`: the table is partitioned by DAY on `partitionColumn` (default run_date); each
 *   distinct date is loaded into `table$YYYYMMDD` with WRITE_TRUNCATE, so loading the same week
 *   twice leaves one copy (https://cloud.google.com/bigquery/docs/managing-partitioned-table-data).
 * - Each load gets a new job id (`loadJobId`), reused only by its own retries: a retry after a
 *   lost response gets 409, and the existing job is checked instead of loading twice.
 * - The table is created when missing, with column descriptions.
 */
export async function writeBqTable(uri: BqUri, csv: string, ctx: IoContext, opts: WriteOptions & { schema: readonly BqField[] }): Promise<void> {
  checkDeadline(ctx, `writing ${uri.text}`);
  const p = bqRows(uri, csv, opts);
  const bq = await bigqueryClient(ctx);
  const table = bq.dataset(uri.dataset, { projectId: uri.project }).table(uri.table);
  const meta = await ensureTable(table, p.schema, p.part, uri.text, ctx, p.layout);
  // An append keeps the table's columns (a new version of the tool may add some: they are added
  // with ALLOW_FIELD_ADDITION); a whole-table overwrite takes this schema, as BigQuery does, and
  // names the table's own partitioning and clustering, which it keeps.
  const fields = p.part ? appendSchema(meta.schema?.fields ?? [], p.schema, uri.text) : p.schema;
  const keep = p.part ? {} : layoutSpec(effectiveLayout(meta, p.layout, uri.text, ctx.logger));
  const spec: LoadSpec = { schema: fields, location: meta.location, ...keep, ...(p.part ? { schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'] } : {}) };
  const load = (tableId: string, rows: string[][], partition: string) =>
    loadOnce(bq, uri, tableId, loadCsv(fields, p.header, rows), spec, ctx, () => loadJobId(uri, partition));
  if (!p.part) {
    await load(uri.table, p.rows, 'all');
    return;
  }
  for (const [d, rows] of p.byDate) await load(`${uri.table}$${d.replace(/-/g, '')}`, rows, d);
}

/** What the writer needs to know of an existing table. */
export interface TableMeta {
  location?: string;
  type?: string;
  schema?: { fields?: Field[] };
  timePartitioning?: { type?: string; field?: string };
  clustering?: { fields?: string[] };
  numRows?: string;
}
export interface Field {
  name: string;
  type: string;
  mode?: string;
  description?: string;
}

/** BigQuery's legacy type names for the ones the schemas use. */
const LEGACY: Record<string, string> = { INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' };

/**
 * The schema of an append into an existing table: its columns in its order (each of ours must
 * keep its type), then our columns it lacks, which the load adds (ALLOW_FIELD_ADDITION).
 */
export function appendSchema(existing: readonly Field[], ours: readonly Field[], text: string): Field[] {
  const added = ours.filter((f) => !existing.some((e) => e.name.toLowerCase() === f.name.toLowerCase()));
  const kept = existing.map((e) => {
    const f = ours.find((o) => o.name.toLowerCase() === e.name.toLowerCase());
    const type = LEGACY[e.type.toUpperCase()] ?? e.type.toUpperCase();
    if (f && f.type !== type)
      throw inputError(
        'column_type',
        `appending to ${text}: column '${e.name}' is ${type} in the table but ${f.type} in the rows; recreate the table or write with mode overwrite`,
      );
    return f ? { ...e, name: f.name } : e;
  });
  return [...kept, ...added];
}

/** The table's metadata, or null when it does not exist. */
export async function tableMeta(table: Table, text: string, ctx: IoContext): Promise<TableMeta | null> {
  try {
    return (await withRetry(ctx, `stat ${text}`, () => table.getMetadata()))[0] as TableMeta;
  } catch (err) {
    if (statusOf(err) === 404 && /Table/i.test(describeApiError(err).reason)) return null;
    throw cloudFailure('BigQuery', 'stat', text, err);
  }
}

/** An existing table the tool may write into: a TABLE, and for an append partitioned by DAY on `part`. */
export function checkTableMeta(meta: TableMeta, part: string | undefined, text: string): void {
  if (meta.type && meta.type !== 'TABLE')
    throw inputError('not_a_table', `writing ${text}: it is a ${meta.type}, not a table; BigQuery loads only into tables`);
  const by = meta.timePartitioning;
  if (part && (by?.field !== part || (by.type ?? 'DAY') !== 'DAY')) {
    const now = by ? `by ${by.type ?? 'DAY'} on '${by.field ?? '_PARTITIONTIME'}'` : 'not partitioned';
    throw inputError('not_partitioned', `appending to ${text}: the table is ${now}, not by DAY on '${part}'; recreate it or write with mode overwrite`);
  }
}

/** Create the table when missing, laid out as `layout` says; returns its metadata (its location above all). */
export async function ensureTable(
  table: Table,
  schema: object[],
  part: string | undefined,
  text: string,
  ctx: IoContext,
  layout?: TableLayout,
): Promise<TableMeta> {
  const meta = await tableMeta(table, text, ctx);
  if (meta) {
    checkTableMeta(meta, part, text);
    return meta;
  }
  try {
    const spec = layoutSpec(layout, part);
    const [, created] = await withRetry(ctx, `create ${text}`, () => table.create({ schema: { fields: schema }, ...spec } as never));
    ctx.logger.info({ table: text, partitionedBy: spec.timePartitioning?.field, clusteredBy: spec.clustering?.fields }, `created BigQuery table ${text}`);
    return created as TableMeta;
  } catch (err) {
    if (statusOf(err) !== 409) throw cloudFailure('BigQuery', 'create table', text, err);
    return (await tableMeta(table, text, ctx)) ?? {};
  }
}

/**
 * A new load job id: the table and partition for whoever reads the job list, and a random part,
 * so that no load is ever answered with an earlier load's job (BigQuery keeps ids for months).
 */
export function loadJobId(uri: BqUri, partition: string): string {
  const safe = `${uri.project}_${uri.dataset}_${uri.table}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 900);
  return `forecast_load_${safe}_${partition.replace(/-/g, '')}_${randomUUID().replace(/-/g, '')}`;
}

/**
 * One load job into `tableId` (a table or a `$YYYYMMDD` partition) in the table's own project and
 * its dataset's `location`. The upload is retried under the same job id; a 409 means an earlier
 * attempt of this very load created the job, which is then looked up where it lives (the table's
 * project and location). A job that failed for a retryable reason is submitted again under a new
 * id from `newJobId`.
 */
export interface LoadSpec extends LayoutSpec {
  schema: object[];
  location?: string;
  schemaUpdateOptions?: string[];
  createIfNeeded?: boolean;
}

export async function loadOnce(bq: BigQuery, uri: BqUri, tableId: string, csv: string, spec: LoadSpec, ctx: IoContext, newJobId: () => string): Promise<void> {
  const { location } = spec;
  const target = bq.dataset(uri.dataset, { projectId: uri.project, location }).table(tableId, { location });
  const what = tableId === uri.table ? uri.text : `bq://${uri.project}.${uri.dataset}.${tableId}`;
  const { job, meta } = await runJob(ctx, what, 'load', newJobId, (jobId) =>
    withRetry(ctx, `load ${what}`, () => upload(target, csv, jobId, spec)).catch((err: unknown) => {
      if (statusOf(err) === 409) {
        ctx.logger.info({ jobId }, `load job ${jobId} already exists (an earlier attempt whose answer was lost); checking its status`);
        return bq.job(jobId, { projectId: uri.project, location });
      }
      const e = (err as { errors?: { reason?: string; message?: string }[] }).errors?.[0];
      if (e?.reason && statusOf(err) === undefined) throw jobError(e.reason, e.message ?? '', what, 'load');
      throw cloudFailure('BigQuery', 'load', what, err);
    }),
  );
  ctx.logger.info(
    { jobId: job.id, table: what, rows: (meta as { statistics?: { load?: { outputRows?: string } } }).statistics?.load?.outputRows },
    `loaded ${what}`,
  );
}

/** The client's multipart upload to /upload/bigquery/v2/projects/P/jobs, as a promise of the Job. */
function upload(table: Table, csv: string, jobId: string, spec: LoadSpec): Promise<import('@google-cloud/bigquery').Job> {
  return new Promise((resolve, reject) => {
    const stream = (table as unknown as { createWriteStream_(m: object): NodeJS.WritableStream & NodeJS.EventEmitter }).createWriteStream_({
      sourceFormat: 'CSV',
      skipLeadingRows: 1,
      schema: { fields: spec.schema },
      writeDisposition: 'WRITE_TRUNCATE',
      createDisposition: spec.createIfNeeded ? 'CREATE_IF_NEEDED' : 'CREATE_NEVER',
      allowQuotedNewlines: true,
      jobId,
      ...(spec.schemaUpdateOptions ? { schemaUpdateOptions: spec.schemaUpdateOptions } : {}),
      ...(spec.timePartitioning ? { timePartitioning: spec.timePartitioning } : {}),
      ...(spec.clustering ? { clustering: spec.clustering } : {}),
    });
    stream.on('error', reject);
    stream.on('job', (job: import('@google-cloud/bigquery').Job) => resolve(job));
    stream.end(csv);
  });
}
