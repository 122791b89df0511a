import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BigQuery, Job, Table } from '@google-cloud/bigquery';
import { inputError } from '../errors.js';
import { bigqueryClient } from './clients.js';
import { checkDeadline, cloudFailure, isServiceLimit, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext } from './context.js';
import { csvFromPages, type ApiField, type ApiRow } from './bq-rows.js';
import { insertJob, runJob } from './bq-jobs-run.js';
import { gsObject, parseGsUri, type BqUri } from './uri.js';

export type { BqUri };

export interface BqReadOptions {
  /** A GoogleSQL query; values go in `params` as @named parameters, never into the text. */
  readonly query?: string;
  readonly params?: Record<string, unknown>;
  /** Where the data lives (EU/US/...): one job per location, as cross-region joins fail. */
  readonly location?: string;
  /** `maximumBytesBilled`: the job fails (exit 4) instead of billing more. */
  readonly maxBytesBilled?: string | number;
  /** Only estimate: log totalBytesProcessed and return an empty stream. */
  readonly dryRun?: boolean;
  /** gs:// prefix for exporting tables larger than `extractAboveBytes` (streamed back, not loaded whole). */
  readonly extractVia?: string;
  /** Table size above which `extractVia` is used (default 256 MiB, or FORECAST_BQ_EXTRACT_BYTES). */
  readonly extractAboveBytes?: number;
}

const PAGE = 10_000;
/** Table types tabledata.list cannot read (https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/list). */
const QUERY_ONLY = ['VIEW', 'MATERIALIZED_VIEW', 'EXTERNAL'];

/** Named query parameters with explicit types: yyyy-mm-dd strings are DATE, integers INT64. */
export function queryParameters(params: Record<string, unknown> = {}): Record<string, unknown>[] {
  return Object.entries(params).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw inputError('bad_param', `query parameter name '${name}' must be letters, digits and underscores`);
    const type =
      typeof value === 'boolean'
        ? 'BOOL'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'INT64'
            : 'FLOAT64'
          : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? 'DATE'
            : 'STRING';
    return { name, parameterType: { type }, parameterValue: { value: value === null || value === undefined ? null : String(value) } };
  });
}

/**
 * Open a BigQuery table or query result as CSV bytes with a header row.
 * - Table: tabledata.list pages (one page in memory at a time); views and external tables
 *   through a `SELECT *` query job; for tables over
 *   `extractAboveBytes` with `extractVia` set, an extract job to gzip CSV shards streamed back.
 * - Query (`q.query`, `uri` may be null): a query job, then jobs.getQueryResults pages.
 * - `dryRun`: the query is only validated and priced; its totalBytesProcessed is logged and an
 *   empty stream returned (use `dryRunQuery` to get the number).
 */
export async function openBqRead(uri: BqUri | null, ctx: IoContext, q: BqReadOptions = {}): Promise<Readable> {
  checkDeadline(ctx, `reading ${uri?.text ?? 'a BigQuery query'}`);
  const bq = await bigqueryClient(ctx);
  if (q.query) {
    if (q.dryRun) {
      await dryRunQuery(uri, ctx, q);
      return Readable.from([]);
    }
    return queryCsv(bq, ctx, q, uri?.text ?? 'query');
  }
  if (!uri) throw inputError('bad_uri', 'a BigQuery read needs a bq:// table or a query');
  const table = bq.dataset(uri.dataset, { projectId: uri.project }).table(uri.table);
  const meta = await tableMetadata(uri, ctx, table);
  if (meta.type && QUERY_ONLY.includes(meta.type)) {
    // tabledata.list refuses views and external tables: read them through a query job, in the
    // table's location, under the source's bytes cap.
    ctx.logger.debug({ table: uri.text, type: meta.type }, `reading the ${meta.type} ${uri.text} through a query`);
    return queryCsv(
      bq,
      ctx,
      { query: `SELECT * FROM \`${uri.project}.${uri.dataset}.${uri.table}\``, location: q.location ?? meta.location, maxBytesBilled: q.maxBytesBilled },
      uri.text,
    );
  }
  const schema = meta.schema?.fields ?? [];
  const threshold = q.extractAboveBytes ?? ctx.settings.bqExtractBytes;
  if (q.extractVia && Number(meta.numBytes ?? 0) > threshold) return extractCsv(bq, uri, ctx, q.extractVia, meta.location);
  return csvFromPages(tablePages(table, schema, ctx, uri.text), schema);
}

/** What tables.get says of a table: its schema, size, location and type (TABLE, VIEW, EXTERNAL, ...). */
export interface TableInfo {
  schema?: { fields?: ApiField[] };
  numBytes?: string;
  location?: string;
  type?: string;
}

/** tables.get of a bq:// table; a missing one is `input.not_found` naming it. */
export async function tableMetadata(uri: BqUri, ctx: IoContext, table?: Table): Promise<TableInfo> {
  const t = table ?? (await bigqueryClient(ctx)).dataset(uri.dataset, { projectId: uri.project }).table(uri.table);
  const [meta] = (await withRetry(ctx, `stat ${uri.text}`, () => t.getMetadata(), { retryIf: isServiceLimit }).catch((err: unknown) => {
    if (statusOf(err) === 404) throw inputError('not_found', `BigQuery table ${uri.text} does not exist`, err);
    throw cloudFailure('BigQuery', 'read', uri.text, err);
  })) as unknown as [TableInfo];
  return meta;
}

async function* tablePages(table: Table, schema: ApiField[], ctx: IoContext, text: string): AsyncGenerator<{ schema: ApiField[]; rows: ApiRow[] }> {
  let pageToken: string | undefined;
  do {
    checkDeadline(ctx, `reading ${text}`);
    const [rows, next] = (await withRetry(ctx, `read ${text}`, () =>
      table.getRows({ autoPaginate: false, maxResults: PAGE, skipParsing: true, ...(pageToken ? { pageToken } : {}) } as never),
    ).catch((err: unknown) => {
      throw cloudFailure('BigQuery', 'read', text, err);
    })) as unknown as [ApiRow[], { pageToken?: string } | null];
    yield { schema, rows: rows ?? [] };
    pageToken = next?.pageToken;
  } while (pageToken);
}

/** Run the query as a job and stream its result pages. */
async function queryCsv(bq: BigQuery, ctx: IoContext, q: BqReadOptions, what: string): Promise<Readable> {
  const { job, meta } = await runJob(
    ctx,
    what,
    'query',
    () => `forecast_query_${randomUUID()}`,
    (jobId) => insertJob(bq, { configuration: queryConfig(q, false) }, jobId, q.location, ctx, what, 'query'),
  );
  ctx.logger.info({ jobId: job.id, totalBytesProcessed: meta.statistics?.totalBytesProcessed }, `BigQuery query ${what} done`);
  return csvFromPages(resultPages(job, ctx, what));
}

async function* resultPages(job: Job, ctx: IoContext, what: string): AsyncGenerator<{ schema: ApiField[]; rows: ApiRow[] }> {
  let pageToken: string | undefined;
  do {
    checkDeadline(ctx, `reading ${what}`);
    const [rows, next, resp] = (await withRetry(ctx, `results ${what}`, () =>
      job.getQueryResults({ autoPaginate: false, maxResults: PAGE, skipParsing: true, ...(pageToken ? { pageToken } : {}) } as never),
    ).catch((err: unknown) => {
      throw cloudFailure('BigQuery', 'query', what, err);
    })) as unknown as [ApiRow[], { pageToken?: string } | null, { schema?: { fields?: ApiField[] } }];
    yield { schema: resp?.schema?.fields ?? [], rows: rows ?? [] };
    pageToken = next?.pageToken;
  } while (pageToken);
}

function queryConfig(q: BqReadOptions, dryRun: boolean): Record<string, unknown> {
  return {
    dryRun,
    query: {
      query: q.query,
      useLegacySql: false,
      parameterMode: 'NAMED',
      queryParameters: queryParameters(q.params),
      ...(q.maxBytesBilled !== undefined ? { maximumBytesBilled: String(q.maxBytesBilled) } : {}),
    },
  };
}

/**
 * Price a query without running it: totalBytesProcessed from a dry-run job (logged too).
 * `uri` only names the source in messages.
 */
export async function dryRunQuery(uri: BqUri | null, ctx: IoContext, q: BqReadOptions): Promise<number> {
  const bq = await bigqueryClient(ctx);
  const job = await insertJob(bq, { configuration: queryConfig(q, true) }, `forecast_dryrun_${randomUUID()}`, q.location, ctx, uri?.text ?? 'query', 'dry run');
  const stats = (job.metadata as { statistics?: { totalBytesProcessed?: string } } | undefined)?.statistics;
  const totalBytesProcessed = Number(stats?.totalBytesProcessed ?? 0);
  ctx.logger.info({ totalBytesProcessed, location: q.location }, `BigQuery dry run: the query would process ${totalBytesProcessed} bytes`);
  return totalBytesProcessed;
}

/**
 * Export a large table to gzip CSV shards under `prefix` (wildcard URI, as exports over 1 GB
 * require) and stream the shards back in order through the Cloud Storage reader, keeping only
 * the first shard's header.
 */
async function extractCsv(bq: BigQuery, uri: BqUri, ctx: IoContext, prefix: string, location: string | undefined): Promise<Readable> {
  const { openGcsRead } = await import('./gcs-read.js');
  const { storageClient } = await import('./clients.js');
  const tag = createHash('sha256').update(`${uri.text}|${Date.now()}`).digest('hex').slice(0, 12);
  const base = `${prefix.replace(/\/+$/, '')}/${uri.table}-${tag}`;
  await runJob(
    ctx,
    uri.text,
    'extract',
    () => `forecast_extract_${tag}_${randomUUID()}`,
    (jobId) =>
      insertJob(
        bq,
        {
          configuration: {
            extract: {
              sourceTable: { projectId: uri.project, datasetId: uri.dataset, tableId: uri.table },
              destinationUris: [`${base}-*.csv.gz`],
              destinationFormat: 'CSV',
              compression: 'GZIP',
              printHeader: true,
            },
          },
        },
        jobId,
        location,
        ctx,
        uri.text,
        'extract',
      ),
  );
  const dir = parseGsUri(`${base}-x`, 'extractVia');
  const storage = await storageClient(ctx);
  const [files] = await storage
    .bucket(dir.bucket)
    .getFiles({ prefix: dir.object.slice(0, -1) })
    .catch((err: unknown) => {
      throw cloudFailure('Cloud Storage', 'list', `${base}-*`, err);
    });
  const names = files
    .map((f) => f.name)
    .filter((n) => n.endsWith('.csv.gz'))
    .sort();
  ctx.logger.info({ shards: names.length, prefix: base }, `BigQuery extract of ${uri.text} done`);
  const { deleteGcsObject } = await import('./gcs-write.js');
  // The shards are the run's scratch: deleted once read (or when the reader stops early).
  const cleanUp = () =>
    Promise.all(
      names.map((n) =>
        deleteGcsObject(gsObject(dir.bucket, n), ctx).catch((err: unknown) => {
          ctx.logger.warn({ shard: `gs://${dir.bucket}/${n}`, err: String(err) }, 'could not delete an extract shard');
        }),
      ),
    );
  return Readable.from(
    (async function* () {
      try {
        yield* shardBytes();
      } finally {
        await cleanUp();
      }
    })(),
  );
  async function* shardBytes(): AsyncGenerator<Buffer> {
    for (let i = 0; i < names.length; i++) {
      const s = await openGcsRead(gsObject(dir.bucket, names[i]), ctx);
      let skipping = i > 0;
      for await (const chunk of s) {
        let buf = chunk as Buffer;
        if (skipping) {
          const nl = buf.indexOf(10);
          if (nl < 0) continue;
          buf = buf.subarray(nl + 1);
          skipping = false;
        }
        if (buf.length) yield buf;
      }
    }
  }
}
