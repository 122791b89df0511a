/**
 * Partitioning and clustering in the BigQuery double, as BigQuery documents them
 * (https://cloud.google.com/bigquery/docs/creating-clustered-tables#limitations,
 * https://cloud.google.com/bigquery/docs/manage-clustered-tables):
 * - clustering columns are at most four top-level, non-repeated columns of the table, of type
 *   STRING, DATE, DATETIME, TIMESTAMP, INT64, NUMERIC, BIGNUMERIC, BOOL or GEOGRAPHY (never FLOAT64);
 * - a table's clustering may be changed later (tables.patch), its partitioning may not;
 * - a load or copy that names a specification for an existing table must name the table's own
 *   (`Incompatible table partitioning specification. Expects partitioning specification …`, the
 *   error BigQuery gives, e.g. when a whole non-partitioned table is copied over a partitioned one).
 * A job that names no specification keeps the table's. The wording of the validation messages
 * follows BigQuery's where it is documented and is the double's own otherwise.
 */
import { normType, type Field } from './bq-sql-eval.js';
import { HttpError } from './http-util.js';

export interface Clustering {
  fields: string[];
}

export interface TimePartitioning {
  type: string;
  field?: string;
}

const CLUSTER_TYPES = ['STRING', 'DATE', 'DATETIME', 'TIMESTAMP', 'INT64', 'NUMERIC', 'BIGNUMERIC', 'BOOL', 'GEOGRAPHY'];
export const MAX_CLUSTERING_FIELDS = 4;

/** Throws a 400 when `clustering` is not one BigQuery accepts for a table of `schema`. */
export function checkClustering(clustering: Clustering | undefined, schema: readonly Field[], table: string): void {
  if (clustering === undefined) return;
  const fields = clustering.fields ?? [];
  if (fields.length === 0) throw new HttpError(400, 'invalid', `Clustering for table ${table} must name at least one field.`);
  if (fields.length > MAX_CLUSTERING_FIELDS)
    throw new HttpError(400, 'invalid', `Too many clustering fields: ${fields.length}, only ${MAX_CLUSTERING_FIELDS} are allowed.`);
  const seen = new Set<string>();
  for (const name of fields) {
    const f = schema.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!f) throw new HttpError(400, 'invalid', `The field specified for clustering cannot be found in the schema. Invalid field: ${name}.`);
    if (seen.has(f.name.toLowerCase())) throw new HttpError(400, 'invalid', `Duplicate clustering field: ${name}.`);
    seen.add(f.name.toLowerCase());
    const type = normType(f.type);
    if ((f.mode ?? 'NULLABLE').toUpperCase() === 'REPEATED' || !CLUSTER_TYPES.includes(type)) {
      throw new HttpError(
        400,
        'invalid',
        `Field ${f.name} is of type ${type}${(f.mode ?? '').toUpperCase() === 'REPEATED' ? ' (REPEATED)' : ''}, which is not supported for clustering.`,
      );
    }
  }
}

/** BigQuery's rendering of a table's specification: `interval(type:day,field:run_date) clustering(target)`, or `none`. */
export function layoutSpec(p: TimePartitioning | undefined, c: Clustering | undefined): string {
  const parts = [
    ...(p ? [`interval(type:${p.type.toLowerCase()}${p.field ? `,field:${p.field}` : ''})`] : []),
    ...(c && c.fields.length ? [`clustering(${c.fields.join(',')})`] : []),
  ];
  return parts.length ? parts.join(' ') : 'none';
}

/**
 * A job's specification against an existing table's: the job's failure message when they
 * differ, otherwise undefined. A load names its specification or not (then it keeps the
 * table's); a whole-table copy always brings its source's (`whole`). Field names compare
 * case-insensitively, as BigQuery's do.
 */
export function layoutConflict(
  table: { timePartitioning?: TimePartitioning; clustering?: Clustering },
  job: { timePartitioning?: TimePartitioning; clustering?: Clustering },
  whole = false,
): string | undefined {
  const named = whole || job.timePartitioning !== undefined || job.clustering !== undefined;
  if (!named) return undefined;
  const have = layoutSpec(table.timePartitioning, table.clustering);
  const given = layoutSpec(job.timePartitioning, job.clustering);
  if (given.toLowerCase() === have.toLowerCase()) return undefined;
  return `Incompatible table partitioning specification. Expects partitioning specification ${have}, but input partitioning specification is ${given}`;
}
