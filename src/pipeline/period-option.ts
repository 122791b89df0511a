import { inputError } from '../errors.js';
import { dateRangeProblem, parseDate, periodOf } from '../frame/dates.js';
import type { Freq } from '../frame/freq.js';

/** Parse a `--start`/`--end`/run date into its period label; a date outside 0001-01-01 … 9999-12-31 is an error. */
export function periodOption(text: string | undefined, freq: Freq, name: string): number | undefined {
  if (text === undefined) return undefined;
  const d = parseDate(text);
  if (Number.isNaN(d)) throw inputError('bad_option', `${name} '${text}' is not a date (expected yyyy-mm-dd)`);
  const problem = dateRangeProblem(d, freq);
  if (problem !== undefined) throw inputError('date_range', `${name} '${text}' ${problem}`);
  return periodOf(d, freq);
}
