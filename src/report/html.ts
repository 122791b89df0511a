/**
 * The report page: one self-contained HTML file. Inline CSS and inline SVG only, no scripts,
 * and a Content-Security-Policy that forbids every fetch, so opening it makes no request even
 * if some data-derived text slipped through (it does not: all of it is escaped).
 */
import { escapeHtml } from './html-escape.js';
import { backtestSection, problemsSection, removedFeaturesSection, scoresSection, summarySection, winnerSection } from './html-sections.js';
import { REPORT_CSS } from './html-style.js';
import { inlineSvg } from './inline-svg.js';
import type { ReportInput } from './types.js';

/** One chart of the page: its SVG, or the note saying why there is nothing to show. */
export interface ChartSection {
  readonly name: string;
  readonly title: string;
  readonly svg?: string;
  readonly note?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A chart's figure, or its note when it has nothing to show. */
export function figureOf(c: ChartSection | undefined): string {
  if (c === undefined) return '';
  if (c.svg === undefined) return `<p class="note">${escapeHtml(c.note ?? 'Nothing to show.')}</p>`;
  return `<figure id="chart-${c.name}">${inlineSvg(c.svg, c.name, c.title)}</figure>`;
}

const figure = (charts: readonly ChartSection[], name: string) => figureOf(charts.find((x) => x.name === name));

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function removedRows(input: ReportInput): string {
  const dates = input.outliers.filter((o) => o.removed).map((o) => o.date);
  return dates.length === 0 ? '' : `<p>Removed rows (${dates.length}): ${dates.map(escapeHtml).join(', ')}</p>`;
}

/** The whole page as a string. Pure: the same input gives the same bytes. */
export function renderReportHtml(input: ReportInput, charts: readonly ChartSection[]): string {
  const title = `Forecast report: ${input.target}, ${input.runDate}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(`${input.horizon}-step forecast of ${input.target} (${input.freq}); winner ${input.winner}`)}</p></header>`,
    section('forecast', 'Forecast', winnerSection(input) + figure(charts, 'forecast')),
    section('summary', 'Run summary', summarySection(input)),
    section('scores', 'Candidates', scoresSection(input)),
    section('backtest', 'Back-test', figure(charts, 'backtest') + backtestSection(input)),
    section('selection', 'Feature selection', figure(charts, 'selection')),
    section('features', 'Features', figure(charts, 'features') + '<h3>Removed features</h3>' + removedFeaturesSection(input)),
    section('outliers', 'Outliers', figure(charts, 'outliers') + removedRows(input)),
    section('problems', 'Data problems', problemsSection(input)),
  ].join('\n');
  return htmlDocument(title, body);
}

/** The page around a body: charset, the no-fetch CSP, the inline style sheet. */
export function htmlDocument(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
