import { inputError } from '../errors.js';
import { dateRangeProblem, formatDate, parseDate, periodOf } from '../frame/dates.js';
import type { Freq } from '../frame/freq.js';

/** A `--start`/`--end`/run date as its day number (days since 1970-01-01); text that is no date is an error naming it. */
export function dateOption(text: string, name: string): number {
  const d = parseDate(text);
  if (Number.isNaN(d)) throw inputError('bad_option', `${name} '${text}' is not a date (expected yyyy-mm-dd)`);
  return d;
}

/** The label of the period holding `day`; a day or period outside 0001-01-01 … 9999-12-31 is an error. */
export function periodOfDay(day: number, freq: Freq, name: string): number {
  const problem = dateRangeProblem(day, freq);
  if (problem !== undefined) throw inputError('date_range', `${name} '${formatDate(day)}' ${problem}`);
  return periodOf(day, freq);
}

/** Parse a date given as text (the config's `start`/`end`, a run date) into its period label. */
export function periodOption(text: string | undefined, freq: Freq, name: string): number | undefined {
  return text === undefined ? undefined : periodOfDay(dateOption(text, name), freq, name);
}
