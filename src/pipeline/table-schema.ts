import type { SchemaField } from '../io/write-table.js';
import type { TableLayout } from '../io/bq-layout.js';
import { TABLES, type Column, type TableDef } from './tables.js';

/**
 * A level as a column-name suffix: 0.8 → "80", 0.975 → "97_5" (BigQuery column names allow
 * letters, digits and underscores only, so the decimal point becomes an underscore).
 */
export function levelPct(level: number): string {
  return String(Number((level * 100).toFixed(4))).replace('.', '_');
}

/** The columns of a table written with these interval levels: the extra levels' bounds after the fixed ones. */
export function columnsOf(table: TableDef, levels: readonly number[] = []): Column[] {
  if (!table.levels) return [...table.columns];
  return [
    ...table.columns,
    ...levels.slice(1).flatMap((l): Column[] => {
      const pct = levelPct(l);
      const text = pct.replace('_', '.');
      return [
        [`lower_${pct}`, 'FLOAT64', `lower bound of the ${text} % interval`],
        [`upper_${pct}`, 'FLOAT64', `upper bound of the ${text} % interval`],
      ];
    }),
  ];
}

/** Header names of a table, plus the extra interval columns for levels after the first. */
export function header(table: TableDef, levels: readonly number[] = []): string[] {
  return columnsOf(table, levels).map((c) => c[0]);
}

/** BigQuery schema for a table. */
export function schema(table: TableDef, levels: readonly number[] = []): SchemaField[] {
  return columnsOf(table, levels).map(([name, type, description]) => ({ name, type, description }));
}

/** The published table this tool writes with this header, and its interval levels after the first (0 stands for it). */
function recognise(headerCells: readonly string[]): { table: TableDef; levels: number[] } | undefined {
  for (const table of Object.values(TABLES) as TableDef[]) {
    if (!table.layout) continue;
    const fixed = header(table);
    if (headerCells.length < fixed.length || fixed.some((c, i) => headerCells[i] !== c)) continue;
    const extra = headerCells.slice(fixed.length);
    const levels = [0, ...extra.filter((c) => /^lower_\d+(_\d+)?$/.test(c)).map((c) => Number(c.slice(6).replace('_', '.')) / 100)];
    const want = header(table, levels);
    if (want.length === headerCells.length && want.every((c, i) => c === headerCells[i])) return { table, levels };
  }
  return undefined;
}

/**
 * The schema of a table run-all publishes, recognised by its header (`publish` of an out-dir
 * file to bq:// then gets the same types run-all uses); undefined for any other table.
 */
export function knownSchema(headerCells: readonly string[]): SchemaField[] | undefined {
  const r = recognise(headerCells);
  return r && schema(r.table, r.levels);
}

/** The BigQuery layout of a table run-all publishes, recognised by its header. */
export function knownLayout(headerCells: readonly string[]): TableLayout | undefined {
  return recognise(headerCells)?.table.layout;
}
