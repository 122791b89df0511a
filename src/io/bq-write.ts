import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { BigQuery, Table } from '@google-cloud/bigquery';
import { inputError } from '../errors.js';
import { bigqueryClient } from './clients.js';
import { checkDeadline, cloudFailure, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext, WriteOptions } from './context.js';
import { csvField } from './bq-rows.js';
import { jobError, waitForJob } from './bq-jobs-run.js';
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
 * - Job ids are derived from table + partition + content hash: a retry after a lost response gets
 *   409, and we check the existing job's status instead of loading twice.
 * - The table is created when missing, with column descriptions.
 */
export async function writeBqTable(uri: BqUri, csv: string, ctx: IoContext, opts: WriteOptions & { schema: BqField[] }): Promise<void> {
  checkDeadline(ctx, `writing ${uri.text}`);
  const { header, rows } = parseCsv(csv, uri.text);
  const schema = opts.schema.map((f) => ({ name: f.name, type: f.type, mode: 'NULLABLE', ...(f.description ? { description: f.description } : {}) }));
  if (schema.length === 0) throw inputError('schema_missing', `writing ${uri.text}: BigQuery targets need an explicit schema`);
  for (const h of header) if (!schema.some((f) => f.name === h)) throw inputError('column_unknown', `writing ${uri.text}: column '${h}' is not in the schema (${schema.map((f) => f.name).join(', ')})`);
  const order = schema.map((f) => header.indexOf(f.name));
  const project = (r: string[]): string => order.map((i) => csvField(i < 0 ? '' : r[i] ?? '')).join(',');
  const part = opts.mode === 'append' ? opts.partitionColumn ?? 'run_date' : undefined;
  if (part && schema.find((f) => f.name === part)?.type !== 'DATE') throw inputError('column_missing', `appending to ${uri.text}: partition column '${part}' must be a DATE column of the schema`);

  const bq = await bigqueryClient(ctx);
  const table = bq.dataset(uri.dataset, { projectId: uri.project }).table(uri.table);
  await ensureTable(table, schema, part, uri.text, ctx);
  const headerLine = schema.map((f) => csvField(f.name)).join(',');
  if (!part) {
    await loadOnce(bq, uri, uri.table, `${headerLine}\n${rows.map((r) => project(r) + '\n').join('')}`, 'WRITE_TRUNCATE', 'all', schema, ctx);
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
    const decorated = `${uri.table}$${d.replace(/-/g, '')}`;
    await loadOnce(bq, uri, decorated, `${headerLine}\n${lines.map((l) => l + '\n').join('')}`, 'WRITE_TRUNCATE', d, schema, ctx);
  }
}

function parseCsv(csv: string, what: string): { header: string[]; rows: string[][] } {
  const r = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = r.data;
  if (header.length === 0) throw inputError('empty', `writing ${what}: the table has no header row`);
  return { header, rows };
}

async function ensureTable(table: Table, schema: object[], part: string | undefined, text: string, ctx: IoContext): Promise<void> {
  const [exists] = await withRetry(ctx, `stat ${text}`, () => table.exists()).catch((err: unknown) => {
    throw cloudFailure('BigQuery', 'stat', text, err);
  });
  if (exists) {
    if (part) {
      const [meta] = (await table.getMetadata()) as unknown as [{ timePartitioning?: { field?: string } }];
      if (meta.timePartitioning?.field !== part) {
        throw inputError('not_partitioned', `appending to ${text}: the table is not partitioned by DAY on '${part}'; recreate it or write with mode overwrite`);
      }
    }
    return;
  }
  try {
    await withRetry(ctx, `create ${text}`, () => table.create({ schema: { fields: schema }, ...(part ? { timePartitioning: { type: 'DAY', field: part } } : {}) } as never));
    ctx.logger.info({ table: text, partitionedBy: part }, `created BigQuery table ${text}`);
  } catch (err) {
    if (statusOf(err) !== 409) throw cloudFailure('BigQuery', 'create table', text, err);
  }
}

/** Deterministic job id: table, partition (run date) and content hash. */
export function loadJobId(uri: BqUri, partition: string, csv: string): string {
  const hash = createHash('sha256').update(csv).digest('hex').slice(0, 20);
  const safe = `${uri.project}_${uri.dataset}_${uri.table}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 900);
  return `forecast_load_${safe}_${partition.replace(/-/g, '')}_${hash}`;
}

async function loadOnce(bq: BigQuery, uri: BqUri, tableId: string, csv: string, disposition: string, partition: string, schema: object[], ctx: IoContext): Promise<void> {
  const jobId = loadJobId(uri, partition, csv);
  const target = bq.dataset(uri.dataset, { projectId: uri.project }).table(tableId);
  const what = `${uri.text}${tableId.includes('$') ? tableId.slice(tableId.indexOf('$')) : ''}`;
  const job = await withRetry(ctx, `load ${what}`, () => upload(target, csv, jobId, disposition, schema)).catch(async (err: unknown) => {
    if (statusOf(err) === 409) {
      ctx.logger.info({ jobId }, `load job ${jobId} already exists (an earlier attempt); checking its status`);
      return bq.job(jobId);
    }
    const e = (err as { errors?: { reason?: string; message?: string }[] }).errors?.[0];
    if (e?.reason && statusOf(err) === undefined) throw jobError(e.reason, e.message ?? '', what, 'load');
    throw cloudFailure('BigQuery', 'load', what, err);
  });
  const meta = await waitForJob(job, ctx, what, 'load');
  ctx.logger.info({ jobId, table: what, rows: (meta as { statistics?: { load?: { outputRows?: string } } }).statistics?.load?.outputRows }, `loaded ${what}`);
}

/** The client's multipart upload to /upload/bigquery/v2/projects/P/jobs, as a promise of the Job. */
function upload(table: Table, csv: string, jobId: string, disposition: string, schema: object[]): Promise<import('@google-cloud/bigquery').Job> {
  return new Promise((resolve, reject) => {
    const stream = (table as unknown as { createWriteStream_(m: object): NodeJS.WritableStream & NodeJS.EventEmitter }).createWriteStream_({
      sourceFormat: 'CSV', skipLeadingRows: 1, schema: { fields: schema }, writeDisposition: disposition,
      createDisposition: 'CREATE_NEVER', allowQuotedNewlines: true, jobId,
    });
    stream.on('error', reject);
    stream.on('job', (job: import('@google-cloud/bigquery').Job) => resolve(job));
    stream.end(csv);
  });
}
