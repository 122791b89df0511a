import Papa from 'papaparse';
import type { SchemaField } from './write-table.js';

/**
 * A BigQuery schema from a CSV's content, for `publish`/`extract` to bq:// of tables the tool did
 * not make itself: DATE when every non-empty cell is yyyy-mm-dd, INT64/FLOAT64 when numeric,
 * BOOL for true/false, STRING otherwise. An all-empty column is STRING.
 */
export function inferSchema(csv: string): SchemaField[] {
  const { data } = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: 'greedy' });
  const [head = [], ...rows] = data;
  return head.map((name, j) => {
    const cells = rows.map((r) => (r[j] ?? '').trim()).filter((c) => c !== '');
    const all = (re: RegExp) => cells.length > 0 && cells.every((c) => re.test(c));
    const type: SchemaField['type'] = all(/^\d{4}-\d{2}-\d{2}$/) ? 'DATE'
      : all(/^-?\d+$/) ? 'INT64'
      : all(/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/) ? 'FLOAT64'
      : all(/^(true|false)$/i) ? 'BOOL' : 'STRING';
    return { name, type };
  });
}
