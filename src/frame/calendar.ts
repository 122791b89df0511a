import type { Freq } from './freq.js';
import { addPeriods, periodsBetween } from './dates.js';

/** Every period label from `first` to `last` inclusive (both already period labels). O(n). */
export function calendar(first: number, last: number, freq: Freq): Int32Array {
  const n = periodsBetween(first, last, freq) + 1;
  const out = new Int32Array(Math.max(0, n));
  for (let i = 0; i < n; i++) out[i] = addPeriods(first, i, freq);
  return out;
}

/**
 * Infer the frequency of sorted, distinct day numbers from their spacing: 7 days → W-SUN
 * (when all fall on Sundays), 1 day → D, 28–31 days on the 1st → MS. Returns undefined when
 * the spacing fits none of them.
 */
export function inferFreq(dates: Int32Array): Freq | undefined {
  if (dates.length < 2) return undefined;
  let minGap = Infinity;
  for (let i = 1; i < dates.length; i++) minGap = Math.min(minGap, dates[i] - dates[i - 1]);
  if (minGap === 1) return 'D';
  if (minGap % 7 === 0 && dates.every((d) => ((d + 4) % 7 + 7) % 7 === 0)) return 'W-SUN';
  if (minGap >= 28 && minGap <= 31) return 'MS';
  return undefined;
}
