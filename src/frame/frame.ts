import type { Freq } from './freq.js';

/**
 * A wide time-series table on a regular calendar: one row per period, one Float64Array per
 * series. Missing values are NaN. `dates` are period labels as days since 1970-01-01 UTC
 * (week end for W-SUN, the day for D, the first of the month for MS). Frames are immutable:
 * verbs return new frames and never write into the arrays they were given.
 */
export interface Frame {
  readonly freq: Freq;
  readonly dates: Int32Array;
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
}

/** Column by name, or undefined. O(p). */
export function column(frame: Frame, name: string): Float64Array | undefined {
  const i = frame.names.indexOf(name);
  return i < 0 ? undefined : frame.columns[i];
}

/** The first `n` rows of a frame (views, no copy). */
export function head(frame: Frame, n: number): Frame {
  return {
    freq: frame.freq,
    dates: frame.dates.subarray(0, n),
    names: frame.names,
    columns: frame.columns.map((c) => c.subarray(0, n)),
  };
}
