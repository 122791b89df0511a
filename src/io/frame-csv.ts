import type { Frame } from '../frame/frame.js';
import { formatDate } from '../frame/dates.js';
import { toCsv, type CsvCell } from './csv-write.js';

/** The wide table as CSV: `date` then one column per series, empty cells for missing values. */
export function frameToCsv(frame: Frame): string {
  const rows: CsvCell[][] = [];
  for (let i = 0; i < frame.dates.length; i++) {
    rows.push([formatDate(frame.dates[i]), ...frame.columns.map((c) => c[i])]);
  }
  return toCsv(['date', ...frame.names], rows);
}
