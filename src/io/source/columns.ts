import { inputError } from '../../errors.js';
import { restoreFormula } from '../csv-write.js';

/** A header after the checks every format shares: BOM gone, unnamed index found, duplicates rejected. */
export interface Header {
  readonly names: readonly string[];
  /** Index of a pandas-style unnamed index column (`''` or `Unnamed: 0`) to ignore, or -1. */
  readonly indexColumn: number;
}

const UNNAMED = /^(Unnamed: ?\d+)?$/;

/**
 * Trimmed names, the unnamed index column, and no empty or repeated name. A name this tool
 * neutralised as a formula when writing it (`'=x`, see csv-write.ts) reads back as written
 * (`=x`), so merged.csv names the series as its sources did. O(columns).
 */
export function checkHeader(cells: readonly string[], source: string): Header {
  const names = cells.map((c) => restoreFormula(c.trim()));
  const indexColumn = names.length > 1 && UNNAMED.test(names[0]) ? 0 : -1;
  const firstAt = new Map<string, number>();
  names.forEach((n, i) => {
    const first = firstAt.get(n);
    if (i !== indexColumn) {
      if (n === '') throw inputError('bad_header', `${source}: column ${i + 1} of the header has no name`);
      if (first !== undefined) {
        throw inputError('bad_header', `${source}: column '${n}' appears twice in the header (columns ${first + 1} and ${i + 1})`);
      }
    }
    if (first === undefined) firstAt.set(n, i);
  });
  return { names, indexColumn };
}

/**
 * Find a column: the name asked for (exact, then case-insensitive), or when none was asked for
 * the first of `guesses` present, else the only column with a guess as a word of its name.
 * Throws `input.column_missing` listing the columns.
 */
export function findColumn(header: Header, source: string, role: string, asked: string | undefined, guesses: readonly string[]): number {
  const names = header.names;
  const lookup = (want: string) => {
    const exact = names.indexOf(want);
    if (exact >= 0) return exact;
    const lower = names.map((n) => n.toLowerCase());
    const hits = lower.flatMap((n, i) => (n === want.toLowerCase() ? [i] : []));
    return hits.length === 1 ? hits[0] : -1;
  };
  const listed = names.filter((_, i) => i !== header.indexColumn).join(', ');
  if (asked !== undefined) {
    const i = lookup(asked);
    if (i < 0) throw inputError('column_missing', `column '${asked}' not found in ${source}; columns are: ${listed}`);
    return i;
  }
  for (const g of guesses) {
    const i = lookup(g);
    if (i >= 0) return i;
  }
  // Then the one column whose name has a guess as a word (`observation_date`, `Week start`).
  const words = names.map((n, i) => (i === header.indexColumn ? [] : n.toLowerCase().split(/[^a-z0-9]+/)));
  const partial = words.flatMap((w, i) => (guesses.some((g) => w.includes(g)) ? [i] : []));
  if (partial.length === 1) return partial[0];
  throw inputError('column_missing', `${source} has no ${role} column (looked for ${guesses.join(', ')}); columns are: ${listed}; name it with ${role}=COL`);
}
