import { inputError } from '../../errors.js';
import { dateRangeProblem, formatDate, parseDate, periodOf } from '../../frame/dates.js';
import type { Freq } from '../../frame/freq.js';
import { parseNumber, type NumberNote } from '../../frame/parse-number.js';
import { quickNumber } from '../../frame/quick-number.js';
import type { SeriesAccumulator } from '../../frame/series-accumulator.js';

/** Distinct date texts remembered per source (≈ 80 years of days). */
const DATE_CACHE = 30_000;

/** How one source's cells are read; every error names the source, the row, the column and the cell. */
export interface CellReaders {
  /** A date cell as its period (days since epoch of the period's label). */
  period(text: string, at: number, col: number): number;
  /** A numeric cell; NaN for a missing marker. */
  number(text: string, at: number, col: number): number;
  /** One value of a key in a period, into the accumulator (a second one is an error unless aggregated). */
  add(key: string, period: number, value: number, at: number): void;
  /** How many cells were read with each note (`<1` as 0, a decimal comma). */
  readonly notes: ReadonlyMap<NumberNote, number>;
}

/**
 * The cell readers of one source with header `names`: dates cached, numbers through the quick
 * path first, keys prefixed. O(1) per cell, memory bounded by the date cache.
 */
export function cellReaders(name: string, names: readonly string[], freq: Freq, prefix: string, acc: SeriesAccumulator): CellReaders {
  const notes = new Map<NumberNote, number>();
  // Date cells repeat (weekly exports, GDELT days): remember the last text → period, and the
  // first DATE_CACHE distinct texts (a long table sorted by key repeats its dates once per key;
  // capped so timestamp columns with a distinct text per row do not grow memory with rows).
  let lastDateText = '';
  let lastPeriod = NaN;
  const periods = new Map<string, number>();
  // The prefixed name of the last key: one string per run of a key, not one per row (the
  // accumulator then recognises the same string object without hashing it).
  let lastKey = '';
  let lastName = prefix;
  return {
    notes,
    period(text, at, col) {
      if (text === lastDateText) return lastPeriod;
      let p = periods.get(text);
      if (p === undefined) {
        const d = parseDate(text);
        if (Number.isNaN(d)) throw inputError('bad_date', `${name} row ${at}, column '${names[col]}': '${text}' is not a date (expected yyyy-mm-dd)`);
        const problem = dateRangeProblem(d, freq);
        if (problem !== undefined) throw inputError('date_range', `${name} row ${at}, column '${names[col]}': '${text}' ${problem}`);
        p = periodOf(d, freq);
        if (periods.size < DATE_CACHE) periods.set(text, p);
      }
      lastDateText = text;
      lastPeriod = p;
      return p;
    },
    number(text, at, col) {
      const quick = quickNumber(text);
      if (quick === quick) return quick; // not NaN
      const n = parseNumber(text);
      if (n === undefined) throw inputError('bad_number', `${name} row ${at}, column '${names[col]}': '${text}' is not a number`);
      if (n.note) notes.set(n.note, (notes.get(n.note) ?? 0) + 1);
      return n.value;
    },
    add(key, p, v, at) {
      if (key !== lastKey) {
        lastKey = key;
        lastName = prefix === '' ? key : prefix + key;
      }
      if (acc.add(lastName, p, v)) {
        throw inputError(
          'duplicate_period',
          `${name} row ${at}: a second value for '${key}' in the period ending ${formatDate(p)}; set agg=mean|sum|last on the source to combine them`,
        );
      }
    },
  };
}
