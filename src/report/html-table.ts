/** A plain HTML table from cell text; every cell and header is escaped here, once. */
import { escapeHtml } from './html-escape.js';

export interface Column {
  readonly label: string;
  /** Right-aligned, tabular digits. */
  readonly num?: boolean;
}

/** `<table>` markup in a horizontally scrolling wrapper. `highlight(i)` marks row i as best. */
export function htmlTable(columns: readonly Column[], rows: readonly (readonly string[])[], highlight: (i: number) => boolean = () => false): string {
  const cls = (c: Column) => (c.num ? ' class="num"' : '');
  const head = columns.map((c) => `<th${cls(c)} scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map(
      (r, i) =>
        `<tr${highlight(i) ? ' class="best"' : ''}>${r.map((cell, j) => `<td${cls(columns[j] ?? { label: '' })}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="scroll"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}
