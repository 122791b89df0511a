/**
 * Pure calendar arithmetic on day numbers (days since 1970-01-01 UTC), so the core never
 * touches `Date`. Civil-date conversions follow Howard Hinnant's `days_from_civil` /
 * `civil_from_days` algorithms (proleptic Gregorian calendar), O(1).
 */
import type { Freq } from '../frame/freq.js';

/** Year, month (1-12) and day (1-31) of a day number. O(1). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Day number of a civil date (month 1-12). O(1). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Adds `k` whole months to a day number. The day of month is clamped to the target month's
 * length (Jan 31 + 1 month = Feb 28/29); for MS labels (the 1st) this is exact.
 */
export function addMonths(day: number, k: number): number {
  const { y, m, d } = civilFromDays(day);
  const idx = y * 12 + (m - 1) + k;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  const last = daysFromCivil(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - daysFromCivil(ny, nm, 1);
  return daysFromCivil(ny, nm, Math.min(d, last));
}

/** The period label `k` periods after `day`: +7k days (W-SUN), +k days (D), +k months (MS). */
export function addPeriods(day: number, freq: Freq, k: number): number {
  if (freq === 'W-SUN') return day + 7 * k;
  if (freq === 'D') return day + k;
  return addMonths(day, k);
}

/**
 * Seasonal phase in [0, 1) of a period label: day of year / 365.2425 for weekly and monthly
 * data (so weeks that drift against the calendar keep their phase), day of week for daily.
 */
export function seasonalPhase(day: number, freq: Freq): number {
  if (freq === 'D') return (((day + 3) % 7) + 7) % 7 / 7;
  const { y } = civilFromDays(day);
  return (day - daysFromCivil(y, 1, 1)) / 365.2425;
}
