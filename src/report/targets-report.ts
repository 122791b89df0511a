/**
 * The report of a run with several targets: the page (targets-html.ts) and its two charts,
 * the movers' small multiples and the histogram against naive, as inline SVG and PNG files.
 * A chart with nothing to show becomes a note (and a PNG carrying it), as in the one-target report.
 */
import { renderCharts, type BuiltReport } from './build-report.js';
import type { ChartOutcome } from './charts/chart.js';
import { moversChart } from './charts/movers-chart.js';
import { vsNaiveChart } from './charts/vs-naive-chart.js';
import { renderTargetsHtml } from './targets-html.js';
import type { TargetsReportInput } from './types.js';

export const TARGETS_CHARTS: readonly { readonly name: string; readonly build: (input: TargetsReportInput) => ChartOutcome }[] = [
  { name: 'movers', build: moversChart },
  { name: 'vs-naive', build: vsNaiveChart },
];

export async function buildTargetsReport(input: TargetsReportInput): Promise<BuiltReport> {
  const { sections, pngs } = await renderCharts(TARGETS_CHARTS, input);
  return { html: renderTargetsHtml(input, sections), pngs };
}
