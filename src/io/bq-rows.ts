import { Readable } from 'node:stream';

/** A result/table schema field as the REST API returns it. */
export interface ApiField {
  name: string;
  type: string;
}
/** One row as the REST API returns it: `{f:[{v}]}` with string (or null) values. */
export interface ApiRow {
  f: { v: unknown }[];
}

/** Quote a CSV field when it holds a delimiter, quote or newline (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One REST cell as CSV text: DATE is already yyyy-mm-dd; TIMESTAMP arrives as int64
 * microseconds (the clients ask for `formatOptions.useInt64Timestamp`) or float seconds and is
 * written as ISO 8601 UTC; NULL is empty.
 */
export function cellText(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (type === 'TIMESTAMP') {
    const ms = /^-?\d+$/.test(s) && s.length > 13 ? Number(s) / 1000 : Number(s) * 1000;
    return Number.isFinite(ms) ? new Date(ms).toISOString() : s;
  }
  return s;
}

export function rowLine(row: ApiRow, schema: readonly ApiField[]): string {
  return schema.map((f, i) => csvField(cellText(row.f[i]?.v, f.type.toUpperCase()))).join(',') + '\n';
}

/**
 * A CSV stream (header first) from pages fetched on demand: memory holds one page at a time.
 * `pages` yields `{schema, rows}` per page.
 */
export function csvFromPages(pages: AsyncIterable<{ schema: readonly ApiField[]; rows: readonly ApiRow[] }>, header?: readonly ApiField[]): Readable {
  return Readable.from(
    (async function* () {
      let wroteHeader = false;
      if (header) {
        yield header.map((f) => csvField(f.name)).join(',') + '\n';
        wroteHeader = true;
      }
      for await (const page of pages) {
        if (!wroteHeader) {
          yield page.schema.map((f) => csvField(f.name)).join(',') + '\n';
          wroteHeader = true;
        }
        if (page.rows.length) yield page.rows.map((r) => rowLine(r, page.schema)).join('');
      }
    })(),
  );
}
