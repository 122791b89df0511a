import type { Logger } from 'pino';
import { inputError } from '../errors.js';

/**
 * How a BigQuery table the tool writes is laid out: partitioned by DAY on a DATE column, and
 * clustered by up to four columns (https://cloud.google.com/bigquery/docs/clustered-tables), so
 * a dashboard filter on them (a keyword) reads only its blocks.
 */
export interface TableLayout {
  readonly partitionBy?: string;
  readonly clusterBy?: readonly string[];
}

/** The table resource's fields for a layout (tables.insert, and a load's configuration). */
export interface LayoutSpec {
  timePartitioning?: { type: 'DAY'; field: string };
  clustering?: { fields: string[] };
}

interface Meta {
  timePartitioning?: { type?: string; field?: string };
  clustering?: { fields?: string[] };
}
interface Field {
  name: string;
  type: string;
}

/** BigQuery's types a table may be clustered by (never FLOAT64). */
const CLUSTER_TYPES = ['STRING', 'DATE', 'DATETIME', 'TIMESTAMP', 'INT64', 'NUMERIC', 'BIGNUMERIC', 'BOOL', 'GEOGRAPHY'];

/**
 * Check a layout against the schema before any request: the partition column a DATE of it, the
 * clustering columns at most four of it, of types BigQuery clusters by.
 */
export function checkLayout(layout: TableLayout | undefined, schema: readonly Field[], text: string): void {
  if (!layout) return;
  const type = (name: string) => schema.find((f) => f.name === name)?.type;
  if (layout.partitionBy !== undefined && type(layout.partitionBy) !== 'DATE') {
    throw inputError('column_missing', `writing ${text}: partition column '${layout.partitionBy}' must be a DATE column of the schema`);
  }
  const cluster = layout.clusterBy ?? [];
  if (cluster.length > 4) throw inputError('column_missing', `writing ${text}: BigQuery clusters by at most 4 columns, not ${cluster.length}`);
  for (const c of cluster) {
    const t = type(c);
    if (t === undefined || !CLUSTER_TYPES.includes(t))
      throw inputError(
        'column_missing',
        `writing ${text}: clustering column '${c}' must be a column of the schema of a type BigQuery clusters by (not FLOAT64), got ${t ?? 'none'}`,
      );
  }
}

/** The resource fields of a layout; an append's partition column wins over the layout's. */
export function layoutSpec(layout: TableLayout | undefined, part?: string): LayoutSpec {
  const by = part ?? layout?.partitionBy;
  const cluster = layout?.clusterBy ?? [];
  return {
    ...(by ? { timePartitioning: { type: 'DAY', field: by } } : {}),
    ...(cluster.length ? { clustering: { fields: [...cluster] } } : {}),
  };
}

/** The layout an existing table has. */
export function layoutOf(meta: Meta): TableLayout {
  const by = meta.timePartitioning;
  return {
    ...(by?.field && (by.type ?? 'DAY') === 'DAY' ? { partitionBy: by.field } : {}),
    ...(meta.clustering?.fields?.length ? { clusterBy: [...meta.clustering.fields] } : {}),
  };
}

const render = (l: TableLayout) =>
  [
    l.partitionBy ? `partitioned by ${l.partitionBy}` : 'not partitioned',
    l.clusterBy?.length ? `clustered by ${l.clusterBy.join(', ')}` : 'not clustered',
  ].join(', ');

/**
 * The layout to write with: an existing table keeps its own (BigQuery cannot change a table's
 * partitioning, and a load or copy naming another is refused), a new one gets `wanted`. When an
 * existing table lacks the wanted layout (a table made by an older version, with one target),
 * the log says how to migrate it.
 */
export function effectiveLayout(meta: Meta | null, wanted: TableLayout | undefined, text: string, logger: Logger): TableLayout {
  if (!meta) return wanted ?? {};
  const have = layoutOf(meta);
  if (wanted && render(have) !== render({ ...have, ...wanted })) {
    logger.warn(
      { table: text, layout: render(have), wanted: render({ ...have, ...wanted }) },
      `${text} is ${render(have)}; the tool creates it ${render({ ...have, ...wanted })}: see docs/targets.md#migrating-a-one-target-bigquery-table`,
    );
  }
  return have;
}
