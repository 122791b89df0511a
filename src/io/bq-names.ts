import { inputError } from '../errors.js';

/** BigQuery's rule for a column name: letters, digits and underscores, a letter or underscore first, at most 300. */
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
/** Prefixes BigQuery reserves for its own pseudo-columns. */
const RESERVED = ['_table_', '_file_', '_partition', '_row_timestamp', '__root__', '_colidentifier'];

/**
 * Check the column names of a table about to be written to BigQuery, before any job runs:
 * each must follow BigQuery's rule (https://cloud.google.com/bigquery/docs/schemas#column_names),
 * avoid its reserved prefixes, and be unique regardless of case. Throws `input.bad_column_name`
 * naming the table, the column and the rule. O(n).
 */
export function checkColumnNames(names: readonly string[], table: string): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    if (!COLUMN.test(name)) {
      throw inputError(
        'bad_column_name',
        `writing ${table}: column '${name}' is not a valid BigQuery column name: use letters, digits and underscores, starting with a letter or underscore (at most 300 characters)`,
      );
    }
    const lower = name.toLowerCase();
    const prefix = RESERVED.find((p) => lower.startsWith(p));
    if (prefix) throw inputError('bad_column_name', `writing ${table}: column '${name}' starts with '${prefix}', which BigQuery reserves`);
    const prev = seen.get(lower);
    if (prev !== undefined)
      throw inputError('bad_column_name', `writing ${table}: columns '${prev}' and '${name}' differ only in case; BigQuery column names are case-insensitive`);
    seen.set(lower, name);
  }
}
