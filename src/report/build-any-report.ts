/**
 * The report of any run: one target's (build-report.ts), or the page of a run with several
 * targets (targets-report.ts). Both return the page and its PNGs.
 */
import type { BuiltReport } from './build-report.js';
import { isTargetsReport, type AnyReportInput } from './types.js';

export async function buildAnyReport(input: AnyReportInput): Promise<BuiltReport> {
  if (isTargetsReport(input)) {
    const { buildTargetsReport } = await import('./targets-report.js');
    return buildTargetsReport(input);
  }
  const { buildReport } = await import('./build-report.js');
  return buildReport(input);
}
