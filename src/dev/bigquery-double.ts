import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { BqJobs, type JobBody } from './bq-jobs.js';
import { BqStore, tableResource, toApi } from './bq-store.js';
import { patchSchema } from './bq-copy.js';
import { checkClustering, type Clustering } from './bq-layout.js';
import type { Field } from './bq-sql-eval.js';
import { apiServer, Faults, type FaultEffects } from './faults.js';
import type { GcsStore } from './gcs-store.js';
import { HttpError, parseJsonBody, parseMultipart, sendJson } from './http-util.js';

/**
 * An in-memory double of the BigQuery REST API v2 as `@google-cloud/bigquery` v8 calls it with
 * `apiEndpoint`: `/bigquery/v2/projects/P/...` and the multipart load upload
 * `/upload/bigquery/v2/projects/P/jobs`. Load and extract jobs read and write the attached
 * Cloud Storage double; copy jobs and schema patches work on its tables. node:http only.
 */
export interface BigQueryDouble {
  readonly server: Server;
  readonly store: BqStore;
  readonly faults: Faults;
}

export function createBigQueryDouble(opts: { gcs?: GcsStore; store?: BqStore; faults?: Faults; rowsPerShard?: number } = {}): BigQueryDouble {
  const store = opts.store ?? new BqStore();
  const faults = opts.faults ?? new Faults();
  const jobs = new BqJobs(store, opts.gcs, { rowsPerShard: opts.rowsPerShard ?? 1000 });
  const server = apiServer('BigQuery', faults, handle);

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, effects: FaultEffects): Promise<void> {
    const q = url.searchParams;
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;
    if ((m = /^\/upload\/bigquery\/v2\/projects\/([^/]+)\/jobs$/.exec(path)) && method === 'POST') {
      if (q.get('uploadType') !== 'multipart')
        throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: uploadType ${q.get('uploadType')}`);
      const [meta, media] = parseMultipart(body, req.headers['content-type']);
      return sendJson(res, 200, jobs.insert(decodeURIComponent(m[1]), parseJsonBody<JobBody>(meta.data, 'job metadata'), media.data, effects.jobError));
    }
    if (!(m = /^\/bigquery\/v2\/projects\/([^/]+)(\/.*)?$/.exec(path))) throw notImplemented(method, path);
    const project = decodeURIComponent(m[1]);
    const rest = m[2] ?? '';
    if (rest === '/jobs' && method === 'POST')
      return sendJson(res, 200, jobs.insert(project, parseJsonBody<JobBody>(body, 'job'), undefined, effects.jobError));
    if ((m = /^\/jobs\/([^/]+)$/.exec(rest)) && method === 'GET')
      return sendJson(res, 200, jobs.get(project, decodeURIComponent(m[1]), q.get('location')).resource);
    if ((m = /^\/queries\/([^/]+)$/.exec(rest)) && method === 'GET') return sendJson(res, 200, jobs.results(project, decodeURIComponent(m[1]), q));
    if (rest === '/datasets' && method === 'POST') {
      const d = parseJsonBody<{ datasetReference?: { datasetId?: string }; location?: string }>(body, 'dataset');
      const id = d.datasetReference?.datasetId ?? '';
      return sendJson(res, 200, datasetResource(store.createDataset(project, id, d.location ?? 'US')));
    }
    if ((m = /^\/datasets\/([^/]+)$/.exec(rest)) && method === 'GET') return sendJson(res, 200, datasetResource(store.dataset(project, m[1])));
    if ((m = /^\/datasets\/([^/]+)\/tables$/.exec(rest))) {
      const ds = store.dataset(project, m[1]);
      if (method === 'POST') {
        const created = store.create(tableFromInsert(project, m[1], parseJsonBody<TableInsert>(body, 'table'), jobs));
        return sendJson(res, 200, tableResource(created, ds.location));
      }
      if (method === 'GET') {
        const all = [...store.tables.values()].filter((t) => t.project === project && t.dataset === m![1]).sort((a, b) => a.table.localeCompare(b.table));
        const start = Number(q.get('pageToken') ?? 0);
        const max = Number(q.get('maxResults') ?? 1000);
        const page = all.slice(start, start + max);
        return sendJson(res, 200, {
          kind: 'bigquery#tableList',
          totalItems: all.length,
          tables: page.map((t) => ({
            kind: 'bigquery#table',
            id: `${project}:${t.dataset}.${t.table}`,
            tableReference: { projectId: project, datasetId: t.dataset, tableId: t.table },
            type: 'TABLE',
          })),
          ...(start + max < all.length ? { nextPageToken: String(start + max) } : {}),
        });
      }
    }
    if ((m = /^\/datasets\/([^/]+)\/tables\/([^/]+)$/.exec(rest))) {
      const [dataset, table] = [m[1], decodeURIComponent(m[2])];
      if (method === 'GET') return sendJson(res, 200, tableResource(store.get(project, dataset, table), store.dataset(project, dataset).location));
      if (method === 'PATCH') {
        const t = store.get(project, dataset, table);
        const patch = parseJsonBody<{ schema?: { fields?: Field[] }; clustering?: Clustering | null }>(body, 'table patch');
        if (patch.schema?.fields) patchSchema(t, patch.schema.fields);
        // The clustering of a table may be changed or removed (null); new data is clustered by it.
        if (patch.clustering !== undefined) {
          checkClustering(patch.clustering ?? undefined, t.schema, t.table);
          t.clustering = patch.clustering ?? undefined;
        }
        return sendJson(res, 200, tableResource(t, store.dataset(project, dataset).location));
      }
      if (method === 'DELETE') {
        store.delete(project, dataset, table);
        res.writeHead(204).end();
        return;
      }
    }
    if ((m = /^\/datasets\/([^/]+)\/tables\/([^/]+)\/data$/.exec(rest)) && method === 'GET') {
      const t = store.get(project, m[1], decodeURIComponent(m[2]));
      if (t.type === 'VIEW' || t.type === 'EXTERNAL') throw new HttpError(400, 'invalid', `Cannot list a table of type ${t.type}.`);
      const start = Number(q.get('pageToken') ?? q.get('startIndex') ?? 0);
      const max = Number(q.get('maxResults') ?? 100_000);
      const int64 = q.get('formatOptions.useInt64Timestamp') === 'true';
      const page = t.rows.slice(start, start + max);
      return sendJson(res, 200, {
        kind: 'bigquery#tableDataList',
        totalRows: String(t.rows.length),
        ...(page.length ? { rows: page.map((r) => ({ f: r.map((v, i) => ({ v: toApi(v, t.schema[i].type, int64) })) })) } : {}),
        ...(start + max < t.rows.length ? { pageToken: String(start + max) } : {}),
      });
    }
    throw notImplemented(method, path);
  }

  return { server, store, faults };
}

interface TableInsert {
  tableReference?: { tableId?: string };
  schema?: { fields?: Field[] };
  timePartitioning?: { type: string; field?: string };
  clustering?: Clustering;
  description?: string;
  view?: { query?: string; useLegacySql?: boolean };
  externalDataConfiguration?: {
    sourceUris?: string[];
    sourceFormat?: string;
    csvOptions?: { skipLeadingRows?: string | number };
    schema?: { fields?: Field[] };
  };
}

/**
 * A tables.insert body as a table of the double: a plain table, a view (its schema is its
 * query's, which must evaluate) or an external CSV table on Cloud Storage (its schema given).
 */
function tableFromInsert(project: string, dataset: string, t: TableInsert, jobs: BqJobs): Parameters<BqStore['create']>[0] {
  const base = { project, dataset, table: t.tableReference?.tableId ?? '', description: t.description };
  if (t.view) {
    if (t.view.useLegacySql !== false)
      throw new HttpError(400, 'invalid', 'the local BigQuery double cannot evaluate: a legacy SQL view (set useLegacySql: false)');
    const query = t.view.query ?? '';
    return { ...base, type: 'VIEW', view: { query }, schema: jobs.viewSchema(query) };
  }
  const ext = t.externalDataConfiguration;
  if (ext) {
    if ((ext.sourceFormat ?? 'CSV').toUpperCase() !== 'CSV')
      throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: external sourceFormat ${ext.sourceFormat}`);
    const schema = ext.schema?.fields ?? t.schema?.fields;
    if (!schema) throw new HttpError(400, 'invalid', 'the local BigQuery double cannot evaluate: an external table without a schema (autodetect)');
    return { ...base, type: 'EXTERNAL', schema, external: { sourceUris: ext.sourceUris ?? [], skipLeadingRows: Number(ext.csvOptions?.skipLeadingRows ?? 0) } };
  }
  return { ...base, schema: t.schema?.fields ?? [], timePartitioning: t.timePartitioning, clustering: t.clustering };
}

function notImplemented(method: string, path: string): HttpError {
  return new HttpError(501, 'notImplemented', `the local BigQuery double does not implement ${method} ${path}`);
}

function datasetResource(d: { project: string; dataset: string; location: string; creationTime: number }): Record<string, unknown> {
  return {
    kind: 'bigquery#dataset',
    id: `${d.project}:${d.dataset}`,
    datasetReference: { projectId: d.project, datasetId: d.dataset },
    location: d.location,
    creationTime: String(d.creationTime),
  };
}
