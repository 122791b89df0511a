import type { Frame } from '../frame/frame.js';
import type { Freq } from '../frame/freq.js';

/**
 * A frame laid out in SharedArrayBuffers, so every worker of a pool reads the one copy of the
 * merged table instead of receiving a clone per worker (2,000 columns × 520 weeks is 8 MB).
 * The engine never writes into its input arrays (frame.ts), so sharing them is safe.
 */
export interface SharedFrame {
  readonly freq: Freq;
  readonly names: readonly string[];
  readonly rows: number;
  readonly dates: SharedArrayBuffer;
  /** Column j occupies values [j·rows, (j+1)·rows). */
  readonly values: SharedArrayBuffer;
}

/** Copy a frame into shared memory. O(rows × columns). */
export function shareFrame(frame: Frame): SharedFrame {
  const rows = frame.dates.length;
  const dates = new SharedArrayBuffer(rows * Int32Array.BYTES_PER_ELEMENT);
  new Int32Array(dates).set(frame.dates);
  const values = new SharedArrayBuffer(Math.max(1, rows * frame.columns.length) * Float64Array.BYTES_PER_ELEMENT);
  const all = new Float64Array(values);
  frame.columns.forEach((c, j) => all.set(c, j * rows));
  return { freq: frame.freq, names: [...frame.names], rows, dates, values };
}

/** The frame a SharedFrame holds, as views (no copy). */
export function frameOf(s: SharedFrame): Frame {
  return {
    freq: s.freq,
    dates: new Int32Array(s.dates, 0, s.rows),
    names: s.names,
    columns: s.names.map((_, j) => new Float64Array(s.values, j * s.rows * Float64Array.BYTES_PER_ELEMENT, s.rows)),
  };
}
