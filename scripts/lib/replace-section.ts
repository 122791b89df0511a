/**
 * The generated sections of the docs (scripts/error-codes-doc.ts, scripts/schemas-doc.ts) are
 * spliced into hand-written pages by heading.
 */

/** `doc` with the section under `heading` (up to the next \`## \` heading) replaced by `section`. */
export function replaceSection(doc: string, heading: string, section: string): string {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no '${heading}' section`);
  const end = doc.indexOf('\n## ', start + heading.length);
  return doc.slice(0, start) + section + (end < 0 ? '' : doc.slice(end));
}
