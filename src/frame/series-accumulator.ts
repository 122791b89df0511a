import { aggregateCell, type Agg, type Cell } from './aggregate.js';

/** One aggregated series: sorted period labels and their values. */
export interface Series {
  readonly name: string;
  readonly periods: Int32Array;
  readonly values: Float64Array;
}

/** What `add` reports when a cell already had a value and the source has no `agg`. */
export interface Duplicate {
  readonly key: string;
  readonly period: number;
}

/**
 * Folds rows (key, period, value) into per-key, per-period cells while a file streams by, so
 * memory grows with keys × periods, never with rows. Keys keep their first-seen order, which
 * makes the output deterministic for a given input. O(1) amortised per row.
 */
export class SeriesAccumulator {
  private readonly cells = new Map<string, Map<number, Cell>>();

  /** `agg` undefined means every (key, period) may hold only one value: a second is a duplicate. */
  constructor(private readonly agg: Agg | undefined) {}

  /** Add a value (NaN = missing). Returns the duplicate cell when one is not allowed. */
  add(key: string, period: number, value: number): Duplicate | undefined {
    let byPeriod = this.cells.get(key);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      this.cells.set(key, byPeriod);
    }
    let cell = byPeriod.get(period);
    if (cell === undefined) {
      cell = { count: 0, n: 0, sum: 0, last: NaN };
      byPeriod.set(period, cell);
    } else if (this.agg === undefined && cell.count > 0) {
      return { key, period };
    }
    cell.count++;
    if (!Number.isNaN(value)) {
      cell.n++;
      cell.sum += value;
    }
    cell.last = value;
    return undefined;
  }

  get keyCount(): number {
    return this.cells.size;
  }

  /** The series, each with its periods in ascending order. */
  series(): Series[] {
    const agg = this.agg ?? 'last';
    const out: Series[] = [];
    for (const [name, byPeriod] of this.cells) {
      const periods = Int32Array.from(byPeriod.keys()).sort();
      const values = new Float64Array(periods.length);
      periods.forEach((p, i) => (values[i] = aggregateCell(byPeriod.get(p)!, agg)));
      out.push({ name, periods, values });
    }
    return out;
  }
}
