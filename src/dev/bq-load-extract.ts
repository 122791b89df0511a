import { gunzipSync, gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { normType, type Field, type Value } from './bq-sql-eval.js';
import { fieldNameProblem, parseCell, partitionOf, toCsvCell, type BqStore, type BqTable } from './bq-store.js';
import type { GcsStore } from './gcs-store.js';
import { HttpError } from './http-util.js';
import { layoutConflict, type Clustering } from './bq-layout.js';

/** A job that ran and failed: reported in `status.errorResult`, not as an HTTP error. */
export class JobFailure extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TableRef {
  projectId: string;
  datasetId: string;
  tableId: string;
}

export interface LoadConfig {
  destinationTable: TableRef;
  schema?: { fields: Field[] };
  sourceUris?: string[];
  sourceFormat?: string;
  skipLeadingRows?: number;
  fieldDelimiter?: string;
  writeDisposition?: string;
  createDisposition?: string;
  timePartitioning?: { type: string; field?: string };
  clustering?: Clustering;
  autodetect?: boolean;
  allowJaggedRows?: boolean;
  schemaUpdateOptions?: string[];
}

export interface ExtractConfig {
  sourceTable: TableRef;
  destinationUris?: string[];
  destinationUri?: string;
  destinationFormat?: string;
  compression?: string;
  printHeader?: boolean;
  fieldDelimiter?: string;
}

/** `table$YYYYMMDD` → base table and partition id. */
export function splitDecorator(tableId: string): { table: string; partition?: string } {
  const m = /^(.*)\$(\d{4,10})$/.exec(tableId);
  return m ? { table: m[1], partition: m[2] } : { table: tableId };
}

/** Objects matching a `gs://bucket/prefix*suffix` URI (one `*` at most, as BigQuery allows). */
export function matchObjects(gcs: GcsStore, uri: string): { bucket: string; name: string }[] {
  const m = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!m) throw new JobFailure('invalid', `Invalid source URI: ${uri}`);
  const [, bucket, pattern] = m;
  const star = pattern.indexOf('*');
  if (star < 0) return gcs.find(bucket, pattern) ? [{ bucket, name: pattern }] : [];
  const [pre, post] = [pattern.slice(0, star), pattern.slice(star + 1)];
  try {
    return gcs
      .list(bucket, { prefix: pre, maxResults: 1000 })
      .items.filter((o) => o.name.endsWith(post))
      .map((o) => ({ bucket, name: o.name }));
  } catch {
    return [];
  }
}

/**
 * Run a CSV load job: local bytes (multipart upload) or gs:// sources read from the GCS double.
 * All-or-nothing; `table$YYYYMMDD` scopes the write disposition to that partition and every
 * loaded row must fall in it (https://cloud.google.com/bigquery/docs/managing-partitioned-table-data).
 */
export function runLoad(store: BqStore, gcs: GcsStore | undefined, cfg: LoadConfig, media: Buffer | undefined): Record<string, unknown> {
  if ((cfg.sourceFormat ?? 'CSV').toUpperCase() !== 'CSV')
    throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: sourceFormat ${cfg.sourceFormat}`);
  const dest = cfg.destinationTable;
  const { table: tableId, partition } = splitDecorator(dest.tableId);
  let inputs: Buffer[] = [];
  if (media) inputs = [media];
  else {
    if (!gcs) throw new JobFailure('invalid', 'no Cloud Storage double is attached to read sourceUris from');
    for (const uri of cfg.sourceUris ?? []) {
      const objs = matchObjects(gcs, uri);
      if (objs.length === 0) throw new JobFailure('notFound', `Not found: URI ${uri}`);
      for (const o of objs) inputs.push(gcs.find(o.bucket, o.name)!.data);
    }
  }
  const schema = cfg.schema?.fields;
  const problem = schema && fieldNameProblem(schema, tableId);
  if (problem) throw new JobFailure('invalid', problem);
  const disposition = cfg.writeDisposition ?? 'WRITE_APPEND';
  let table = store.find(dest.projectId, dest.datasetId, tableId);
  if (!table) {
    if ((cfg.createDisposition ?? 'CREATE_IF_NEEDED') === 'CREATE_NEVER')
      throw new JobFailure('notFound', `Not found: Table ${dest.projectId}:${dest.datasetId}.${tableId}`);
    if (!schema)
      throw new JobFailure('invalid', cfg.autodetect ? 'the local BigQuery double cannot evaluate: schema autodetect' : 'No schema specified on job or table.');
    store.dataset(dest.projectId, dest.datasetId);
    table = store.create({
      project: dest.projectId,
      dataset: dest.datasetId,
      table: tableId,
      schema,
      timePartitioning: cfg.timePartitioning,
      clustering: cfg.clustering,
    });
  } else if (table.type === 'VIEW' || table.type === 'EXTERNAL') {
    throw new JobFailure('invalid', `Cannot load into a table of type ${table.type}.`);
  } else {
    const conflict = layoutConflict(table, cfg);
    if (conflict) throw new JobFailure('invalid', conflict);
  }
  const loaded = schema ?? table.schema;
  const next = schema ? nextSchema(table, schema, partition === undefined && disposition === 'WRITE_TRUNCATE', cfg.schemaUpdateOptions ?? []) : table.schema;
  // Loaded cells are parsed by the load's schema, then laid out in the table's (new) column order.
  const at = next.map((f) => loaded.findIndex((l) => l.name.toLowerCase() === f.name.toLowerCase()));
  const rows: Value[][] = [];
  let bytes = 0;
  for (const raw of inputs) {
    const data = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    bytes += data.length;
    const parsed = Papa.parse<string[]>(data.toString('utf8'), { delimiter: cfg.fieldDelimiter ?? ',', skipEmptyLines: true });
    parsed.data.slice(cfg.skipLeadingRows ?? 0).forEach((cells, n) => {
      const line = n + 1 + (cfg.skipLeadingRows ?? 0);
      if (cells.length > loaded.length || (cells.length < loaded.length && !cfg.allowJaggedRows)) {
        throw new JobFailure(
          'invalid',
          `Error while reading data, error message: CSV table references column position ${loaded.length - 1}, but line ${line} contains only ${cells.length} columns or too many.`,
        );
      }
      try {
        const typed = loaded.map((f, i) => parseCell(cells[i] ?? '', f));
        rows.push(at.map((i) => (i < 0 ? null : typed[i])));
      } catch (e) {
        throw new JobFailure('invalid', `Error while reading data, error message: ${(e as Error).message}; line ${line}`);
      }
    });
  }
  if (next !== table.schema) {
    // Added columns are NULL in the rows already there; a whole-table truncate drops them all.
    const old = table.schema;
    table.rows = table.rows.map((r) =>
      next.map((f) => {
        const i = old.findIndex((o) => o.name.toLowerCase() === f.name.toLowerCase());
        return i < 0 ? null : r[i];
      }),
    );
    table.schema = next.map((f) => ({ ...f }));
  }
  writeRows(table, rows, partition, disposition);
  return { inputFiles: String(inputs.length), inputFileBytes: String(bytes), outputRows: String(rows.length), badRecords: '0' };
}

/**
 * The table's schema after a load with `schema`, as BigQuery decides it: a whole-table
 * WRITE_TRUNCATE takes the load's schema; an append or a partition load must keep every column
 * with its type, and may add NULLABLE columns only with `schemaUpdateOptions: ['ALLOW_FIELD_ADDITION']`
 * (https://cloud.google.com/bigquery/docs/managing-table-schemas).
 */
function nextSchema(table: BqTable, schema: Field[], wholeTruncate: boolean, options: readonly string[]): Field[] {
  if (wholeTruncate) return schema;
  const id = `${table.project}:${table.dataset}.${table.table}`;
  const byName = (name: string) => schema.find((f) => f.name.toLowerCase() === name.toLowerCase());
  for (const f of table.schema) {
    const g = byName(f.name);
    if (!g) throw new JobFailure('invalid', `Provided Schema does not match Table ${id}. Field ${f.name} is missing in new schema`);
    if (normType(g.type) !== normType(f.type))
      throw new JobFailure(
        'invalid',
        `Provided Schema does not match Table ${id}. Field ${f.name} has changed type from ${normType(f.type)} to ${normType(g.type)}`,
      );
  }
  const added = schema.filter((g) => !table.schema.some((f) => f.name.toLowerCase() === g.name.toLowerCase()));
  if (added.length === 0) return table.schema;
  if (!options.includes('ALLOW_FIELD_ADDITION'))
    throw new JobFailure('invalid', `Provided Schema does not match Table ${id}. Cannot add fields (field: ${added[0].name})`);
  const required = added.find((f) => (f.mode ?? 'NULLABLE').toUpperCase() === 'REQUIRED');
  if (required) throw new JobFailure('invalid', `Provided Schema does not match Table ${id}. Cannot add required fields (field: ${required.name})`);
  return [...table.schema, ...added];
}

function writeRows(table: BqTable, rows: Value[][], partition: string | undefined, disposition: string): void {
  const inScope = (r: Value[]): boolean => partition === undefined || partitionOf(table, r) === partition;
  if (partition !== undefined) {
    if (!table.timePartitioning) throw new JobFailure('invalid', `Cannot write to partition ${partition} of non-partitioned table ${table.table}`);
    const digits = ({ HOUR: 10, DAY: 8, MONTH: 6, YEAR: 4 } as Record<string, number>)[table.timePartitioning.type] ?? 8;
    if (partition.length !== digits)
      throw new JobFailure('invalid', `Invalid partition decorator $${partition} for table ${table.table} partitioned by ${table.timePartitioning.type}`);
    const stray = rows.find((r) => partitionOf(table, r) !== partition);
    if (stray) throw new JobFailure('invalid', `Some rows belong to different partitions rather than destination partition ${partition}`);
  }
  const existing = table.rows.filter(inScope);
  if (disposition === 'WRITE_EMPTY' && existing.length > 0)
    throw new JobFailure('duplicate', `Already Exists: Table ${table.project}:${table.dataset}.${table.table}${partition ? '$' + partition : ''}`);
  if (disposition === 'WRITE_TRUNCATE') table.rows = table.rows.filter((r) => !inScope(r));
  else if (disposition !== 'WRITE_APPEND' && disposition !== 'WRITE_EMPTY') throw new HttpError(400, 'invalid', `Invalid writeDisposition ${disposition}`);
  // One push per row: a spread of a million rows overflows the call stack.
  for (const r of rows) table.rows.push(r);
  table.lastModifiedTime = Date.now();
}

function csvField(s: string, delim: string): string {
  return s.includes(delim) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Run an extract job into the GCS double: CSV (header row by default), optional GZIP, and a
 * single `*` in the URI replaced by 12-digit shard numbers (000000000000, ...), `rowsPerShard`
 * rows per file so wildcard reads are exercised.
 */
export function runExtract(store: BqStore, gcs: GcsStore | undefined, cfg: ExtractConfig, rowsPerShard: number): Record<string, unknown> {
  if (!gcs) throw new JobFailure('invalid', 'no Cloud Storage double is attached to extract into');
  if ((cfg.destinationFormat ?? 'CSV').toUpperCase() !== 'CSV')
    throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: destinationFormat ${cfg.destinationFormat}`);
  const src = cfg.sourceTable;
  const { table: tableId, partition } = splitDecorator(src.tableId);
  const t = store.find(src.projectId, src.datasetId, tableId);
  if (!t) throw new JobFailure('notFound', `Not found: Table ${src.projectId}:${src.datasetId}.${tableId}`);
  const rows = partition ? t.rows.filter((r) => partitionOf(t, r) === partition) : t.rows;
  const delim = cfg.fieldDelimiter ?? ',';
  const uris = cfg.destinationUris ?? (cfg.destinationUri ? [cfg.destinationUri] : []);
  const counts: string[] = [];
  for (const uri of uris) {
    const m = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (!m) throw new JobFailure('invalid', `Invalid extract destination URI: ${uri}`);
    const [, bucket, pattern] = m;
    try {
      gcs.bucket(bucket);
    } catch {
      throw new JobFailure('notFound', `Not found: Bucket ${bucket}`);
    }
    const shards = pattern.includes('*') ? Math.max(1, Math.ceil(rows.length / rowsPerShard)) : 1;
    for (let s = 0; s < shards; s++) {
      const part = pattern.includes('*') ? rows.slice(s * rowsPerShard, (s + 1) * rowsPerShard) : rows;
      const lines = (cfg.printHeader ?? true) ? [t.schema.map((f) => csvField(f.name, delim)).join(delim)] : [];
      for (const r of part) lines.push(r.map((v, i) => csvField(toCsvCell(v, t.schema[i].type), delim)).join(delim));
      const text = Buffer.from(lines.map((l) => `${l}\n`).join(''));
      const name = pattern.replace('*', String(s).padStart(12, '0'));
      gcs.put(bucket, name, (cfg.compression ?? 'NONE').toUpperCase() === 'GZIP' ? gzipSync(text) : text, { contentType: 'application/octet-stream' });
    }
    counts.push(String(shards));
  }
  return { destinationUriFileCounts: counts, inputBytes: '0' };
}
