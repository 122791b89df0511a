import type { SchemaField } from './write-table.js';

/**
 * A BigQuery schema from a CSV table's cells (read by csv-read.ts), for `publish`/`extract` to
 * bq:// of tables the tool did not make itself: DATE when every non-empty cell is yyyy-mm-dd,
 * INT64/FLOAT64 when numeric, BOOL for true/false, STRING otherwise. An all-empty column is
 * STRING. O(cells).
 */
export function inferSchema({ header, rows }: { readonly header: readonly string[]; readonly rows: readonly string[][] }): SchemaField[] {
  return header.map((name, j) => {
    const cells = rows.map((r) => (r[j] ?? '').trim()).filter((c) => c !== '');
    const all = (re: RegExp) => cells.length > 0 && cells.every((c) => re.test(c));
    const type: SchemaField['type'] = all(/^\d{4}-\d{2}-\d{2}$/)
      ? 'DATE'
      : all(/^-?\d+$/)
        ? 'INT64'
        : all(/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/)
          ? 'FLOAT64'
          : all(/^(true|false)$/i)
            ? 'BOOL'
            : 'STRING';
    return { name, type };
  });
}
