/** Calendar facts the features need, on day numbers (days since 1970-01-01 UTC); see frame/dates.ts. */
import { civilFromDays, daysFromCivil } from '../../frame/dates.js';
import type { Freq } from '../../frame/freq.js';

/**
 * Seasonal phase in [0, 1) of a period label: day of year / 365.2425 for weekly and monthly
 * data (so weeks that drift against the calendar keep their phase), day of week for daily.
 */
export function seasonalPhase(day: number, freq: Freq): number {
  if (freq === 'D') return ((((day + 3) % 7) + 7) % 7) / 7;
  const [y] = civilFromDays(day);
  return (day - daysFromCivil(y, 1, 1)) / 365.2425;
}
