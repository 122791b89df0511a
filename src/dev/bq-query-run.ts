import Papa from 'papaparse';
import { parseQuery } from './bq-sql-parse.js';
import { checkQuery, evaluate, normType, referencedColumns, type Field, type Param, type Value } from './bq-sql-eval.js';
import { parseCell, tableBytes, type BqStore, type BqTable } from './bq-store.js';
import { matchObjects, splitDecorator } from './bq-load-extract.js';
import type { GcsStore } from './gcs-store.js';
import { HttpError } from './http-util.js';

/** A query parameter as jobs.insert carries it. */
export interface QueryParameter {
  name?: string;
  parameterType?: { type?: string };
  parameterValue?: { value?: unknown };
}

/** What a query job produced: result schema and rows, bytes processed and billed, where it ran. */
export interface QueryRun {
  schema: Field[];
  rows: Value[][];
  bytes: number;
  billed: number;
  location: string;
}

const MB = 1024 * 1024;

/**
 * Run a GoogleSQL query of the double's subset (see bq-sql-parse) over the store: plain tables are
 * read from their rows, views by evaluating their query, external tables from their CSV objects
 * in the Cloud Storage double. The job's `location` must be the dataset's. Bytes are the logical
 * size of the columns read, billed per MB with the 10 MB minimum.
 */
export function runQuery(
  store: BqStore,
  gcs: GcsStore | undefined,
  sql: string,
  parameters: readonly QueryParameter[],
  location: string | undefined,
  dryRun: boolean,
): QueryRun {
  const q = parseQuery(sql);
  const { project, dataset } = q.table;
  const ds = store.dataset(project, dataset);
  if (location && location.toUpperCase() !== ds.location.toUpperCase()) {
    throw new HttpError(404, 'notFound', `Not found: Dataset ${project}:${dataset} was not found in location ${location}`);
  }
  const { table: tableId, partition } = splitDecorator(q.table.table);
  if (partition) throw new HttpError(400, 'invalidQuery', 'the local BigQuery double cannot evaluate: a partition decorator in a query');
  const table = store.get(project, dataset, tableId);
  const source = readSource(store, gcs, table, referencedColumns(q, table.schema));
  const params = queryParams(parameters);
  const billed = source.bytes === 0 ? 0 : Math.max(10 * MB, Math.ceil(source.bytes / MB) * MB);
  // A dry run is type-checked too: BigQuery validates the query before pricing it.
  const out = dryRun ? { schema: checkQuery(q, source.schema, params), rows: [] } : evaluate(q, source.schema, source.rows, params);
  return { ...out, bytes: source.bytes, billed, location: ds.location };
}

/** Named parameters by lower-cased name, typed as declared. */
function queryParams(parameters: readonly QueryParameter[]): Map<string, Param> {
  const params = new Map<string, Param>();
  for (const p of parameters) {
    if (!p.name) throw new HttpError(400, 'invalidQuery', 'Positional parameters are not supported here; use named @parameters');
    const type = normType(p.parameterType?.type ?? 'STRING');
    const raw = p.parameterValue?.value;
    const value: Value =
      raw === undefined || raw === null ? null : type === 'INT64' || type === 'FLOAT64' ? Number(raw) : type === 'BOOL' ? String(raw) === 'true' : String(raw);
    params.set(p.name.toLowerCase(), { type, value });
  }
  return params;
}

/** The rows a query reads from a table, a view or an external table, and the bytes that costs. */
function readSource(store: BqStore, gcs: GcsStore | undefined, t: BqTable, columns: string[]): { schema: Field[]; rows: Value[][]; bytes: number } {
  if (t.type === 'VIEW') {
    const run = runQuery(store, gcs, t.view!.query, [], undefined, false);
    return { schema: run.schema, rows: run.rows, bytes: run.bytes };
  }
  if (t.type === 'EXTERNAL') {
    const rows = externalRows(gcs, t);
    return { schema: t.schema, rows, bytes: tableBytes({ ...t, rows }, columns) };
  }
  return { schema: t.schema, rows: t.rows, bytes: tableBytes(t, columns) };
}

/** An external CSV table's rows, read from its objects now (external data is never copied in). */
function externalRows(gcs: GcsStore | undefined, t: BqTable): Value[][] {
  if (!gcs) throw new HttpError(400, 'invalidQuery', 'no Cloud Storage double is attached to read the external table from');
  const rows: Value[][] = [];
  for (const uri of t.external!.sourceUris) {
    for (const o of matchObjects(gcs, uri)) {
      const parsed = Papa.parse<string[]>(gcs.find(o.bucket, o.name)!.data.toString('utf8'), { skipEmptyLines: true });
      for (const cells of parsed.data.slice(t.external!.skipLeadingRows ?? 0)) {
        try {
          rows.push(t.schema.map((f, i) => parseCell(cells[i] ?? '', f)));
        } catch (e) {
          throw new HttpError(400, 'invalid', `Error while reading table: ${t.table}, error message: ${(e as Error).message}; uri ${uri}`);
        }
      }
    }
  }
  return rows;
}
