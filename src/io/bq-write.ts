import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import type { BigQuery, Table } from '@google-cloud/bigquery';
import { inputError } from '../errors.js';
import { bigqueryClient } from './clients.js';
import { checkDeadline, cloudFailure, describeApiError, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext, WriteOptions } from './context.js';
import { csvField } from './bq-rows.js';
import { checkColumnNames } from './bq-names.js';
import { jobError, runJob } from './bq-jobs-run.js';
import type { BqUri } from './bq-read.js';

export interface BqField {
  name: string;
  type: 'STRING' | 'DATE' | 'FLOAT64' | 'INT64' | 'BOOL' | 'TIMESTAMP';
  description?: string;
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
export async function writeBqTable(uri: BqUri, csv: string, ctx: IoContext, opts: WriteOptions & { schema: BqField[] }): Promise<void> {
  checkDeadline(ctx, `writing ${uri.text}`);
  const { header, rows } = parseCsv(csv, uri.text);
  const schema = opts.schema.map((f) => ({ name: f.name, type: f.type, mode: 'NULLABLE', ...(f.description ? { description: f.description } : {}) }));
  if (schema.length === 0) throw inputError('schema_missing', `writing ${uri.text}: BigQuery targets need an explicit schema`);
  for (const h of header) if (!schema.some((f) => f.name === h)) throw inputError('column_unknown', `writing ${uri.text}: column '${h}' is not in the schema (${schema.map((f) => f.name).join(', ')})`);
  checkColumnNames(schema.map((f) => f.name), uri.text);
  const part = opts.mode === 'append' ? opts.partitionColumn ?? 'run_date' : undefined;
  if (part && schema.find((f) => f.name === part)?.type !== 'DATE') throw inputError('column_missing', `appending to ${uri.text}: partition column '${part}' must be a DATE column of the schema`);

  const bq = await bigqueryClient(ctx);
  const table = bq.dataset(uri.dataset, { projectId: uri.project }).table(uri.table);
  const meta = await ensureTable(table, schema, part, uri.text, ctx);
  // An append keeps the table's columns (a new version of the tool may add some: they are added
  // with ALLOW_FIELD_ADDITION); a whole-table overwrite takes this schema, as BigQuery does.
  const fields = part ? appendSchema(meta.schema?.fields ?? [], schema, uri.text) : schema;
  const order = fields.map((f) => header.indexOf(f.name));
  const project = (r: string[]): string => order.map((i) => csvField(i < 0 ? '' : r[i] ?? '')).join(',');
  const headerLine = fields.map((f) => csvField(f.name)).join(',');
  const load = (tableId: string, lines: string[], partition: string) => loadOnce(bq, uri, tableId, `${headerLine}\n${lines.map((l) => l + '\n').join('')}`, partition, {
    schema: fields, location: meta.location, ...(part ? { schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'] } : {}),
  }, ctx);
  if (!part) {
    await load(uri.table, rows.map(project), 'all');
    return;
  }
  const byDate = new Map<string, string[]>();
  const pi = header.indexOf(part);
  if (pi < 0) throw inputError('column_missing', `appending to ${uri.text}: the rows have no '${part}' column to partition by`);
  for (const r of rows) {
    const d = r[pi] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw inputError('bad_date', `appending to ${uri.text}: ${part} '${d}' is not a yyyy-mm-dd date`);
    if (!byDate.has(d)) byDate.set(d, []);
    byDate.get(d)!.push(project(r));
  }
  for (const [d, lines] of [...byDate].sort()) {
    await load(`${uri.table}$${d.replace(/-/g, '')}`, lines, d);
  }
}

function parseCsv(csv: string, what: string): { header: string[]; rows: string[][] } {
  const r = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = r.data;
  if (header.length === 0) throw inputError('empty', `writing ${what}: the table has no header row`);
  return { header, rows };
}

/** What the writer needs to know of an existing table. */
interface TableMeta { location?: string; type?: string; schema?: { fields?: Field[] }; timePartitioning?: { type?: string; field?: string } }
interface Field { name: string; type: string; mode?: string; description?: string }

/** BigQuery's legacy type names for the ones the schemas use. */
const LEGACY: Record<string, string> = { INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' };

/**
 * The schema of an append into an existing table: its columns in its order (each of ours must
 * keep its type), then our columns it lacks, which the load adds (ALLOW_FIELD_ADDITION).
 */
function appendSchema(existing: readonly Field[], ours: readonly Field[], text: string): Field[] {
  const added = ours.filter((f) => !existing.some((e) => e.name.toLowerCase() === f.name.toLowerCase()));
  const kept = existing.map((e) => {
    const f = ours.find((o) => o.name.toLowerCase() === e.name.toLowerCase());
    const type = LEGACY[e.type.toUpperCase()] ?? e.type.toUpperCase();
    if (f && f.type !== type) throw inputError('column_type', `appending to ${text}: column '${e.name}' is ${type} in the table but ${f.type} in the rows; recreate the table or write with mode overwrite`);
    return f ? { ...e, name: f.name } : e;
  });
  return [...kept, ...added];
}

/** Create the table when missing; returns its metadata (its location above all). */
async function ensureTable(table: Table, schema: object[], part: string | undefined, text: string, ctx: IoContext): Promise<TableMeta> {
  const stat = async (): Promise<TableMeta | null> => {
    try {
      return (await withRetry(ctx, `stat ${text}`, () => table.getMetadata()))[0] as TableMeta;
    } catch (err) {
      if (statusOf(err) === 404 && /Table/i.test(describeApiError(err).reason)) return null;
      throw cloudFailure('BigQuery', 'stat', text, err);
    }
  };
  const meta = await stat();
  if (meta) {
    if (meta.type && meta.type !== 'TABLE') throw inputError('not_a_table', `writing ${text}: it is a ${meta.type}, not a table; BigQuery loads only into tables`);
    const by = meta.timePartitioning;
    if (part && (by?.field !== part || (by.type ?? 'DAY') !== 'DAY')) {
      const now = by ? `by ${by.type ?? 'DAY'} on '${by.field ?? '_PARTITIONTIME'}'` : 'not partitioned';
      throw inputError('not_partitioned', `appending to ${text}: the table is ${now}, not by DAY on '${part}'; recreate it or write with mode overwrite`);
    }
    return meta;
  }
  try {
    const [, created] = await withRetry(ctx, `create ${text}`, () => table.create({ schema: { fields: schema }, ...(part ? { timePartitioning: { type: 'DAY', field: part } } : {}) } as never));
    ctx.logger.info({ table: text, partitionedBy: part }, `created BigQuery table ${text}`);
    return created as TableMeta;
  } catch (err) {
    if (statusOf(err) !== 409) throw cloudFailure('BigQuery', 'create table', text, err);
    return (await stat()) ?? {};
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
 * project and location). A job that failed for a retryable reason is submitted again under a new id.
 */
interface LoadSpec { schema: object[]; location?: string; schemaUpdateOptions?: string[] }

async function loadOnce(bq: BigQuery, uri: BqUri, tableId: string, csv: string, partition: string, spec: LoadSpec, ctx: IoContext): Promise<void> {
  const { location } = spec;
  const target = bq.dataset(uri.dataset, { projectId: uri.project, location }).table(tableId, { location });
  const what = `${uri.text}${tableId.includes('$') ? tableId.slice(tableId.indexOf('$')) : ''}`;
  const { job, meta } = await runJob(ctx, what, 'load', () => loadJobId(uri, partition), (jobId) =>
    withRetry(ctx, `load ${what}`, () => upload(target, csv, jobId, spec)).catch((err: unknown) => {
      if (statusOf(err) === 409) {
        ctx.logger.info({ jobId }, `load job ${jobId} already exists (an earlier attempt whose answer was lost); checking its status`);
        return bq.job(jobId, { projectId: uri.project, location });
      }
      const e = (err as { errors?: { reason?: string; message?: string }[] }).errors?.[0];
      if (e?.reason && statusOf(err) === undefined) throw jobError(e.reason, e.message ?? '', what, 'load');
      throw cloudFailure('BigQuery', 'load', what, err);
    }));
  ctx.logger.info({ jobId: job.id, table: what, rows: (meta as { statistics?: { load?: { outputRows?: string } } }).statistics?.load?.outputRows }, `loaded ${what}`);
}

/** The client's multipart upload to /upload/bigquery/v2/projects/P/jobs, as a promise of the Job. */
function upload(table: Table, csv: string, jobId: string, spec: LoadSpec): Promise<import('@google-cloud/bigquery').Job> {
  return new Promise((resolve, reject) => {
    const stream = (table as unknown as { createWriteStream_(m: object): NodeJS.WritableStream & NodeJS.EventEmitter }).createWriteStream_({
      sourceFormat: 'CSV', skipLeadingRows: 1, schema: { fields: spec.schema }, writeDisposition: 'WRITE_TRUNCATE',
      createDisposition: 'CREATE_NEVER', allowQuotedNewlines: true, jobId,
      ...(spec.schemaUpdateOptions ? { schemaUpdateOptions: spec.schemaUpdateOptions } : {}),
    });
    stream.on('error', reject);
    stream.on('job', (job: import('@google-cloud/bigquery').Job) => resolve(job));
    stream.end(csv);
  });
}
