import { inputError } from '../errors.js';
import { readCsvString } from './csv-read.js';
import { toCsv } from './csv-write.js';

/**
 * Idempotent append of CSV rows: rows of `incoming` replace rows of `existing` that have the
 * same `key` values (e.g. run_date), so publishing one run twice leaves one copy. When the two
 * headers differ (a column added upstream), the result has the union of the columns, existing
 * order first, with empty cells where a row lacks a column, instead of failing the way a
 * fixed-schema transfer would. Existing rows keep their order; incoming rows go at the end.
 */
export function mergeAppend(existing: string | null, incoming: string, key: readonly string[]): string {
  const inc = readCsvString(incoming, 'the rows to append');
  if (existing === null || existing.trim() === '') return toCsv(inc.header, inc.rows);
  const old = readCsvString(existing, 'the existing table');
  const header = [...old.header, ...inc.header.filter((h) => !old.header.includes(h))];
  for (const k of key) {
    if (!inc.header.includes(k))
      throw inputError('column_missing', `append key column '${k}' is not in the rows to append; columns are: ${inc.header.join(', ')}`);
  }
  const project = (h: string[], row: string[]) =>
    header.map((name) => {
      const i = h.indexOf(name);
      return i < 0 ? '' : (row[i] ?? '');
    });
  const keyOf = (row: string[]) => JSON.stringify(key.map((k) => row[header.indexOf(k)]));
  const incomingRows = inc.rows.map((r) => project(inc.header, r));
  const replaced = new Set(incomingRows.map(keyOf));
  const kept = old.rows.map((r) => project(old.header, r)).filter((r) => !replaced.has(keyOf(r)));
  return toCsv(header, [...kept, ...incomingRows]);
}
