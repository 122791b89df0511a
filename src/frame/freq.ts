/** Calendar frequencies. Dates are held as whole days since 1970-01-01 (UTC). */
export const FREQS = ['W-SUN', 'D', 'MS'] as const;
export type Freq = (typeof FREQS)[number];
export function isFreq(s: string): s is Freq {
  return (FREQS as readonly string[]).includes(s);
}

/**
 * The main seasonal cycle in periods: a year of weeks (365.25/7 ≈ 52.18, not a whole number; the
 * models that need one round it), a year of months, a week of days.
 */
export function seasonalPeriod(freq: Freq): number {
  return freq === 'W-SUN' ? 365.25 / 7 : freq === 'MS' ? 12 : 7;
}
