import { Readable } from 'node:stream';
import { inputError } from '../errors.js';
import { dryRunQuery, openBqRead, type BqUri } from './bq-read.js';
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
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
const TABLE = /^[a-z][a-z0-9.:-]{4,61}[a-z0-9]\.[A-Za-z0-9_]{1,1024}\.[A-Za-z0-9_][A-Za-z0-9_-]{0,1023}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function ident(name: string, what: string): string {
  if (!IDENT.test(name)) throw inputError('bad_identifier', `events ${what} column '${name}' must be letters, digits and underscores`);
  return `\`${name}\``;
}

/**
 * The per-key, per-period aggregation pushed down to BigQuery, producing `key,date,value`.
 * Periods are labelled by their end like pandas: W-SUN weeks end on Sunday
 * (`DATE_ADD(DATE_TRUNC(d, WEEK(MONDAY)), INTERVAL 6 DAY)`), MS months by their first day, D by
 * the day. `last` is the value at the latest date in the period (MAX_BY). Identifiers are
 * validated and backquoted; start/end go in as @named DATE parameters. Pure.
 */
export function eventsPushdownSql(spec: EventsSpec): { sql: string; params: Record<string, unknown> } {
  if (!TABLE.test(spec.table)) throw inputError('bad_identifier', `events table '${spec.table}' must be project.dataset.table`);
  const key = ident(spec.key, 'key');
  const d = ident(spec.date, 'date');
  const v = spec.value !== undefined ? ident(spec.value, 'value') : undefined;
  if (!v && spec.agg !== 'count') throw inputError('column_missing', `events aggregation '${spec.agg}' needs a value column`);
  const period = spec.freq === 'W-SUN' ? `DATE_ADD(DATE_TRUNC(${d}, WEEK(MONDAY)), INTERVAL 6 DAY)`
    : spec.freq === 'MS' ? `DATE_TRUNC(${d}, MONTH)` : d;
  const value = {
    mean: `AVG(${v})`, sum: `SUM(${v})`, count: 'COUNT(*)', count_x_mean: `COUNT(*) * AVG(${v})`, last: `MAX_BY(${v}, ${d})`,
  }[spec.agg];
  if (!value) throw inputError('bad_agg', `unknown events aggregation '${String(spec.agg)}'`);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [name, op] of [['start', '>='], ['end', '<=']] as const) {
    const val = spec[name];
    if (val === undefined) continue;
    if (!DATE.test(val)) throw inputError('bad_date', `events ${name} '${val}' is not a yyyy-mm-dd date`);
    where.push(`${d} ${op} @${name}`);
    params[name] = val;
  }
  const sql = [
    `SELECT ${key} AS \`key\`, ${period} AS \`date\`, ${value} AS \`value\``,
    `FROM \`${spec.table}\``,
    ...(where.length ? [`WHERE ${where.join(' AND ')}`] : []),
    'GROUP BY 1, 2',
    'ORDER BY 1, 2',
  ].join('\n');
  return { sql, params };
}

/** Options of `aggregateEventsInBigQuery`. */
export interface EventsQueryOptions { location?: string; maxBytesBilled?: string | number; dryRun?: boolean }
/** What a dry run of the push-down returns (for `merge --dry-run`). */
export interface EventsDryRun { sql: string; params: Record<string, unknown>; totalBytesProcessed: number }

/**
 * Run the push-down aggregation and stream `key,date,value` CSV. With `dryRun: true` nothing
 * runs: the SQL, its parameters and the bytes it would process are returned instead.
 */
export function aggregateEventsInBigQuery(uri: BqUri | null, spec: EventsSpec, ctx: IoContext, opts: EventsQueryOptions & { dryRun: true }): Promise<EventsDryRun>;
export function aggregateEventsInBigQuery(uri: BqUri | null, spec: EventsSpec, ctx: IoContext, opts?: EventsQueryOptions & { dryRun?: false }): Promise<Readable>;
export async function aggregateEventsInBigQuery(uri: BqUri | null, spec: EventsSpec, ctx: IoContext, opts: EventsQueryOptions = {}): Promise<Readable | EventsDryRun> {
  const { sql, params } = eventsPushdownSql(spec);
  const q = { query: sql, params, location: opts.location, maxBytesBilled: opts.maxBytesBilled };
  if (opts.dryRun) return { sql, params, totalBytesProcessed: await dryRunQuery(uri, ctx, q) };
  return openBqRead(uri, ctx, q);
}
