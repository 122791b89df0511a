import { toCsv, type CsvCell } from '../io/csv-write.js';
import { header, levelPct } from './table-schema.js';
import type { ReportBand } from '../report/types.js';
import type { ColumnName, TableDef } from './tables.js';

/** The bounds of the interval levels after the first: `lower_95`, `upper_95`, … (table-schema.ts). */
export type LevelCells = Readonly<Partial<Record<`lower_${string}` | `upper_${string}`, CsvCell>>>;

/**
 * A row of a table as a record keyed by column name: every column of its definition, and for a
 * table with interval levels, the bounds of the levels after the first (`intervalCells`).
 */
export type Row<D extends TableDef> = { readonly [K in ColumnName<D>]: CsvCell } & LevelCells;

/**
 * The interval columns of a row: `lower`/`upper` for the first level, `lower_<pct>`/`upper_<pct>`
 * for each further one (`lower_95`), named as `header` names them.
 */
export function intervalCells(bands: readonly ReportBand[]): { readonly lower: CsvCell; readonly upper: CsvCell } & LevelCells {
  const cells: Record<string, CsvCell> = { lower: bands[0]?.lower, upper: bands[0]?.upper };
  for (let i = 1; i < bands.length; i++) {
    const [lower, upper] = boundNames(bands[i].level);
    cells[lower] = bands[i].lower;
    cells[upper] = bands[i].upper;
  }
  return cells as { readonly lower: CsvCell; readonly upper: CsvCell } & LevelCells;
}

/** A level's column names, made once per level (a table has a few levels and many rows). */
const BOUND_NAMES = new Map<number, readonly [string, string]>();
function boundNames(level: number): readonly [string, string] {
  let names = BOUND_NAMES.get(level);
  if (!names) BOUND_NAMES.set(level, (names = [`lower_${levelPct(level)}`, `upper_${levelPct(level)}`]));
  return names;
}

/**
 * A record's cells in the order of `columns`. A column the record lacks, or a key that is not a
 * column, is a bug in the code that built it and throws, rather than shifting the cells after
 * it into the wrong columns (a CSV, or a BigQuery load, maps cells by position).
 */
export function recordCells(columns: readonly string[], record: Readonly<Record<string, CsvCell>>, where: () => string): CsvCell[] {
  const cells = columns.map((c) => {
    if (!Object.hasOwn(record, c)) throw new Error(`${where()}: the row has no value for column '${c}'`);
    return record[c];
  });
  const keys = Object.keys(record);
  if (keys.length !== columns.length) throw new Error(`${where()}: '${keys.find((k) => !columns.includes(k))}' is not a column of the table`);
  return cells;
}

/** CSV text of a table: its header, then each record's cells in the definition's order. */
export function tableCsv<D extends TableDef>(table: D, rows: Iterable<Row<D>>, levels: readonly number[] = []): string {
  const columns = header(table, levels);
  return toCsv(
    columns,
    (function* () {
      let n = 0;
      for (const r of rows) {
        n++;
        yield recordCells(columns, r, () => `${table.title} row ${n}`);
      }
    })(),
  );
}
