/**
 * Calendar arithmetic on whole days since 1970-01-01 (proleptic Gregorian, UTC), without `Date`,
 * so the core stays pure and fast. Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms" (days_from_civil / civil_from_days). O(1) each.
 */
import type { Freq } from './freq.js';

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** 0001-01-01 and 9999-12-31: the range of BigQuery's DATE, and of four-digit years. */
export const MIN_DAY = daysFromCivil(1, 1, 1);
export const MAX_DAY = daysFromCivil(9999, 12, 31);

/**
 * Why a day cannot date `freq` data, or undefined when it can: the day itself, and the label of
 * its period (9999-12-31 is in the week ending 10000-01-02), must lie in MIN_DAY … MAX_DAY, so
 * every date the tool writes reads back and loads into BigQuery.
 */
export function dateRangeProblem(day: number, freq: Freq): string | undefined {
  if (!(day >= MIN_DAY && day <= MAX_DAY)) return 'is outside the dates 0001-01-01 … 9999-12-31';
  const label = periodOf(day, freq);
  return label > MAX_DAY ? `falls in the period ending ${formatDate(label)}, past 9999-12-31` : undefined;
}

/** `yyyy-mm-dd` for a day number. */
export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Day of week, 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** The label of the period containing `days`: the week's Sunday (W-SUN), the day (D), the 1st of the month (MS). */
export function periodOf(days: number, freq: Freq): number {
  if (freq === 'D') return days;
  if (freq === 'W-SUN') return days + ((7 - dayOfWeek(days)) % 7);
  const [y, m] = civilFromDays(days);
  return daysFromCivil(y, m, 1);
}

/** The period `k` steps after the period labelled `period` (k may be negative). */
export function addPeriods(period: number, k: number, freq: Freq): number {
  if (freq === 'D') return period + k;
  if (freq === 'W-SUN') return period + 7 * k;
  const [y, m] = civilFromDays(period);
  const total = y * 12 + (m - 1) + k;
  return daysFromCivil(Math.floor(total / 12), (((total % 12) + 12) % 12) + 1, 1);
}

/** Whole periods from `a` to `b` (both period labels). */
export function periodsBetween(a: number, b: number, freq: Freq): number {
  if (freq === 'D') return b - a;
  if (freq === 'W-SUN') return Math.round((b - a) / 7);
  const [ya, ma] = civilFromDays(a);
  const [yb, mb] = civilFromDays(b);
  return (yb - ya) * 12 + (mb - ma);
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;

const YEAR_MONTH = /^(\d{4})(?:[-/]|M)(\d{1,2})$/i;
const ISO_WEEK = /^(\d{4})-?W(\d{2})$/i;

/**
 * Parse a date cell: `yyyy-mm-dd`, `yyyy/mm/dd`, ISO date-times with `Z` or an offset (converted
 * to the UTC day), `yyyy-mm-dd hh:mm:ss`, and GDELT's compact `yyyymmdd[hhmmss]`; a month as
 * `yyyy-mm` or statistics offices' `yyyyMmm` (its 1st), and an ISO week as `yyyy-Www` (its
 * Monday). Returns the day number, or NaN when the text is not a valid date (the caller names
 * file, row and column). Day-first forms like 03/04/2020 are rejected on purpose: they are ambiguous.
 */
export function parseDate(text: string): number {
  const s = text.trim();
  let m = YEAR_MONTH.exec(s);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? daysFromCivil(+m[1], +m[2], 1) : NaN;
  if ((m = ISO_WEEK.exec(s))) return isoWeekMonday(+m[1], +m[2]);
  // Both forms hold year, month, day, then optional hours and minutes at groups 1–5; only ISO has a zone (group 7).
  m = ISO.exec(s) ?? COMPACT.exec(s);
  if (!m) return NaN;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  const hh = m[4] === undefined ? 0 : +m[4],
    mi = m[4] === undefined ? 0 : +m[5];
  const tz: string | undefined = m[7];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || hh > 23 || mi > 59) return NaN;
  let day = daysFromCivil(y, mo, d);
  if (tz && tz.toUpperCase() !== 'Z' && tz.toUpperCase() !== 'UTC') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const offsetMin = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
    day += Math.floor((hh * 60 + mi - offsetMin) / 1440);
  }
  return day;
}

/** The Monday of ISO week `w` of ISO year `y` (week 1 holds 4 January); NaN past the year's last week. */
function isoWeekMonday(y: number, w: number): number {
  const jan4 = daysFromCivil(y, 1, 4);
  const monday = jan4 - ((dayOfWeek(jan4) + 6) % 7) + 7 * (w - 1);
  const nextWeek1 = daysFromCivil(y + 1, 1, 4);
  const nextMonday = nextWeek1 - ((dayOfWeek(nextWeek1) + 6) % 7);
  return w >= 1 && monday < nextMonday ? monday : NaN;
}
