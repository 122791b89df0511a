/**
 * The report: HTML page and PNG charts from the report's data. Chart libraries are loaded on
 * first call (see render.ts), so importing this module costs nothing until a report is built.
 */
import type { ChartOutcome } from './charts/chart.js';
import { CHARTS } from './charts/charts.js';
import { noteChart } from './charts/note-chart.js';
import { renderReportHtml, type ChartSection } from './html.js';
import { renderSvg, svgToPng } from './render.js';
import type { ReportInput } from './types.js';

export interface BuiltReport {
  readonly html: string;
  /** `forecast.png`, `backtest.png`, `selection.png`, `features.png`, `outliers.png`, in that order. */
  readonly pngs: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/**
 * Renders the five charts to SVG and PNG and the page around them. An empty section (no
 * selection curve, no outliers…) gets a note in the page and a PNG that carries the same note,
 * so the set of files is always the same. About 1 s for 73 weeks × 80 features, most of it
 * vega and resvg; the first call also loads the libraries (about 0.5 s).
 */
export async function buildReport(input: ReportInput): Promise<BuiltReport> {
  const { sections, pngs } = await renderCharts(CHARTS, input);
  return { html: renderReportHtml(input, sections), pngs };
}

/**
 * Each chart as inline SVG for the page and as a PNG file, in order; a chart with nothing to
 * show gets a note in the page and a PNG that carries the same note, so the set of files is
 * always the same.
 */
export async function renderCharts<I>(
  charts: readonly { readonly name: string; readonly build: (input: I) => ChartOutcome }[],
  input: I,
): Promise<{ sections: ChartSection[]; pngs: { name: string; bytes: Uint8Array }[] }> {
  const sections: ChartSection[] = [];
  const pngs: { name: string; bytes: Uint8Array }[] = [];
  for (const { name, build } of charts) {
    const outcome = build(input);
    const svg = await renderSvg(outcome.kind === 'chart' ? outcome.spec : noteChart(outcome.title, outcome.note));
    sections.push(outcome.kind === 'chart' ? { name, title: outcome.title, svg } : { name, title: outcome.title, note: outcome.note });
    pngs.push({ name: `${name}.png`, bytes: await svgToPng(svg) });
  }
  return { sections, pngs };
}
