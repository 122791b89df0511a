import { Command } from 'commander';
import { inputError } from '../../errors.js';
import type { IoContext } from '../../io/context.js';
import { joinUri as at, parseUri } from '../../io/uri.js';
import type { AnyReportInput } from '../../report/types.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';

/** `forecast report --from out/`: re-render the report from the saved report-data.json. */
export function reportCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('report')
    .description("rebuild report.html and the chart PNGs from a run's outputs")
    .option('--from <dir>', 'output folder or gs:// prefix holding report-data.json', 'out')
    .option('--to <dir>', 'where to write report.html and the PNGs (default: --from)')
    .action(async (o: { from: string; to?: string }) => rebuildReport(o.from, o.to ?? o.from, await ioContext(deps, globals())));
}

async function rebuildReport(from: string, to: string, ctx: IoContext): Promise<void> {
  const [{ readText }, { writeBytes }] = await Promise.all([import('../../io/read-text.js'), import('../../io/write-table.js')]);
  const src = at(from, 'report-data.json');
  const json = await readText(parseUri(src, '--from'), ctx);
  let input: AnyReportInput;
  try {
    input = JSON.parse(json) as AnyReportInput;
  } catch (e) {
    throw inputError('bad_report_data', `${src}: not valid JSON (${(e as Error).message})`);
  }
  const { buildAnyReport } = await import('../../report/build-any-report.js');
  const report = await buildAnyReport(input);
  for (const p of report.pngs) await writeBytes(parseUri(at(to, p.name), '--to'), p.bytes, ctx, 'image/png');
  await writeBytes(parseUri(at(to, 'report.html'), '--to'), report.html, ctx, 'text/html');
  ctx.logger.info({ to: at(to, 'report.html') }, 'report written');
}
