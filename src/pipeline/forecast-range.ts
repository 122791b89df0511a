import { inputError } from '../errors.js';
import { addPeriods, formatDate, MAX_DAY } from '../frame/dates.js';
import type { Frame } from '../frame/frame.js';

/**
 * Throw `input.date_range` when a table's last period, or the `horizon` periods forecast after
 * it, would be dated past 9999-12-31 (a label such as 10000-01-02 neither reads back nor loads
 * into BigQuery). Checked before anything is written. O(1).
 */
export function checkForecastRange(frame: Frame, horizon: number, name: string): void {
  const n = frame.dates.length;
  if (n === 0) return;
  const last = frame.dates[n - 1];
  if (last > MAX_DAY) throw inputError('date_range', `${name}: its last period ends ${formatDate(last)}, past 9999-12-31`);
  const end = addPeriods(last, horizon, frame.freq);
  if (end > MAX_DAY) {
    throw inputError('date_range', `${name}: a forecast of ${horizon} periods after ${formatDate(last)} would end ${formatDate(end)}, past 9999-12-31`);
  }
}
