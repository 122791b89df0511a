import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { inputError } from '../errors.js';
import { SeriesAccumulator, type Series } from '../frame/series-accumulator.js';
import { dateRangeProblem, parseDate, periodOf, formatDate } from '../frame/dates.js';
import { parseNumber, type NumberNote } from '../frame/parse-number.js';
import type { Freq } from '../frame/freq.js';
import { readCsvStream, type CsvLimits } from '../io/csv-read.js';
import { listOf } from '../bound-message.js';
import { checkHeader, findColumn, type Header } from './columns.js';
import type { SourceSpec } from './source-spec.js';

export interface IngestResult {
  readonly series: Series[];
  readonly rows: number;
  /** sha256 of the bytes read (after decompression). */
  readonly checksum: string;
  readonly problems: string[];
}

/** Distinct date texts remembered per source (≈ 80 years of days). */
const DATE_CACHE = 30_000;
const KEY_GUESSES = ['keyword', 'key', 'theme', 'series', 'name'];
const DATE_GUESSES = ['date', 'week', 'period', 'day', 'month', 'timestamp', 'time', 'fecha', 'periodo'];
const VALUE_GUESSES = ['value', 'trend_index', 'interest', 'sentiment', 'tone', 'count'];

/** How a read is bounded: the caller's time and memory check, and the longest line and field. */
export interface ReadBounds {
  /** Called before each 64 KiB piece of text is parsed, even inside one huge line. */
  readonly onChunk?: () => void;
  readonly limits?: CsvLimits;
}

/**
 * Stream one source into aggregated series, validating every cell on the way: each error names
 * the source, the row, the column and the bad value. Memory grows with keys × periods, never with
 * rows; time is linear in the bytes, however long the lines or wide the header.
 */
// eslint-disable-next-line max-lines-per-function -- to be split when sources move to io/source (issue 16)
export async function ingest(stream: Readable, spec: SourceSpec, freq: Freq, name: string, bounds: ReadBounds = {}): Promise<IngestResult> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  stream.on('error', (e) => tap.destroy(e));
  const acc = new SeriesAccumulator(spec.agg ?? (spec.format === 'events' ? 'count' : undefined));
  const notes = new Map<NumberNote, number>();
  let rows = 0;
  let header: Header | undefined;
  let onRow: (row: string[], at: number) => void = () => {};
  const prefix = spec.prefix ?? '';

  // Date cells repeat (weekly exports, GDELT days): remember the last text → period, and the
  // first DATE_CACHE distinct texts (a long table sorted by key repeats its dates once per key;
  // capped so timestamp columns with a distinct text per row do not grow memory with rows).
  let lastDateText = '';
  let lastPeriod = NaN;
  const periods = new Map<string, number>();
  const period = (text: string, at: number, col: number): number => {
    if (text === lastDateText) return lastPeriod;
    let p = periods.get(text);
    if (p === undefined) {
      const d = parseDate(text);
      if (Number.isNaN(d)) {
        throw inputError('bad_date', `${name} row ${at}, column '${header!.names[col]}': '${text}' is not a date (expected yyyy-mm-dd)`);
      }
      const problem = dateRangeProblem(d, freq);
      if (problem !== undefined) throw inputError('date_range', `${name} row ${at}, column '${header!.names[col]}': '${text}' ${problem}`);
      p = periodOf(d, freq);
      if (periods.size < DATE_CACHE) periods.set(text, p);
    }
    lastDateText = text;
    lastPeriod = p;
    return p;
  };
  const number = (text: string, at: number, col: number): number => {
    const fast = simpleDecimal(text);
    if (fast === fast) return fast; // not NaN
    if (isPlainNumber(text)) {
      const v = +text;
      if (Number.isFinite(v)) return v;
    }
    const n = parseNumber(text);
    if (n === undefined) {
      throw inputError('bad_number', `${name} row ${at}, column '${header!.names[col]}': '${text}' is not a number`);
    }
    if (n.note) notes.set(n.note, (notes.get(n.note) ?? 0) + 1);
    return n.value;
  };
  let textColumns: readonly string[] = [];
  // The prefixed name of the last key: one string per run of a key, not one per row (the
  // accumulator then recognises the same string object without hashing it).
  let lastKey = '';
  let lastName = prefix;
  const add = (key: string, p: number, v: number, at: number) => {
    if (key !== lastKey) {
      lastKey = key;
      lastName = prefix === '' ? key : prefix + key;
    }
    const dup = acc.add(lastName, p, v);
    if (dup) {
      throw inputError('duplicate_period', `${name} row ${at}: a second value for '${key}' in the period ending ${formatDate(p)}; set agg=mean|sum|last on the source to combine them`);
    }
  };

  await readCsvStream(stream.pipe(tap), name, {
    onHeader(cells) {
      header = checkHeader(cells, name);
      onRow = rowHandler(header, spec, name, { period, number, add, textColumns: (names) => { textColumns = names; } });
    },
    onRows(batch, firstRow) {
      const width = header!.names.length;
      for (let i = 0; i < batch.length; i++) {
        const row = batch[i];
        const at = firstRow + i;
        if (row.length !== width) {
          throw inputError('bad_row', `${name} row ${at}: has ${row.length} fields, the header has ${width}`);
        }
        onRow(row, at);
      }
      rows += batch.length;
    },
    onPiece: bounds.onChunk,
  }, bounds.limits);
  const problems: string[] = [];
  if (textColumns.length > 0) problems.push(`${name}: left out ${textColumns.length} text column${textColumns.length > 1 ? 's' : ''} (${listOf(textColumns)})`);
  if (notes.get('below_threshold')) problems.push(`${name}: read ${notes.get('below_threshold')} '<1' values as 0`);
  if (notes.get('decimal_comma')) problems.push(`${name}: read ${notes.get('decimal_comma')} values with a decimal comma`);
  if (rows === 0) throw inputError('empty', `${name} has a header but no data rows`);
  return { series: acc.series(), rows, checksum: hash.digest('hex'), problems };
}

/**
 * True when every character is a digit, '.', '+', '-', 'e' or 'E': for such text `Number(text)`
 * accepts exactly what parseNumber's plain pattern accepts (`[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?`)
 * and rejects the rest as NaN, so a finite result is parseNumber's value without its regex,
 * trim and result object. Anything else (blanks, '<1', decimal commas, missing markers) takes
 * the full parseNumber path.
 */
function isPlainNumber(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // 0-9, '.', '+', '-', 'e', 'E'
    if (!((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69)) return false;
  }
  return true;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `[-]digits[.digits]` with at most 15 digits, as a number; NaN for any other text. The digits
 * form an integer exactly representable as a double and 10^k (k ≤ 15) is exact too, so the one
 * division is correctly rounded: the result is bit-identical to `Number(text)` (Clinger's fast
 * path), at a fraction of the cost of V8's general string-to-double conversion.
 */
function simpleDecimal(text: string): number {
  const n = text.length;
  let i = 0;
  let neg = false;
  if (n > 0 && text.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  if (i >= n || n - i > 16) return NaN;
  let m = 0;
  let digits = 0;
  let scale = -1; // digits after the point; -1 before a point
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) {
      scale = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN;
  const v = scale > 0 ? m / POW10[scale] : m;
  return neg ? -v : v;
}

interface CellReaders {
  period(text: string, at: number, col: number): number;
  number(text: string, at: number, col: number): number;
  add(key: string, period: number, value: number, at: number): void;
  /** Wide tables: the columns left out because their first cell is text (a station id, a name). */
  textColumns(names: readonly string[]): void;
}

/** Build the per-row function for a format once, with its columns resolved. */
function rowHandler(header: Header, spec: SourceSpec, name: string, r: CellReaders): (row: string[], at: number) => void {
  const dateCol = findColumn(header, name, 'date', spec.date, DATE_GUESSES);
  if (spec.format === 'wide') {
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
          throw inputError('column_missing', `${name} has no numeric series columns: the first row of ${listOf(text.map((c) => `'${header.names[c]}'`))} is text`);
        }
        if (text.length > 0) r.textColumns(text.map((c) => header.names[c]));
        const isText = new Set(text);
        cols = cols.filter((c) => !isText.has(c));
      }
      const p = r.period(row[dateCol], at, dateCol);
      for (const c of cols) r.add(header.names[c], p, r.number(row[c], at, c), at);
    };
  }
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
