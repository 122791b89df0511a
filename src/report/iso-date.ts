/** Days since 1970-01-01 (UTC) → `yyyy-mm-dd`. O(1). @example isoDate(0) === '1970-01-01' */
export function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}
