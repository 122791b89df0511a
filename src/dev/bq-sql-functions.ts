import { HttpError } from './http-util.js';
import { cannot } from './bq-sql-lex.js';

/**
 * Scalar functions of the double's GoogleSQL subset, on typed values: DATE 'yyyy-mm-dd', DATETIME
 * 'yyyy-mm-ddThh:mm:ss[.ffffff]', TIMESTAMP as microseconds since the epoch (UTC), arrays as JS
 * arrays. Types were checked before (bq-sql-types.ts); these compute.
 */
export type Value = string | number | boolean | null | Value[];

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const toDate = (s: string): Date => new Date(`${s}T00:00:00Z`);
const fmt = (d: Date): string => d.toISOString().slice(0, 10);

/** DATE_TRUNC of a 'yyyy-mm-dd' date to DAY, WEEK[(WEEKDAY)], MONTH or YEAR. */
export function dateTrunc(d: string, unit: string): string {
  const x = toDate(d);
  if (unit === 'DAY') return d;
  if (unit === 'MONTH') return `${d.slice(0, 7)}-01`;
  if (unit === 'YEAR') return `${d.slice(0, 4)}-01-01`;
  const m = /^WEEK(?:\((\w+)\))?$/.exec(unit);
  if (!m) cannot(`DATE_TRUNC part ${unit}`);
  const start = DAYS.indexOf(m[1] ?? 'SUNDAY');
  if (start < 0) cannot(`WEEK(${m[1]})`);
  x.setUTCDate(x.getUTCDate() - ((x.getUTCDay() - start + 7) % 7));
  return fmt(x);
}

/** DATE_TRUNC of a DATE, DATETIME or TIMESTAMP value, keeping its type (the time of day becomes midnight). */
export function truncTemporal(v: Value, type: string, unit: string): Value {
  if (type === 'DATE') return dateTrunc(String(v), unit);
  if (type === 'DATETIME') return `${dateTrunc(String(v).slice(0, 10), unit)}T00:00:00`;
  return Date.parse(`${dateTrunc(dateOf(v, 'TIMESTAMP'), unit)}T00:00:00Z`) * 1000;
}

/** DATE_ADD of n units (DAY, WEEK, MONTH, YEAR); months clamp to the month's last day, as BigQuery does. */
export function dateAdd(d: string, n: number, unit: string): string {
  const x = toDate(d);
  if (unit === 'DAY') x.setUTCDate(x.getUTCDate() + n);
  else if (unit === 'WEEK') x.setUTCDate(x.getUTCDate() + 7 * n);
  else if (unit === 'MONTH' || unit === 'YEAR') {
    const months = unit === 'YEAR' ? 12 * n : n;
    const day = x.getUTCDate();
    x.setUTCDate(1);
    x.setUTCMonth(x.getUTCMonth() + months);
    const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
    x.setUTCDate(Math.min(day, last));
  } else cannot(`DATE_ADD unit ${unit}`);
  return fmt(x);
}

/** DATE(x) of a DATE, DATETIME or TIMESTAMP (UTC). */
export function dateOf(v: Value, type: string): string {
  return type === 'TIMESTAMP' ? new Date((v as number) / 1000).toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/** PARSE_DATE with %Y, %m, %d and literal characters; a string that does not match fails the query, as in BigQuery. */
export function parseDate(format: string, text: string): string {
  let re = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      re += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const f = format[++i];
    re += f === 'Y' ? '(?<Y>\\d{4})' : f === 'm' ? '(?<m>\\d{1,2})' : f === 'd' ? '(?<d>\\d{1,2})' : cannot(`PARSE_DATE format element %${f}`);
  }
  const g = new RegExp(`^${re}$`).exec(text)?.groups;
  const iso = g ? `${g.Y}-${g.m.padStart(2, '0')}-${g.d.padStart(2, '0')}` : '';
  if (!g || Number.isNaN(toDate(iso).getTime()) || fmt(toDate(iso)) !== iso) {
    throw new HttpError(400, 'invalidQuery', `Failed to parse input string "${text}"`);
  }
  return iso;
}

/** SUBSTR(s, position[, length]), 1-based; a negative position counts from the end. */
export function substr(s: string, pos: number, len?: number): string {
  const chars = [...s];
  const start = pos > 0 ? pos - 1 : pos < 0 ? Math.max(chars.length + pos, 0) : 0;
  return chars.slice(start, len === undefined ? undefined : start + Math.max(len, 0)).join('');
}

/** SPLIT(s, delimiter = ','); an empty string splits into one empty element. */
export function split(s: string, delimiter = ','): string[] {
  return delimiter === '' ? [...s] : s.split(delimiter);
}

/** CAST between the types the double holds. */
export function castValue(v: Value, from: string, to: string): Value {
  if (v === null || from === to) return v;
  if (to === 'STRING') {
    if (from === 'TIMESTAMP') return new Date((v as number) / 1000).toISOString().replace('T', ' ').replace('Z', '+00');
    return from === 'DATETIME' ? String(v).replace('T', ' ') : String(v);
  }
  if (to === 'INT64') {
    const n = from === 'FLOAT64' ? Math.round(v as number) : Number(v);
    if (!Number.isInteger(n)) throw new HttpError(400, 'invalidQuery', `Bad int64 value: ${String(v)}`);
    return n;
  }
  if (to === 'FLOAT64') return Number(v);
  if (to === 'DATE') return from === 'STRING' ? parseDate('%Y-%m-%d', String(v)) : dateOf(v, from);
  return cannot(`CAST from ${from} to ${to}`);
}

/**
 * Order two values of comparable types: a DATE meets a DATETIME at midnight, a string literal
 * meets a TIMESTAMP as the instant it names. Negative, zero or positive.
 */
export function compareValues(a: Value, b: Value): number {
  let [x, y] = [a, b];
  if (typeof x === 'string' && typeof y === 'string' && x.length !== y.length && /^\d{4}-\d{2}-\d{2}/.test(x) && /^\d{4}-\d{2}-\d{2}/.test(y)) {
    [x, y] = [x.length === 10 ? `${x}T00:00:00` : x, y.length === 10 ? `${y}T00:00:00` : y];
  }
  if (typeof x === 'string' && typeof y === 'number') x = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(x) ? x : `${x.replace(' ', 'T')}Z`) * 1000;
  if (typeof y === 'string' && typeof x === 'number') y = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(y) ? y : `${y.replace(' ', 'T')}Z`) * 1000;
  return x === y ? 0 : (x as number | string) < (y as number | string) ? -1 : 1;
}
