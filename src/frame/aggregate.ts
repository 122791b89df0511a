/** How several values that land in one (series, period) cell become one number. */
export const AGGS = ['mean', 'sum', 'count', 'count_x_mean', 'last'] as const;
export type Agg = (typeof AGGS)[number];
export function isAgg(s: string): s is Agg {
  return (AGGS as readonly string[]).includes(s);
}

/** Running sums for one cell: enough for every Agg in O(1) memory. */
export interface Cell {
  count: number;
  /** Number of non-missing values and their sum (mean skips missing values). */
  n: number;
  sum: number;
  last: number;
}

/**
 * The cell's value under `agg`. `count` counts rows (events), including rows whose value is
 * missing; `mean` is the mean of the non-missing values; `count_x_mean` = count × mean, the
 * original pipeline's "score". NaN when the cell has no value to aggregate.
 */
export function aggregateCell(cell: Cell, agg: Agg): number {
  switch (agg) {
    case 'count':
      return cell.count;
    case 'sum':
      return cell.n > 0 ? cell.sum : NaN;
    case 'mean':
      return cell.n > 0 ? cell.sum / cell.n : NaN;
    case 'count_x_mean':
      return cell.n > 0 ? (cell.count * cell.sum) / cell.n : NaN;
    case 'last':
      return cell.last;
  }
}
