import { inputError } from '../../errors.js';
import { parseNumber } from '../../frame/parse-number.js';
import { listOf } from '../../bound-message.js';
import type { CellReaders } from './cell-readers.js';
import { findColumn, type Header } from './columns.js';
import type { SourceSpec } from './source-spec.js';

const KEY_GUESSES = ['keyword', 'key', 'theme', 'series', 'name'];
const DATE_GUESSES = ['date', 'week', 'period', 'day', 'month', 'timestamp', 'time', 'fecha', 'periodo'];
const VALUE_GUESSES = ['value', 'trend_index', 'interest', 'sentiment', 'tone', 'count'];

/** A data row (its cells and its 1-based file row) into the accumulator. */
export type RowHandler = (row: string[], at: number) => void;

/**
 * The per-row function for the spec's format, built once with its columns resolved (named in
 * the spec, else guessed from common names). Wide tables report the columns left out because
 * their first cell is text (a station id, a name) through `textColumns`.
 */
export function rowHandler(header: Header, spec: SourceSpec, name: string, r: CellReaders, textColumns: (names: readonly string[]) => void): RowHandler {
  const dateCol = findColumn(header, name, 'date', spec.date, DATE_GUESSES);
  if (spec.format === 'wide') return wideRows(header, name, dateCol, r, textColumns);
  const keyCol = findColumn(header, name, 'key', spec.key, KEY_GUESSES);
  const needsValue = spec.format === 'long' || (spec.agg !== undefined && spec.agg !== 'count');
  const valueCol = needsValue ? findColumn(header, name, 'value', spec.value, VALUE_GUESSES) : -1;
  return (row, at) => {
    const key = row[keyCol].trim();
    if (key === '') throw inputError('bad_key', `${name} row ${at}, column '${header.names[keyCol]}': empty key`);
    const p = r.period(row[dateCol], at, dateCol);
    r.add(key, p, valueCol < 0 ? NaN : r.number(row[valueCol], at, valueCol), at);
  };
}

/** A wide table: one series per column besides the date (and a pandas index). */
function wideRows(header: Header, name: string, dateCol: number, r: CellReaders, textColumns: (names: readonly string[]) => void): RowHandler {
  let cols = header.names.flatMap((n, i) => (i === dateCol || i === header.indexColumn ? [] : [i]));
  if (cols.length === 0) throw inputError('column_missing', `${name} has a date column but no series columns`);
  let first = true;
  return (row, at) => {
    if (first) {
      // A column whose first cell is text, not a number or a missing marker, is not a series
      // (weather exports carry STATION and NAME columns): it is left out and reported. A
      // series column with text further down is still an error naming the cell.
      first = false;
      const text = cols.filter((c) => parseNumber(row[c]) === undefined);
      if (text.length === cols.length) {
        throw inputError(
          'column_missing',
          `${name} has no numeric series columns: the first row of ${listOf(text.map((c) => `'${header.names[c]}'`))} is text`,
        );
      }
      if (text.length > 0) textColumns(text.map((c) => header.names[c]));
      const isText = new Set(text);
      cols = cols.filter((c) => !isText.has(c));
    }
    const p = r.period(row[dateCol], at, dateCol);
    for (const c of cols) r.add(header.names[c], p, r.number(row[c], at, c), at);
  };
}
