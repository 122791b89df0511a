import { redactSecrets } from './redact-secrets.js';

/** The longest message, in characters: one line a person can read, whatever the input held. */
export const MAX_MESSAGE = 300;
/** The longest quoted value kept whole in an over-long message. */
export const MAX_QUOTED = 60;
/** Items of a list kept in an over-long message; the rest become `… and N more`. */
export const MAX_LIST = 8;

/**
 * The one place a message is made safe to print: secrets in URIs redacted, newlines folded
 * into one line, and at most `max` characters. An over-long message is shortened in steps,
 * each only while it is still too long: quoted values ('…') cut to MAX_QUOTED characters
 * with `…`, comma-separated lists cut to MAX_LIST items with `… and N more`, then the end cut
 * with `…`. The start (which names the file, row and column) is kept. O(length).
 *
 * @example boundMessage(`x.csv row 2: '${'a'.repeat(1e6)}' is not a number`)
 *   // → "x.csv row 2: 'aaaa…' is not a number", the value cut to 60 characters
 */
export function boundMessage(text: string, max = MAX_MESSAGE): string {
  // Only patterns anchored on a rarer character: /\s*\n/ would be quadratic on a long blank run.
  let s = redactSecrets(text)
    .replace(/[\r\n]\s*/g, ' ')
    .trim();
  if (s.length > max) s = cutQuoted(s);
  if (s.length > max) s = cutLists(s);
  if (s.length > max) s = cutEnd(s, max);
  return s;
}

/**
 * `items` as `a, b, c`, or the first `most` of them followed by `… and N more`. For lists of
 * unknown length built into messages, log lines and reports (columns, keys). O(most).
 */
export function listOf(items: readonly string[], most = MAX_LIST): string {
  if (items.length <= most + 1) return items.join(', ');
  return `${items.slice(0, most).join(', ')}, … and ${items.length - most} more`;
}

function cutQuoted(s: string): string {
  return s.replace(/'([^'\n]*)'/g, (whole, inner: string) => (inner.length > MAX_QUOTED ? `'${cutEnd(inner, MAX_QUOTED)}'` : whole));
}

/** Lists are runs of `, `-separated items between `: ` `; ` `(` `)` and the ends. */
function cutLists(s: string): string {
  return s
    .split(/(: |; |\(|\))/)
    .map((part) => {
      const items = part.split(', ');
      return items.length > MAX_LIST + 1 ? listOf(items) : part;
    })
    .join('');
}

/** The first max−1 characters and `…`, never splitting a surrogate pair. */
function cutEnd(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
