export type CsvCell = string | number | boolean | null | undefined;

/**
 * Format a number for output: integers as is, others rounded to 10 significant digits (enough
 * for any forecast, and identical bytes for identical inputs); NaN/undefined/null as an empty cell.
 */
export function formatCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toPrecision(10)));
  }
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV text with a header line and `\n` line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(formatCell).join(',')];
  for (const r of rows) lines.push(r.map(formatCell).join(','));
  return lines.join('\n') + '\n';
}
