/** Escaping of data-derived text for HTML text and attribute values. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `s` with `& < > " '` replaced by entities: safe in element content and in quoted attribute
 * values. O(length). @example escapeHtml('<b>') === '&lt;b&gt;'
 */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
