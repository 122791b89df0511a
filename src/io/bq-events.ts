import { Readable } from 'node:stream';
import { inputError } from '../errors.js';
import { dryRunQuery, openBqRead, tableMetadata, type BqUri } from './bq-read.js';
import type { IoContext } from './context.js';

export interface EventsSpec {
  /** project.dataset.table */
  readonly table: string;
  readonly key: string;
  readonly date: string;
  readonly value?: string;
  readonly agg: 'mean' | 'sum' | 'count' | 'count_x_mean' | 'last';
  readonly freq: 'W-SUN' | 'D' | 'MS';
  readonly start?: string;
  readonly end?: string;
  /** The date column's BigQuery type (from tables.get); DATE when not given. */
  readonly dateType?: DateType;
  /** The key column holds lists with this delimiter (GDELT's V2Themes: `;`): one key per item. */
  readonly split?: string;
}

/** Date column types the push-down reads; INT64 holds yyyymmdd or yyyymmddhhmmss (GDELT's GKG DATE). */
export const DATE_TYPES = ['DATE', 'DATETIME', 'TIMESTAMP', 'INT64'] as const;
export type DateType = (typeof DATE_TYPES)[number];
export function isDateType(t: string): t is DateType {
  return (DATE_TYPES as readonly string[]).includes(t);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
const TABLE = /^[a-z][a-z0-9.:-]{4,61}[a-z0-9]\.[A-Za-z0-9_]{1,1024}\.[A-Za-z0-9_][A-Za-z0-9_-]{0,1023}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function ident(name: string, what: string): string {
  if (!IDENT.test(name)) throw inputError('bad_identifier', `events ${what} column '${name}' must be letters, digits and underscores`);
  return `\`${name}\``;
}

/** A DATE expression of the date column, whatever its type. */
function dateOf(d: string, type: DateType): string {
  if (type === 'DATE') return d;
  if (type === 'INT64') return `PARSE_DATE('%Y%m%d', SUBSTR(CAST(${d} AS STRING), 1, 8))`;
  return `DATE(${d})`; // DATETIME, and TIMESTAMP in UTC
}

/**
 * The per-key, per-period aggregation pushed down to BigQuery, producing `key,date,value`.
 * - The date column is read as a DATE by its type (`dateType`): DATE as is, DATETIME and
 *   TIMESTAMP (UTC) by DATE(), INT64 yyyymmdd[hhmmss] by PARSE_DATE of its first 8 digits.
 * - Periods are labelled by their end like pandas: W-SUN weeks end on Sunday
 *   (`DATE_ADD(DATE_TRUNC(d, WEEK(MONDAY)), INTERVAL 6 DAY)`), MS months by their first day, D by
 *   the day. `last` is the value at the latest date in the period (MAX_BY).
 * - With `split`, the key column holds delimited lists: each row counts once for each distinct
 *   item, an item's key being its text up to the first comma (GDELT's V2Themes holds
 *   `THEME,offset` items separated by `;`), through UNNEST(SPLIT(...)).
 * Identifiers are validated and backquoted; start/end and the delimiter go in as @named
 * parameters. Pure.
 */
export function eventsPushdownSql(spec: EventsSpec): { sql: string; params: Record<string, unknown> } {
  if (!TABLE.test(spec.table)) throw inputError('bad_identifier', `events table '${spec.table}' must be project.dataset.table`);
  const column = ident(spec.key, 'key');
  const d = dateOf(ident(spec.date, 'date'), spec.dateType ?? 'DATE');
  const v = spec.value !== undefined ? ident(spec.value, 'value') : undefined;
  if (!v && spec.agg !== 'count') throw inputError('column_missing', `events aggregation '${spec.agg}' needs a value column`);
  const period = spec.freq === 'W-SUN' ? `DATE_ADD(DATE_TRUNC(${d}, WEEK(MONDAY)), INTERVAL 6 DAY)` : spec.freq === 'MS' ? `DATE_TRUNC(${d}, MONTH)` : d;
  const value = {
    mean: `AVG(${v})`,
    sum: `SUM(${v})`,
    count: 'COUNT(*)',
    count_x_mean: `COUNT(*) * AVG(${v})`,
    last: `MAX_BY(${v}, ${d})`,
  }[spec.agg];
  if (!value) throw inputError('bad_agg', `unknown events aggregation '${String(spec.agg)}'`);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [name, op] of [
    ['start', '>='],
    ['end', '<='],
  ] as const) {
    const val = spec[name];
    if (val === undefined) continue;
    if (!DATE.test(val)) throw inputError('bad_date', `events ${name} '${val}' is not a yyyy-mm-dd date`);
    where.push(`${d} ${op} @${name}`);
    params[name] = val;
  }
  if (spec.split !== undefined) {
    if (spec.split === '' || spec.split.length > 4) throw inputError('bad_source', `events split '${spec.split}' must be a delimiter of 1 to 4 characters`);
    params.split = spec.split;
  }
  const key = spec.split !== undefined ? '`_key`' : column;
  const from =
    spec.split !== undefined
      ? `FROM \`${spec.table}\`, UNNEST(ARRAY(SELECT DISTINCT SPLIT(\`_item\`, ',')[SAFE_OFFSET(0)] FROM UNNEST(SPLIT(${column}, @split)) AS \`_item\` WHERE \`_item\` != '')) AS \`_key\``
      : `FROM \`${spec.table}\``;
  const sql = [
    `SELECT ${key} AS \`key\`, ${period} AS \`date\`, ${value} AS \`value\``,
    from,
    ...(where.length ? [`WHERE ${where.join(' AND ')}`] : []),
    'GROUP BY 1, 2',
    'ORDER BY 1, 2',
  ].join('\n');
  return { sql, params };
}

/** Options of `aggregateEventsInBigQuery`. */
export interface EventsQueryOptions {
  location?: string;
  maxBytesBilled?: string | number;
  dryRun?: boolean;
}
/** What a dry run of the push-down returns (for `merge --dry-run`). */
export interface EventsDryRun {
  sql: string;
  params: Record<string, unknown>;
  totalBytesProcessed: number;
}

/**
 * Run the push-down aggregation and stream `key,date,value` CSV. With `dryRun: true` nothing
 * runs: the SQL, its parameters and the bytes it would process are returned instead.
 */
export function aggregateEventsInBigQuery(
  uri: BqUri | null,
  spec: EventsSpec,
  ctx: IoContext,
  opts: EventsQueryOptions & { dryRun: true },
): Promise<EventsDryRun>;
export function aggregateEventsInBigQuery(
  uri: BqUri | null,
  spec: EventsSpec,
  ctx: IoContext,
  opts?: EventsQueryOptions & { dryRun?: false },
): Promise<Readable>;
export async function aggregateEventsInBigQuery(
  uri: BqUri | null,
  spec: EventsSpec,
  ctx: IoContext,
  opts: EventsQueryOptions = {},
): Promise<Readable | EventsDryRun> {
  const typed = uri ? await withColumnTypes(uri, spec, ctx) : { spec, location: undefined };
  const { sql, params } = eventsPushdownSql(typed.spec);
  const q = { query: sql, params, location: opts.location ?? typed.location, maxBytesBilled: opts.maxBytesBilled };
  if (opts.dryRun) return { sql, params, totalBytesProcessed: await dryRunQuery(uri, ctx, q) };
  return openBqRead(uri, ctx, q);
}

/**
 * The spec with the date column's type read from tables.get (and the table's location, where the
 * query must run): a missing column or a type the push-down cannot read is a clear input error.
 */
async function withColumnTypes(uri: BqUri, spec: EventsSpec, ctx: IoContext): Promise<{ spec: EventsSpec; location?: string }> {
  const meta = await tableMetadata(uri, ctx);
  const fields = meta.schema?.fields ?? [];
  const typeOf = (name: string, what: string): string => {
    const f = fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!f)
      throw inputError('column_missing', `events ${what} column '${name}' not found in ${uri.text}; columns are: ${fields.map((x) => x.name).join(', ')}`);
    return ({ INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' } as Record<string, string>)[f.type.toUpperCase()] ?? f.type.toUpperCase();
  };
  const dateType = typeOf(spec.date, 'date');
  if (!isDateType(dateType)) {
    throw inputError(
      'bad_date_type',
      `events date column '${spec.date}' of ${uri.text} is ${dateType}; the push-down reads DATE, DATETIME, TIMESTAMP or INT64 yyyymmdd[hhmmss]`,
    );
  }
  if (spec.split !== undefined && typeOf(spec.key, 'key') !== 'STRING') {
    throw inputError(
      'bad_source',
      `events key column '${spec.key}' of ${uri.text} is ${typeOf(spec.key, 'key')}; split= needs a STRING column of delimited lists`,
    );
  }
  return { spec: { ...spec, dateType }, location: meta.location };
}
