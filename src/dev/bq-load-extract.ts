import { gunzipSync, gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { normType, type Field, type Value } from './bq-sql-eval.js';
import { parseCell, partitionOf, toCsvCell, type BqStore, type BqTable } from './bq-store.js';
import type { GcsStore } from './gcs-store.js';
import { HttpError } from './http-util.js';

/** A job that ran and failed: reported in `status.errorResult`, not as an HTTP error. */
export class JobFailure extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

export interface TableRef { projectId: string; datasetId: string; tableId: string }

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
  autodetect?: boolean;
  allowJaggedRows?: boolean;
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
  const m = /^(.*)\$(\d{8})$/.exec(tableId);
  return m ? { table: m[1], partition: m[2] } : { table: tableId };
}

/** Objects matching a `gs://bucket/prefix*suffix` URI (one `*` at most, as BigQuery allows). */
function matchObjects(gcs: GcsStore, uri: string): { bucket: string; name: string }[] {
  const m = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!m) throw new JobFailure('invalid', `Invalid source URI: ${uri}`);
  const [, bucket, pattern] = m;
  const star = pattern.indexOf('*');
  if (star < 0) return gcs.find(bucket, pattern) ? [{ bucket, name: pattern }] : [];
  const [pre, post] = [pattern.slice(0, star), pattern.slice(star + 1)];
  try {
    return gcs.list(bucket, { prefix: pre, maxResults: 1000 }).items.filter((o) => o.name.endsWith(post)).map((o) => ({ bucket, name: o.name }));
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
  if ((cfg.sourceFormat ?? 'CSV').toUpperCase() !== 'CSV') throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: sourceFormat ${cfg.sourceFormat}`);
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
  let table = store.find(dest.projectId, dest.datasetId, tableId);
  const schema = cfg.schema?.fields;
  if (!table) {
    if ((cfg.createDisposition ?? 'CREATE_IF_NEEDED') === 'CREATE_NEVER') throw new JobFailure('notFound', `Not found: Table ${dest.projectId}:${dest.datasetId}.${tableId}`);
    if (!schema) throw new JobFailure('invalid', cfg.autodetect ? 'the local BigQuery double cannot evaluate: schema autodetect' : 'No schema specified on job or table.');
    store.dataset(dest.projectId, dest.datasetId);
    table = store.create({ project: dest.projectId, dataset: dest.datasetId, table: tableId, schema, timePartitioning: cfg.timePartitioning });
  } else if (schema) {
    const same = schema.length === table.schema.length && schema.every((f, i) => f.name === table!.schema[i].name && normType(f.type) === normType(table!.schema[i].type));
    if (!same) throw new JobFailure('invalid', `Provided Schema does not match Table ${dest.projectId}:${dest.datasetId}.${tableId}.`);
  }
  const rows: Value[][] = [];
  let bytes = 0;
  for (const raw of inputs) {
    const data = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    bytes += data.length;
    const parsed = Papa.parse<string[]>(data.toString('utf8'), { delimiter: cfg.fieldDelimiter ?? ',', skipEmptyLines: true });
    parsed.data.slice(cfg.skipLeadingRows ?? 0).forEach((cells, n) => {
      const line = n + 1 + (cfg.skipLeadingRows ?? 0);
      if (cells.length > table!.schema.length || (cells.length < table!.schema.length && !cfg.allowJaggedRows)) {
        throw new JobFailure('invalid', `Error while reading data, error message: CSV table references column position ${table!.schema.length - 1}, but line ${line} contains only ${cells.length} columns or too many.`);
      }
      try {
        rows.push(table!.schema.map((f, i) => parseCell(cells[i] ?? '', f)));
      } catch (e) {
        throw new JobFailure('invalid', `Error while reading data, error message: ${(e as Error).message}; line ${line}`);
      }
    });
  }
  writeRows(table, rows, partition, cfg.writeDisposition ?? 'WRITE_APPEND');
  return { inputFiles: String(inputs.length), inputFileBytes: String(bytes), outputRows: String(rows.length), badRecords: '0' };
}

function writeRows(table: BqTable, rows: Value[][], partition: string | undefined, disposition: string): void {
  const inScope = (r: Value[]): boolean => partition === undefined || partitionOf(table, r) === partition;
  if (partition !== undefined) {
    if (!table.timePartitioning) throw new JobFailure('invalid', `Cannot write to partition ${partition} of non-partitioned table ${table.table}`);
    const stray = rows.find((r) => partitionOf(table, r) !== partition);
    if (stray) throw new JobFailure('invalid', `Some rows belong to different partitions rather than destination partition ${partition}`);
  }
  const existing = table.rows.filter(inScope);
  if (disposition === 'WRITE_EMPTY' && existing.length > 0) throw new JobFailure('duplicate', `Already Exists: Table ${table.project}:${table.dataset}.${table.table}${partition ? '$' + partition : ''}`);
  if (disposition === 'WRITE_TRUNCATE') table.rows = table.rows.filter((r) => !inScope(r));
  else if (disposition !== 'WRITE_APPEND' && disposition !== 'WRITE_EMPTY') throw new HttpError(400, 'invalid', `Invalid writeDisposition ${disposition}`);
  table.rows.push(...rows);
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
  if ((cfg.destinationFormat ?? 'CSV').toUpperCase() !== 'CSV') throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: destinationFormat ${cfg.destinationFormat}`);
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
