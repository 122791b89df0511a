import { normType, type Field, type Value } from './bq-sql-eval.js';
import { partitionOf, type BqStore, type BqTable } from './bq-store.js';
import { JobFailure, splitDecorator, type TableRef } from './bq-load-extract.js';
import { HttpError } from './http-util.js';
import { layoutConflict } from './bq-layout.js';

export interface CopyConfig {
  sourceTable?: TableRef;
  sourceTables?: TableRef[];
  destinationTable: TableRef;
  createDisposition?: string;
  writeDisposition?: string;
  operationType?: string;
}

/**
 * Run a table copy job (https://cloud.google.com/bigquery/docs/managing-tables#copy-table), all
 * or nothing, as BigQuery documents it:
 * - a whole-table destination: WRITE_TRUNCATE takes the source's schema and rows, WRITE_APPEND
 *   adds rows (same schema), WRITE_EMPTY (the default) fails on a table with rows; a missing
 *   table is created from the source unless CREATE_NEVER;
 * - a partition destination `table$YYYYMMDD` (https://cloud.google.com/bigquery/docs/managing-partitioned-table-data):
 *   the table must exist and be partitioned, the source's schema must match it, every copied row
 *   must fall in that partition, and the disposition applies to the partition only.
 */
export function runCopy(store: BqStore, cfg: CopyConfig): Record<string, unknown> {
  if ((cfg.operationType ?? 'COPY').toUpperCase() !== 'COPY')
    throw new HttpError(400, 'invalid', `the local BigQuery double cannot evaluate: copy operationType ${cfg.operationType}`);
  const refs = cfg.sourceTables ?? (cfg.sourceTable ? [cfg.sourceTable] : []);
  if (refs.length === 0) throw new JobFailure('invalid', 'A copy job needs at least one source table.');
  const sources = refs.map((r) => sourceRows(store, r));
  const schema = sources[0].schema;
  for (const s of sources.slice(1)) {
    if (!sameFields(s.schema, schema)) throw new JobFailure('invalid', 'Copy sources have different schemas.');
  }
  const dest = cfg.destinationTable;
  const { table: tableId, partition } = splitDecorator(dest.tableId);
  const disposition = cfg.writeDisposition ?? 'WRITE_EMPTY';
  if (!['WRITE_TRUNCATE', 'WRITE_APPEND', 'WRITE_EMPTY'].includes(disposition)) throw new HttpError(400, 'invalid', `Invalid writeDisposition ${disposition}`);
  let table = store.find(dest.projectId, dest.datasetId, tableId);
  const id = `${dest.projectId}:${dest.datasetId}.${tableId}`;
  if (!table) {
    if ((cfg.createDisposition ?? 'CREATE_IF_NEEDED') === 'CREATE_NEVER' || partition !== undefined) throw new JobFailure('notFound', `Not found: Table ${id}`);
    table = store.create({
      project: dest.projectId,
      dataset: dest.datasetId,
      table: tableId,
      schema,
      timePartitioning: sources[0].timePartitioning,
      clustering: sources[0].clustering,
    });
  } else if (table.type === 'VIEW' || table.type === 'EXTERNAL') {
    throw new JobFailure('invalid', `Cannot copy into a table of type ${table.type}.`);
  } else if (partition === undefined) {
    // A whole table copied over another brings its partitioning and clustering, which must be the destination's.
    const conflict = layoutConflict(table, sources[0], true);
    if (conflict) throw new JobFailure('invalid', conflict);
  }
  const rows = sources.flatMap((s) => s.rows);
  if (partition === undefined) {
    if (disposition !== 'WRITE_TRUNCATE' && !sameFields(schema, table.schema)) throw new JobFailure('invalid', `Provided Schema does not match Table ${id}.`);
    if (disposition === 'WRITE_EMPTY' && table.rows.length > 0) throw new JobFailure('duplicate', `Already Exists: Table ${id}`);
    if (disposition === 'WRITE_TRUNCATE') {
      table.schema = schema.map((f) => ({ ...f }));
      table.rows = [];
    }
    for (const r of rows) table.rows.push([...r]);
  } else {
    if (!table.timePartitioning) throw new JobFailure('invalid', `Cannot write to partition ${partition} of non-partitioned table ${tableId}`);
    if (!sameFields(schema, table.schema)) throw new JobFailure('invalid', `Provided Schema does not match Table ${id}.`);
    const t = table;
    const at = t.schema.map((f) => schema.findIndex((s) => s.name.toLowerCase() === f.name.toLowerCase()));
    const laid = rows.map((r) => at.map((i) => r[i]));
    if (laid.some((r) => partitionOf(t, r) !== partition))
      throw new JobFailure('invalid', `Some rows belong to different partitions rather than destination partition ${partition}`);
    const inPartition = (r: Value[]) => partitionOf(t, r) === partition;
    if (disposition === 'WRITE_EMPTY' && t.rows.some(inPartition)) throw new JobFailure('duplicate', `Already Exists: Table ${id}$${partition}`);
    if (disposition === 'WRITE_TRUNCATE') t.rows = t.rows.filter((r) => !inPartition(r));
    for (const r of laid) t.rows.push(r);
  }
  table.lastModifiedTime = Date.now();
  return { copiedRows: String(rows.length), copiedLogicalBytes: '0' };
}

function sourceRows(store: BqStore, ref: TableRef): BqTable {
  const { table: tableId, partition } = splitDecorator(ref.tableId);
  const t = store.find(ref.projectId, ref.datasetId, tableId);
  if (!t) throw new JobFailure('notFound', `Not found: Table ${ref.projectId}:${ref.datasetId}.${tableId}`);
  if (t.type === 'VIEW' || t.type === 'EXTERNAL') throw new JobFailure('invalid', `Cannot copy a table of type ${t.type}.`);
  return partition === undefined ? t : { ...t, rows: t.rows.filter((r) => partitionOf(t, r) === partition) };
}

/** The same columns with the same types, whatever their order or case. */
function sameFields(a: readonly Field[], b: readonly Field[]): boolean {
  return a.length === b.length && a.every((f) => b.some((g) => g.name.toLowerCase() === f.name.toLowerCase() && normType(g.type) === normType(f.type)));
}

/**
 * tables.patch of a schema (https://cloud.google.com/bigquery/docs/managing-table-schemas): every
 * existing column must stay with its type; new columns must be NULLABLE and are added at the end,
 * NULL in the rows already there.
 */
export function patchSchema(table: BqTable, fields: readonly Field[]): void {
  const id = `${table.project}:${table.dataset}.${table.table}`;
  for (const f of table.schema) {
    const g = fields.find((x) => x.name.toLowerCase() === f.name.toLowerCase());
    if (!g) throw new HttpError(400, 'invalid', `Provided Schema does not match Table ${id}. Field ${f.name} is missing in new schema`);
    if (normType(g.type) !== normType(f.type))
      throw new HttpError(
        400,
        'invalid',
        `Provided Schema does not match Table ${id}. Field ${f.name} has changed type from ${normType(f.type)} to ${normType(g.type)}`,
      );
  }
  const added = fields.filter((g) => !table.schema.some((f) => f.name.toLowerCase() === g.name.toLowerCase()));
  const required = added.find((f) => (f.mode ?? 'NULLABLE').toUpperCase() === 'REQUIRED');
  if (required) throw new HttpError(400, 'invalid', `Provided Schema does not match Table ${id}. Cannot add required fields (field: ${required.name})`);
  table.schema = [...table.schema, ...added.map((f) => ({ ...f }))];
  table.rows = table.rows.map((r) => [...r, ...added.map(() => null)]);
  table.lastModifiedTime = Date.now();
}
