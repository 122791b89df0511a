import { inputError } from '../errors.js';
import { parseDate, periodOf } from '../frame/dates.js';
import type { Freq } from '../frame/freq.js';

/** Parse a `--start`/`--end` date into its period label. */
export function periodOption(text: string | undefined, freq: Freq, name: string): number | undefined {
  if (text === undefined) return undefined;
  const d = parseDate(text);
  if (Number.isNaN(d)) throw inputError('bad_option', `${name} '${text}' is not a date (expected yyyy-mm-dd)`);
  return periodOf(d, freq);
}
