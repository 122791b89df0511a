export type CsvCell = string | number | boolean | null | undefined;

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number written as text (a negative number is not a formula). */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Text a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+SUM(1+1)`, `@SUM(A1)`, a
 * leading tab or carriage return), prefixed with a single quote as OWASP recommends; numbers
 * written as text (`-1.5`) and all other text unchanged. Reversed by `restoreFormula`.
 */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) && !NUMBER_TEXT.test(s) ? `'${s}` : s;
}

/** The text `neutraliseFormula` was given: `'=x` → `=x`; anything else unchanged. */
export function restoreFormula(s: string): string {
  return s.length > 1 && s[0] === "'" && FORMULA_START.test(s.slice(1, 2)) && !NUMBER_TEXT.test(s.slice(1)) ? s.slice(1) : s;
}

/**
 * Format a number for output: integers as is, others rounded to 10 significant digits (enough
 * for any forecast, and identical bytes for identical inputs); NaN/undefined/null as an empty cell.
 * Text that would run as a formula is neutralised and quoted (`"'=SUM(1+1)"`).
 */
export function formatCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toPrecision(10)));
  }
  const text = String(v);
  const s = neutraliseFormula(text);
  return s !== text || /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV text with a header line and `\n` line ends; header names are cells like any other. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(formatCell).join(',')];
  for (const r of rows) lines.push(r.map(formatCell).join(','));
  return lines.join('\n') + '\n';
}
