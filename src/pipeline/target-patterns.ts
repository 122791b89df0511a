import { inputError } from '../errors.js';

/**
 * Which columns a run forecasts. A pattern is a column name, `*` (every column) or a glob
 * (`gdelt_*`, `kw_?`, `kw_[0-4]`): `*` matches any run of characters, `?` one character,
 * `[...]` one of a set (`[!...]` none of it), `\` escapes the next character. A pattern without
 * glob characters is a plain name and must exist; a glob must match at least one column.
 */
export type TargetPatterns = readonly string[];

const GLOB_CHARS = /[*?[\\]/;

/** Whether a pattern is a glob rather than a plain column name. */
export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** `--target a,b,kw_*` → ['a', 'b', 'kw_*']: split on commas, trimmed, empty parts refused. */
export function splitTargetList(text: string, what = '--target'): string[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => p === '')) throw inputError('bad_target', `${what} '${text}' has an empty name; give column names or globs separated by commas`);
  return parts;
}

/**
 * A glob as an anchored regular expression. O(pattern length). A `[` without its `]` is a
 * literal `[`, as in POSIX shells.
 */
export function globRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (c === '[' && pattern.indexOf(']', i + 2) > 0) {
      const end = pattern.indexOf(']', i + 2);
      const body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      const set = (negate ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      re += `[${negate ? '^' : ''}${set}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 'u');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The columns `patterns` name, each once, sorted by name (code-unit order), so that every
 * output keyed by target is in the same order whatever the pattern order. A plain name that is
 * not a column, or a glob that matches none, is an input error naming it and the columns.
 * O(patterns × columns).
 */
export function resolveTargets(patterns: TargetPatterns, columns: readonly string[], where = 'the merged table'): string[] {
  if (patterns.length === 0) throw inputError('bad_target', 'no target given: name the column(s) to forecast');
  const chosen = new Set<string>();
  const have = new Set(columns);
  for (const p of patterns) {
    if (!isGlob(p)) {
      if (!have.has(p)) throw inputError('column_missing', `target column '${p}' not found in ${where}; columns are: ${columns.join(', ')}`);
      chosen.add(p);
      continue;
    }
    const re = globRegex(p);
    const hits = columns.filter((c) => re.test(c));
    if (hits.length === 0) throw inputError('column_missing', `target pattern '${p}' matches no column of ${where}; columns are: ${columns.join(', ')}`);
    for (const h of hits) chosen.add(h);
  }
  return [...chosen].sort(compareNames);
}

/** Code-unit order, the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
