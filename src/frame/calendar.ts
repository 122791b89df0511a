import type { Freq } from './freq.js';
import { addPeriods, dayOfWeek, periodOf, periodsBetween } from './dates.js';

/** Every period label from `first` to `last` inclusive (both already period labels). O(n). */
export function calendar(first: number, last: number, freq: Freq): Int32Array {
  const n = periodsBetween(first, last, freq) + 1;
  const out = new Int32Array(Math.max(0, n));
  for (let i = 0; i < n; i++) out[i] = addPeriods(first, i, freq);
  return out;
}

/**
 * Infer the frequency of sorted, distinct day numbers from their smallest spacing: 1 day → D;
 * 6–8 days (or 2–3 whole weeks) with one date per week → W-SUN, whatever the weekday (a week
 * dated by its Monday or ending on a Saturday is labelled by the Sunday that ends it, as `merge`
 * does); whole weeks on one weekday → W-SUN; 28–31 days with one date per month → MS. Returns
 * undefined when the spacing fits none of them.
 */
export function inferFreq(dates: Int32Array): Freq | undefined {
  if (dates.length < 2) return undefined;
  let minGap = Infinity;
  for (let i = 1; i < dates.length; i++) minGap = Math.min(minGap, dates[i] - dates[i - 1]);
  if (minGap === 1) return 'D';
  const weekly = (minGap >= 6 && minGap <= 8) || (minGap % 7 === 0 && minGap < 28);
  if (weekly && onePerPeriod(dates, 'W-SUN')) return 'W-SUN';
  // Whole weeks apart on one weekday (every fourth week, say): weekly with missing weeks.
  if (minGap % 7 === 0 && dates.every((d) => dayOfWeek(d) === dayOfWeek(dates[0]))) return 'W-SUN';
  if (minGap >= 28 && minGap <= 31 && onePerPeriod(dates, 'MS')) return 'MS';
  return undefined;
}

/** Whether no two of the sorted days fall in the same period. */
function onePerPeriod(dates: Int32Array, freq: Freq): boolean {
  for (let i = 1; i < dates.length; i++) if (periodOf(dates[i], freq) === periodOf(dates[i - 1], freq)) return false;
  return true;
}
