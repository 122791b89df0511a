import { randomUUID } from 'node:crypto';
import type { Field, Value } from './bq-sql-eval.js';
import { toApi, type BqStore } from './bq-store.js';
import { JobFailure, runExtract, runLoad, type ExtractConfig, type LoadConfig } from './bq-load-extract.js';
import { runQuery, type QueryParameter, type QueryRun } from './bq-query-run.js';
import { runCopy, type CopyConfig } from './bq-copy.js';
import type { GcsStore } from './gcs-store.js';
import { HttpError } from './http-util.js';

export interface JobBody {
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  configuration?: {
    dryRun?: boolean;
    query?: { query?: string; useLegacySql?: boolean; queryParameters?: QueryParameter[]; parameterMode?: string; maximumBytesBilled?: string | number };
    load?: LoadConfig;
    extract?: ExtractConfig;
    copy?: CopyConfig;
    [k: string]: unknown;
  };
}

interface StoredJob {
  resource: Record<string, unknown>;
  result?: { schema: Field[]; rows: Value[][] };
}

/** Locations where jobs.get finds a job without being told its location. */
const MULTI_REGIONS = ['US', 'EU'];

/**
 * Jobs of the BigQuery double. Jobs run synchronously inside jobs.insert and are DONE when the
 * response is sent; a job that fails carries `status.errorResult` (HTTP 200), as BigQuery reports
 * load and quota failures. Job ids are unique per project: a second insert is 409 `duplicate`.
 */
export class BqJobs {
  private readonly jobs = new Map<string, StoredJob>();

  constructor(
    private readonly store: BqStore,
    private readonly gcs: GcsStore | undefined,
    private readonly opts: { rowsPerShard: number },
  ) {}

  /** jobs.insert; `injected` (fault injection) makes the job fail with that errorResult instead of running. */
  insert(project: string, body: JobBody, media?: Buffer, injected?: { reason: string; message: string }): Record<string, unknown> {
    const cfg = body.configuration ?? {};
    const jobId = body.jobReference?.jobId ?? randomUUID();
    if (!/^[A-Za-z0-9_-]{1,1024}$/.test(jobId)) throw new HttpError(400, 'invalid', `Invalid job ID "${jobId}"`);
    let location = body.jobReference?.location;
    const key = `${project}:${jobId}`;
    if (!cfg.dryRun && this.jobs.has(key)) {
      const prev = this.jobs.get(key)!.resource.jobReference as { location: string };
      throw new HttpError(409, 'duplicate', `Already Exists: Job ${project}:${prev.location}.${jobId}`);
    }
    const now = Date.now();
    const statistics: Record<string, unknown> = { creationTime: String(now), startTime: String(now), endTime: String(now) };
    const status: Record<string, unknown> = { state: 'DONE' };
    let result: StoredJob['result'];
    try {
      if (injected) {
        location ??= this.targetLocation(cfg) ?? 'US';
        throw new JobFailure(injected.reason, injected.message);
      }
      if (cfg.query) {
        const run = this.query(cfg.query, location, Boolean(cfg.dryRun));
        location = run.location;
        result = cfg.dryRun ? undefined : { schema: run.schema, rows: run.rows };
        Object.assign(statistics, {
          totalBytesProcessed: String(run.bytes),
          query: { totalBytesProcessed: String(run.bytes), totalBytesBilled: String(cfg.dryRun ? 0 : run.billed), statementType: 'SELECT', cacheHit: false },
        });
        if (!cfg.dryRun) {
          const cap = cfg.query.maximumBytesBilled;
          if (cap !== undefined && run.billed > Number(cap)) {
            throw new JobFailure('bytesBilledLimitExceeded', `Query exceeded limit for bytes billed: ${Number(cap)}. ${run.billed} or higher required.`);
          }
        }
      } else if (cfg.load) {
        location ??= this.datasetLocation(cfg.load.destinationTable.projectId, cfg.load.destinationTable.datasetId);
        if (cfg.dryRun) throw new HttpError(400, 'invalid', 'the local BigQuery double cannot evaluate: a dry-run load');
        statistics.load = runLoad(this.store, this.gcs, cfg.load, media);
      } else if (cfg.extract) {
        location ??= this.datasetLocation(cfg.extract.sourceTable.projectId, cfg.extract.sourceTable.datasetId);
        statistics.extract = runExtract(this.store, this.gcs, cfg.extract, this.opts.rowsPerShard);
      } else if (cfg.copy) {
        const src = cfg.copy.sourceTable ?? cfg.copy.sourceTables?.[0];
        location ??= src ? this.datasetLocation(src.projectId, src.datasetId) : undefined;
        statistics.copy = runCopy(this.store, cfg.copy);
      } else {
        throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: job configuration ${Object.keys(cfg).join(', ')}`);
      }
    } catch (e) {
      if (!(e instanceof JobFailure)) throw e;
      status.errorResult = { reason: e.reason, message: e.message };
      status.errors = [{ reason: e.reason, message: e.message }];
    }
    location ??= 'US';
    const resource = {
      kind: 'bigquery#job',
      id: `${project}:${location}.${jobId}`,
      jobReference: { projectId: project, jobId, location },
      configuration: { ...cfg, jobType: cfg.query ? 'QUERY' : cfg.load ? 'LOAD' : cfg.copy ? 'COPY' : 'EXTRACT' },
      status,
      statistics,
      user_email: 'local@example.com',
    };
    if (!cfg.dryRun) this.jobs.set(key, { resource, result });
    return resource;
  }

  /**
   * jobs.get (and getQueryResults): a job is found by project and id, and `location` must name
   * its location unless it ran in the US or EU multi-region, as BigQuery requires.
   */
  get(project: string, jobId: string, location?: string | null): StoredJob {
    const j = this.jobs.get(`${project}:${jobId}`);
    const loc = (j?.resource.jobReference as { location?: string } | undefined)?.location ?? 'US';
    const found = j && (location ? location.toUpperCase() === loc.toUpperCase() : MULTI_REGIONS.includes(loc.toUpperCase()));
    if (!found) throw new HttpError(404, 'notFound', `Not found: Job ${project}:${location ?? 'US'}.${jobId}`);
    return j;
  }

  /** jobs.getQueryResults: pages of `rows[].f[].v`, offsets as page tokens. */
  results(project: string, jobId: string, q: URLSearchParams): Record<string, unknown> {
    const j = this.get(project, jobId, q.get('location'));
    const status = j.resource.status as { errorResult?: { reason: string; message: string } };
    if (status.errorResult) throw new HttpError(400, status.errorResult.reason, status.errorResult.message);
    if (!j.result) throw new HttpError(400, 'invalid', `Job ${jobId} is not a query job`);
    const start = Number(q.get('pageToken') ?? q.get('startIndex') ?? 0);
    const max = Number(q.get('maxResults') ?? 100_000);
    const int64 = q.get('formatOptions.useInt64Timestamp') === 'true';
    const { schema, rows } = j.result;
    const page = rows.slice(start, start + max);
    const stats = j.resource.statistics as { totalBytesProcessed?: string };
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobReference: j.resource.jobReference,
      schema: { fields: schema },
      totalRows: String(rows.length),
      ...(page.length ? { rows: page.map((r) => ({ f: r.map((v, i) => ({ v: toApi(v, schema[i].type, int64) })) })) } : {}),
      ...(start + max < rows.length ? { pageToken: String(start + max) } : {}),
      totalBytesProcessed: stats.totalBytesProcessed ?? '0',
      jobComplete: true,
      cacheHit: false,
    };
  }

  /** The location a load or extract job runs in: its table's dataset's. */
  private targetLocation(cfg: NonNullable<JobBody['configuration']>): string | undefined {
    const t = cfg.load?.destinationTable ?? cfg.extract?.sourceTable ?? cfg.copy?.sourceTable ?? cfg.copy?.sourceTables?.[0];
    return t ? this.store.datasets.get(`${t.projectId}:${t.datasetId}`)?.location : undefined;
  }

  private datasetLocation(project: string, dataset: string): string {
    return this.store.dataset(project, dataset).location;
  }

  /** The result schema of a view's query (it must evaluate, as BigQuery checks it at creation). */
  viewSchema(query: string): Field[] {
    return runQuery(this.store, this.gcs, query, [], undefined, false).schema;
  }

  private query(cfg: NonNullable<NonNullable<JobBody['configuration']>['query']>, location: string | undefined, dryRun: boolean): QueryRun {
    if (cfg.useLegacySql !== false) throw new HttpError(400, 'invalidQuery', 'the local BigQuery double cannot evaluate: legacy SQL (set useLegacySql: false)');
    return runQuery(this.store, this.gcs, cfg.query ?? '', cfg.queryParameters ?? [], location, dryRun);
  }
}
