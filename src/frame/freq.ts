/** Calendar frequencies. Dates are held as whole days since 1970-01-01 (UTC). */
export const FREQS = ['W-SUN', 'D', 'MS'] as const;
export type Freq = (typeof FREQS)[number];
export function isFreq(s: string): s is Freq {
  return (FREQS as readonly string[]).includes(s);
}

/** Seasonal period in periods per year for a frequency. */
export function seasonalPeriod(freq: Freq): number {
  return freq === 'W-SUN' ? 52 : freq === 'MS' ? 12 : 7;
}
