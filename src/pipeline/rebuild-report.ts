import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import { openRead } from '../io/open-read.js';
import { joinUri as at, parseUri } from '../io/uri.js';
import { writeBytes } from '../io/write-table.js';
import type { ReportInput } from '../report/types.js';

/** `forecast report --from out/`: re-render the report from the saved report-data.json. */
export async function rebuildReport(from: string, to: string, ctx: IoContext): Promise<void> {
  const src = at(from, 'report-data.json');
  const chunks: Buffer[] = [];
  for await (const c of await openRead(parseUri(src, '--from'), ctx)) chunks.push(c as Buffer);
  let input: ReportInput;
  try {
    input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReportInput;
  } catch (e) {
    throw inputError('bad_report_data', `${src}: not valid JSON (${(e as Error).message})`);
  }
  const { buildReport } = await import('../report/build-report.js');
  const report = await buildReport(input);
  for (const p of report.pngs) await writeBytes(parseUri(at(to, p.name), '--to'), p.bytes, ctx, 'image/png');
  await writeBytes(parseUri(at(to, 'report.html'), '--to'), report.html, ctx, 'text/html');
  ctx.logger.info({ to: at(to, 'report.html') }, 'report written');
}
