import type { Frame } from './frame.js';
import type { Freq } from './freq.js';
import type { Series } from './series-accumulator.js';
import { calendar } from './calendar.js';
import { formatDate, periodsBetween } from './dates.js';
import { inputError } from '../errors.js';

/** A guard against a stray date (year 1 or 9999) turning the calendar into millions of rows. */
export const MAX_PERIODS = 200_000;

export const FILLS = ['zero', 'ffill', 'none'] as const;
export type Fill = (typeof FILLS)[number];
export function isFill(s: string): s is Fill {
  return (FILLS as readonly string[]).includes(s);
}

export interface SeriesGroup {
  readonly series: readonly Series[];
  /** How this group's missing periods are filled. */
  readonly fill: Fill;
}

export interface AlignResult {
  readonly frame: Frame;
  /** Missing cells filled per column (only columns with at least one). */
  readonly filled: ReadonlyArray<{ readonly name: string; readonly cells: number; readonly fill: Fill }>;
}

/**
 * Put series on one complete regular calendar. The range is the union of the series' ranges,
 * clipped or extended by `start`/`end` (period labels) only when given: no period outside the
 * data is invented otherwise. Gaps inside a series are filled per its group's rule; cells before
 * a series starts stay missing (NaN) under `ffill`, since nothing precedes them. O(periods × series).
 */
export function align(groups: readonly SeriesGroup[], freq: Freq, start?: number, end?: number): AlignResult {
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of groups) {
    for (const s of g.series) {
      if (s.periods.length === 0) continue;
      lo = Math.min(lo, s.periods[0]);
      hi = Math.max(hi, s.periods[s.periods.length - 1]);
    }
  }
  if (start !== undefined) lo = start;
  if (end !== undefined) hi = end;
  if (lo <= hi && periodsBetween(lo, hi, freq) >= MAX_PERIODS) {
    throw inputError(
      'calendar_too_long',
      `the calendar from ${formatDate(lo)} to ${formatDate(hi)} has more than ${MAX_PERIODS} ${freq} periods; check the dates or pass --start/--end`,
    );
  }
  const dates = lo <= hi && Number.isFinite(lo) ? calendar(lo, hi, freq) : new Int32Array(0);
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const filled: { name: string; cells: number; fill: Fill }[] = [];
  for (const g of groups) {
    for (const s of g.series) {
      const col = new Float64Array(dates.length).fill(NaN);
      for (let i = 0; i < s.periods.length; i++) {
        const at = periodsBetween(lo, s.periods[i], freq);
        if (at >= 0 && at < col.length) col[at] = s.values[i];
      }
      const cells = fillGaps(col, g.fill);
      if (cells > 0) filled.push({ name: s.name, cells, fill: g.fill });
      names.push(s.name);
      columns.push(col);
    }
  }
  return { frame: { freq, dates, names, columns }, filled };
}

/** Fill NaN cells in place (the column is freshly built by `align`); returns how many were filled. */
function fillGaps(col: Float64Array, fill: Fill): number {
  if (fill === 'none') return 0;
  let count = 0;
  let last = NaN;
  for (let i = 0; i < col.length; i++) {
    if (!Number.isNaN(col[i])) {
      last = col[i];
    } else if (fill === 'zero') {
      col[i] = 0;
      count++;
    } else if (!Number.isNaN(last)) {
      col[i] = last;
      count++;
    }
  }
  return count;
}
