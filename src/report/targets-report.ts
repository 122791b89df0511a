/**
 * The report of a run with several targets: the page (targets-html.ts) and its charts.
 */
import type { BuiltReport } from './build-report.js';
import { renderTargetsHtml } from './targets-html.js';
import type { TargetsReportInput } from './types.js';

export async function buildTargetsReport(input: TargetsReportInput): Promise<BuiltReport> {
  return { html: renderTargetsHtml(input, []), pngs: [] };
}
