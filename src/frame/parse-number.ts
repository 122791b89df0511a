/** Cell texts that mean "no value". Case-insensitive. `.` is FRED's (and SAS's) missing value. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '.', '#n/a']);
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const BELOW = /^<\s*(\d+(\.\d+)?)$/;

/** How a cell was read, so the caller can report what it changed. */
export type NumberNote = 'below_threshold' | 'decimal_comma' | undefined;

export interface ParsedNumber {
  /** The value; NaN for a missing cell. */
  readonly value: number;
  readonly note: NumberNote;
}

/**
 * Read a numeric cell. Missing markers give NaN. Google Trends' `<1` ("below 1") reads as 0,
 * like pytrends does. A single decimal comma (`1,5`) reads as 1.5. Returns undefined for text
 * that is not a finite number (`abc`, `Infinity`, `1e999`), which the caller rejects naming the cell.
 */
export function parseNumber(text: string): ParsedNumber | undefined {
  const s = text.trim();
  if (PLAIN.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? { value: v, note: undefined } : undefined;
  }
  if (MISSING.has(s.toLowerCase())) return { value: NaN, note: undefined };
  if (DECIMAL_COMMA.test(s)) return { value: Number(s.replace(',', '.')), note: 'decimal_comma' };
  if (BELOW.test(s)) return { value: 0, note: 'below_threshold' };
  return undefined;
}
