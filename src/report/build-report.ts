/**
 * The report: HTML page and PNG charts from the report's data. Chart libraries are loaded on
 * first call (see render.ts), so importing this module costs nothing until a report is built.
 */
import type { ChartName } from './charts/chart.js';
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
  const sections: ChartSection[] = [];
  const pngs: { name: `${ChartName}.png`; bytes: Uint8Array }[] = [];
  for (const { name, build } of CHARTS) {
    const outcome = build(input);
    if (outcome.kind === 'chart') {
      const svg = await renderSvg(outcome.spec);
      sections.push({ name, title: outcome.title, svg });
      pngs.push({ name: `${name}.png`, bytes: await svgToPng(svg) });
    } else {
      sections.push({ name, title: outcome.title, note: outcome.note });
      pngs.push({ name: `${name}.png`, bytes: await svgToPng(await renderSvg(noteChart(outcome.title, outcome.note))) });
    }
  }
  return { html: renderReportHtml(input, sections), pngs };
}
