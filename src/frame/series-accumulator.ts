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

/** Doubles per cell in the store: count, n (non-missing values), sum, last. */
const STRIDE = 4;
/** Cells per block of the store (2 MiB blocks): the store grows by blocks, never copying more than one. */
const BLOCK_BITS = 16;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
/** Cells a block starts with (32 KiB). */
const FIRST_CELLS = 1 << 10;

/** A key's cells: slot + 1 by period id (0 = none) while dense enough, else a map id → slot. */
interface KeyCells {
  index: Int32Array;
  sparse: Map<number, number> | undefined;
  cells: number;
}

/** Period ids and slots pack into one sortable double: (period + 2^28) · 2^22 + id < 2^51. */
const ID_BITS = 22;
const PERIOD_OFFSET = 2 ** 28;
/** Days covered by the direct period → id table (256 KiB). */
const DAY_WINDOW = 1 << 16;

/**
 * Folds rows (key, period, value) into per-key, per-period cells while a file streams by, so
 * memory grows with keys × periods, never with rows. Keys keep their first-seen order, which
 * makes the output deterministic for a given input. O(1) amortised per row.
 *
 * Layout, for speed and a small, GC-light heap: the cells live in blocks of Float64Array
 * (4 doubles each); every distinct period gets a small id once; each key indexes its cells by
 * period id in an Int32Array (a long table of 5,000 keys × 520 weeks is 2.6 M cells in a few
 * flat arrays, not 2.6 M objects and 5,000 hash maps). A key whose periods are too sparse for
 * its index (fewer than 1/8 of the slots used) switches to a map, so memory stays O(cells).
 */
export class SeriesAccumulator {
  private readonly keys = new Map<string, KeyCells>();
  private readonly periodIds = new Map<number, number>();
  private readonly periodById: number[] = [];
  private readonly idByDay = new Int32Array(DAY_WINDOW);
  private dayBase: number | undefined;
  private readonly blocks: Float64Array[] = [];
  private used = 0;
  // The last key and cell touched: rows of one key and period come in runs (GDELT events of a
  // theme and day, a long table sorted by key), so most rows skip one or both lookups.
  private lastKey: string | undefined;
  private lastCells: KeyCells | undefined;
  private lastPeriod = NaN;
  private lastPeriodId = -1;
  private lastSlot = -1;

  /** `agg` undefined means every (key, period) may hold only one value: a second is a duplicate. */
  constructor(private readonly agg: Agg | undefined) {}

  /** Add a value (NaN = missing). Returns the duplicate cell when one is not allowed. */
  add(key: string, period: number, value: number): Duplicate | undefined {
    let slot: number;
    if (key === this.lastKey && period === this.lastPeriod) {
      slot = this.lastSlot;
    } else {
      let k = key === this.lastKey ? this.lastCells! : this.keys.get(key);
      if (k === undefined) {
        k = { index: new Int32Array(16), sparse: undefined, cells: 0 };
        this.keys.set(key, k);
      }
      const id = period === this.lastPeriod ? this.lastPeriodId : this.periodId(period);
      slot = this.slotOf(k, id);
      this.lastKey = key;
      this.lastCells = k;
      this.lastPeriod = period;
      this.lastPeriodId = id;
      this.lastSlot = slot;
    }
    const d = this.blocks[slot >>> BLOCK_BITS];
    const b = (slot & BLOCK_MASK) * STRIDE;
    if (this.agg === undefined && d[b] > 0) return { key, period };
    d[b]++;
    if (!Number.isNaN(value)) {
      d[b + 1]++;
      d[b + 2] += value;
    }
    d[b + 3] = value;
    return undefined;
  }

  private periodId(period: number): number {
    // Periods are day numbers: a direct table covers ±89 years around the first one seen.
    if (this.dayBase === undefined) this.dayBase = period - DAY_WINDOW / 2;
    const off = period - this.dayBase;
    const inWindow = off >= 0 && off < DAY_WINDOW;
    if (inWindow && this.idByDay[off] !== 0) return this.idByDay[off] - 1;
    let id = this.periodIds.get(period);
    if (id === undefined) {
      id = this.periodById.length;
      if (id >= 2 ** ID_BITS) throw new RangeError(`more than ${2 ** ID_BITS} distinct periods`);
      this.periodIds.set(period, id);
      this.periodById.push(period);
    }
    if (inWindow) this.idByDay[off] = id + 1;
    return id;
  }

  /** The key's cell for period id `id`, made on first use. */
  private slotOf(k: KeyCells, id: number): number {
    if (k.sparse !== undefined) {
      let slot = k.sparse.get(id);
      if (slot === undefined) {
        slot = this.newSlot();
        k.sparse.set(id, slot);
        k.cells++;
      }
      return slot;
    }
    if (id < k.index.length && k.index[id] !== 0) return k.index[id] - 1;
    if (id >= k.index.length) {
      let size = k.index.length * 2;
      while (size <= id) size *= 2;
      if (size > 8 * (k.cells + 1) + 64) {
        // Too sparse for an index: move this key's cells to a map.
        k.sparse = new Map();
        for (let i = 0; i < k.index.length; i++) if (k.index[i] !== 0) k.sparse.set(i, k.index[i] - 1);
        k.index = new Int32Array(0);
        return this.slotOf(k, id);
      }
      const grown = new Int32Array(size);
      grown.set(k.index);
      k.index = grown;
    }
    const slot = this.newSlot();
    k.index[id] = slot + 1;
    k.cells++;
    return slot;
  }

  private newSlot(): number {
    const slot = this.used++;
    const i = slot >>> BLOCK_BITS;
    const at = (slot & BLOCK_MASK) * STRIDE;
    let block = this.blocks[i];
    if (block === undefined || at >= block.length) {
      // A block starts at FIRST_CELLS cells and doubles up to its full size (copying at most
      // one block), so a small source does not zero and touch 2 MiB.
      const grown = new Float64Array(block === undefined ? FIRST_CELLS * STRIDE : 2 * block.length); // zeroed
      if (block !== undefined) grown.set(block);
      this.blocks[i] = block = grown;
    }
    block[at + 3] = NaN; // last
    return slot;
  }

  get keyCount(): number {
    return this.keys.size;
  }

  /** The series, each with its periods in ascending order. */
  series(): Series[] {
    const agg = this.agg ?? 'last';
    const cell: Cell = { count: 0, n: 0, sum: 0, last: NaN };
    const out: Series[] = [];
    for (const [name, k] of this.keys) {
      const ids = new Int32Array(k.cells);
      let j = 0;
      if (k.sparse !== undefined) for (const id of k.sparse.keys()) ids[j++] = id;
      else for (let id = 0; id < k.index.length; id++) if (k.index[id] !== 0) ids[j++] = id;
      let sorted = true;
      for (let i = 1; i < ids.length && sorted; i++) sorted = this.periodById[ids[i - 1]] < this.periodById[ids[i]];
      if (!sorted) {
        // (period, id) packed into one double, so a native numeric sort orders the periods.
        const packed = Float64Array.from(ids, (id) => (this.periodById[id] + PERIOD_OFFSET) * 2 ** ID_BITS + id).sort();
        for (let i = 0; i < ids.length; i++) ids[i] = packed[i] % 2 ** ID_BITS;
      }
      const periods = new Int32Array(k.cells);
      const values = new Float64Array(k.cells);
      for (let i = 0; i < k.cells; i++) {
        const id = ids[i];
        const slot = k.sparse !== undefined ? k.sparse.get(id)! : k.index[id] - 1;
        const d = this.blocks[slot >>> BLOCK_BITS];
        const b = (slot & BLOCK_MASK) * STRIDE;
        cell.count = d[b];
        cell.n = d[b + 1];
        cell.sum = d[b + 2];
        cell.last = d[b + 3];
        periods[i] = this.periodById[id];
        values[i] = aggregateCell(cell, agg);
      }
      out.push({ name, periods, values });
    }
    return out;
  }
}
