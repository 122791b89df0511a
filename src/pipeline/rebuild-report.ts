import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import { readText } from '../io/read-text.js';
import { joinUri as at, parseUri } from '../io/uri.js';
import { writeBytes } from '../io/write-table.js';
import type { AnyReportInput } from '../report/types.js';

/** `forecast report --from out/`: re-render the report from the saved report-data.json. */
export async function rebuildReport(from: string, to: string, ctx: IoContext): Promise<void> {
  const src = at(from, 'report-data.json');
  const json = await readText(parseUri(src, '--from'), ctx);
  let input: AnyReportInput;
  try {
    input = JSON.parse(json) as AnyReportInput;
  } catch (e) {
    throw inputError('bad_report_data', `${src}: not valid JSON (${(e as Error).message})`);
  }
  const { buildAnyReport } = await import('../report/build-any-report.js');
  const report = await buildAnyReport(input);
  for (const p of report.pngs) await writeBytes(parseUri(at(to, p.name), '--to'), p.bytes, ctx, 'image/png');
  await writeBytes(parseUri(at(to, 'report.html'), '--to'), report.html, ctx, 'text/html');
  ctx.logger.info({ to: at(to, 'report.html') }, 'report written');
}
