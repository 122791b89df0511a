import { HttpError } from './http-util.js';
import { normType, type Field, type Value } from './bq-sql-eval.js';
import { checkClustering, type Clustering } from './bq-layout.js';

/**
 * A table in the BigQuery double. Rows hold typed values (DATE 'yyyy-mm-dd', DATETIME
 * 'yyyy-mm-ddThh:mm:ss[.ffffff]', TIMESTAMP µs). A VIEW holds its query and an EXTERNAL table its
 * Cloud Storage source instead of rows; both are read only through queries, as in BigQuery.
 */
export interface BqTable {
  readonly project: string;
  readonly dataset: string;
  readonly table: string;
  schema: Field[];
  readonly type?: 'TABLE' | 'VIEW' | 'EXTERNAL';
  readonly view?: { query: string };
  readonly external?: { sourceUris: string[]; skipLeadingRows?: number };
  readonly timePartitioning?: { type: string; field?: string };
  /** Clustering columns (bq-layout.ts); may be changed by tables.patch. */
  clustering?: Clustering;
  rows: Value[][];
  readonly description?: string;
  readonly creationTime: number;
  lastModifiedTime: number;
}

/** Logical size (https://cloud.google.com/bigquery/pricing#data): STRING 2 + UTF-8 bytes, numbers/dates 8, BOOL 1. */
export function cellBytes(v: Value, type: string): number {
  if (v === null) return 0;
  const t = normType(type);
  if (t === 'STRING') return 2 + Buffer.byteLength(String(v));
  if (t === 'BOOL') return 1;
  return 8;
}

export function tableBytes(t: BqTable, columns?: readonly string[]): number {
  const idx = t.schema.map((f, i) => ({ f, i })).filter(({ f }) => !columns || columns.includes(f.name.toLowerCase()));
  let n = 0;
  for (const r of t.rows) for (const { f, i } of idx) n += cellBytes(r[i], f.type);
  return n;
}

/** Parse one CSV cell as a column type; empty is NULL (the default nullMarker). */
export function parseCell(text: string, f: Field): Value {
  if (text === '') {
    if ((f.mode ?? 'NULLABLE').toUpperCase() === 'REQUIRED') throw new Error(`Required field ${f.name} cannot be null`);
    return null;
  }
  const t = normType(f.type);
  const bad = (): never => {
    throw new Error(`Could not parse '${text}' as ${t} for field ${f.name}`);
  };
  switch (t) {
    case 'STRING':
      return text;
    case 'INT64':
      return /^[+-]?\d+$/.test(text) ? Number(text) : bad();
    case 'FLOAT64': {
      const n = Number(text);
      return Number.isNaN(n) && text !== 'NaN' ? bad() : n;
    }
    case 'BOOL':
      return /^(true|1)$/i.test(text) ? true : /^(false|0)$/i.test(text) ? false : bad();
    case 'DATE': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) bad();
      const d = new Date(`${text}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? bad() : text;
    }
    case 'TIMESTAMP': {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
      return Number.isNaN(ms) ? bad() : ms * 1000;
    }
    default:
      throw new HttpError(400, 'invalid', `the local BigQuery double cannot load type ${f.type}`);
  }
}

/** A typed value as the REST API returns it in `rows[].f[].v` (always strings). */
export function toApi(v: Value, type: string, int64Timestamp: boolean): string | null {
  if (v === null) return null;
  const t = normType(type);
  if (t === 'TIMESTAMP') return int64Timestamp ? String(v) : String((v as number) / 1e6);
  if (t === 'BOOL') return v ? 'true' : 'false';
  return String(v);
}

/** A typed value as it appears in an exported CSV. */
export function toCsvCell(v: Value, type: string): string {
  if (v === null) return '';
  const t = normType(type);
  if (t === 'TIMESTAMP') return new Date((v as number) / 1000).toISOString().replace('T', ' ').replace('Z', ' UTC');
  return String(v);
}

/** Datasets and tables by `project:dataset[.table]`. */
export class BqStore {
  readonly datasets = new Map<string, { project: string; dataset: string; location: string; creationTime: number }>();
  readonly tables = new Map<string, BqTable>();

  dataset(project: string, dataset: string): { project: string; dataset: string; location: string; creationTime: number } {
    const d = this.datasets.get(`${project}:${dataset}`);
    if (!d) throw new HttpError(404, 'notFound', `Not found: Dataset ${project}:${dataset}`);
    return d;
  }

  createDataset(project: string, dataset: string, location = 'US'): { project: string; dataset: string; location: string; creationTime: number } {
    const id = `${project}:${dataset}`;
    if (this.datasets.has(id)) throw new HttpError(409, 'duplicate', `Already Exists: Dataset ${id}`);
    const d = { project, dataset, location, creationTime: Date.now() };
    this.datasets.set(id, d);
    return d;
  }

  ensureDataset(project: string, dataset: string, location = 'US'): void {
    if (!this.datasets.has(`${project}:${dataset}`)) this.createDataset(project, dataset, location);
  }

  get(project: string, dataset: string, table: string): BqTable {
    this.dataset(project, dataset);
    const t = this.tables.get(`${project}:${dataset}.${table}`);
    if (!t) throw new HttpError(404, 'notFound', `Not found: Table ${project}:${dataset}.${table}`);
    return t;
  }

  find(project: string, dataset: string, table: string): BqTable | undefined {
    return this.tables.get(`${project}:${dataset}.${table}`);
  }

  create(t: Omit<BqTable, 'rows' | 'creationTime' | 'lastModifiedTime'>): BqTable {
    this.dataset(t.project, t.dataset);
    const id = `${t.project}:${t.dataset}.${t.table}`;
    if (this.tables.has(id)) throw new HttpError(409, 'duplicate', `Already Exists: Table ${id}`);
    if (!/^[A-Za-z0-9_][A-Za-z0-9_ -]{0,1023}$/.test(t.table)) throw new HttpError(400, 'invalid', `Invalid table ID "${t.table}"`);
    const problem = fieldNameProblem(t.schema, t.table);
    if (problem) throw new HttpError(400, 'invalid', problem);
    const field = t.timePartitioning?.field;
    const fieldType = normType(t.schema.find((f) => f.name === field)?.type ?? '');
    if (field && !['DATE', 'DATETIME', 'TIMESTAMP'].includes(fieldType)) {
      throw new HttpError(
        400,
        'invalid',
        `The field specified for time partitioning can only be of type TIMESTAMP, DATE or DATETIME. The type found is: ${t.schema.find((f) => f.name === field)?.type ?? 'missing'}.`,
      );
    }
    if (t.timePartitioning && !PARTITION_TYPES.includes(t.timePartitioning.type))
      throw new HttpError(400, 'invalid', `Invalid time partitioning type ${t.timePartitioning.type}`);
    checkClustering(t.clustering, t.schema, t.table);
    const now = Date.now();
    const table: BqTable = { ...t, schema: t.schema.map((f) => ({ ...f })), rows: [], creationTime: now, lastModifiedTime: now };
    this.tables.set(id, table);
    return table;
  }

  delete(project: string, dataset: string, table: string): void {
    this.get(project, dataset, table);
    this.tables.delete(`${project}:${dataset}.${table}`);
  }

  /** Seed rows directly (tests, cloud:local). */
  seed(project: string, dataset: string, table: string, schema: Field[], rows: Value[][], timePartitioning?: { type: string; field?: string }): BqTable {
    this.ensureDataset(project, dataset);
    const t = this.find(project, dataset, table) ?? this.create({ project, dataset, table, schema, timePartitioning });
    for (const r of rows) t.rows.push(r);
    return t;
  }
}

const PARTITION_TYPES = ['HOUR', 'DAY', 'MONTH', 'YEAR'];

/**
 * BigQuery's column-name rules (https://cloud.google.com/bigquery/docs/schemas#column_names):
 * letters, digits and underscores, starting with a letter or underscore, at most 300
 * characters, unique regardless of case. The first broken rule in BigQuery's words, or undefined.
 */
export function fieldNameProblem(fields: readonly Field[], table: string): string | undefined {
  const bad = fields.find((f) => !/^[A-Za-z_][A-Za-z0-9_]{0,299}$/.test(f.name));
  if (bad)
    return `Invalid field name "${bad.name}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`;
  const seen = new Map<string, string>();
  for (const f of fields) {
    const prev = seen.get(f.name.toLowerCase());
    if (prev !== undefined) return `Duplicate(Case Insensitive) field names: ${prev} and ${f.name}. Table: ${table}`;
    seen.set(f.name.toLowerCase(), f.name);
  }
  return undefined;
}

/** The partition id of a row: YYYYMMDDHH, YYYYMMDD, YYYYMM or YYYY by the table's partitioning type. */
export function partitionOf(t: BqTable, row: Value[]): string {
  const field = t.timePartitioning?.field;
  if (!field) return '__UNPARTITIONED__';
  const i = t.schema.findIndex((f) => f.name === field);
  const v = row[i];
  if (v === null) return '__NULL__';
  const iso = typeof v === 'number' ? new Date(v / 1000).toISOString() : String(v);
  const digits = iso.replace(/[-T:]/g, '').slice(0, 10);
  const len = ({ HOUR: 10, DAY: 8, MONTH: 6, YEAR: 4 } as Record<string, number>)[t.timePartitioning?.type ?? 'DAY'] ?? 8;
  return digits.slice(0, len);
}

/** Table resource (`bigquery#table`). */
export function tableResource(t: BqTable, location: string): Record<string, unknown> {
  return {
    kind: 'bigquery#table',
    id: `${t.project}:${t.dataset}.${t.table}`,
    tableReference: { projectId: t.project, datasetId: t.dataset, tableId: t.table },
    schema: { fields: t.schema },
    ...(t.view ? { view: { query: t.view.query, useLegacySql: false } } : {}),
    ...(t.external
      ? {
          externalDataConfiguration: {
            sourceUris: t.external.sourceUris,
            sourceFormat: 'CSV',
            csvOptions: { skipLeadingRows: String(t.external.skipLeadingRows ?? 0) },
          },
        }
      : {}),
    ...(t.timePartitioning ? { timePartitioning: t.timePartitioning } : {}),
    ...(t.clustering ? { clustering: t.clustering } : {}),
    ...(t.description ? { description: t.description } : {}),
    numRows: String(t.rows.length),
    numBytes: String(tableBytes(t)),
    type: t.type ?? 'TABLE',
    location,
    creationTime: String(t.creationTime),
    lastModifiedTime: String(t.lastModifiedTime),
  };
}
