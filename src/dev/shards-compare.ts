import type { CloudDoubles } from './start-cloud-doubles.js';

/** One table (or file) of two runs compared: equal, with its row count, or the first difference. */
export interface TableCheck {
  readonly what: string;
  readonly rows: number;
  readonly equal: boolean;
  readonly firstDiff?: string;
}

/** The column that measures a run, not its results: the one allowed to differ. */
const MEASURED = 'elapsed_ms';
const FILES = ['predictions.csv', 'weekly_score.csv', 'backtest.csv', 'feature_ranking.csv', 'removed_features.csv', 'scores.csv', 'model.json', 'merged.csv'];

/** CSV lines without one column (by its header name); lines of any other text as they are. */
function withoutColumn(text: string, name: string): string[] {
  const lines = text.split('\n');
  const i = lines[0].split(',').indexOf(name);
  return i < 0
    ? lines
    : lines.map((l) =>
        l
          .split(',')
          .filter((_, j) => j !== i)
          .join(','),
      );
}

function check(what: string, a: readonly string[], b: readonly string[]): TableCheck {
  const at = a.findIndex((l, i) => l !== b[i]);
  const diff = at >= 0 ? at : a.length !== b.length ? Math.min(a.length, b.length) : -1;
  return { what, rows: a.length, equal: diff < 0, ...(diff >= 0 ? { firstDiff: `row ${diff}: ${a[diff] ?? '(none)'} ≠ ${b[diff] ?? '(none)'}` } : {}) };
}

/**
 * Compare what two runs published: the out dirs' files on the Storage double (text, line by
 * line) and the BigQuery double's tables (rows in any order, as a table has none).
 */
export function compareRuns(d: CloudDoubles, o: { bucket: string; single: string; sharded: string; project: string; tables: readonly string[] }): TableCheck[] {
  const file = (dir: string, name: string) => d.gcs.find(o.bucket, `${dir}/${name}`)?.data.toString('utf8') ?? '';
  const files = FILES.map((name) =>
    check(`gs://${o.bucket}/…/${name}`, withoutColumn(file(o.single, name), MEASURED), withoutColumn(file(o.sharded, name), MEASURED)),
  );
  const rows = (dataset: string, table: string) => {
    const t = d.bq.find(o.project, dataset, table);
    if (!t) return [];
    const keep = t.schema.map((f, i) => (f.name === MEASURED ? -1 : i)).filter((i) => i >= 0);
    return [JSON.stringify(keep.map((i) => t.schema[i].name)), ...t.rows.map((r) => JSON.stringify(keep.map((i) => r[i]))).sort()];
  };
  const tables = o.tables.map((t) => check(`bq://${o.project}.*.${t}`, rows(o.single, t), rows(o.sharded, t)));
  return [...files, ...tables];
}
