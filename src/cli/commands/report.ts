import { Command } from 'commander';
import { inputError } from '../../errors.js';
import type { IoContext } from '../../io/context.js';
import { childUri, type Folder } from '../../io/uri.js';
import type { AnyReportInput } from '../../report/types.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { folderOption } from '../option-parsers.js';

/** `forecast report --from out/`: re-render the report from the saved report-data.json. */
export function reportCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('report')
    .description("rebuild report.html and the chart PNGs from a run's outputs")
    .addOption(folderOption('--from <dir>', 'output folder or gs:// prefix holding report-data.json', 'out'))
    .addOption(folderOption('--to <dir>', 'where to write report.html and the PNGs (default: --from)'))
    .action(async (o: { from: Folder; to?: Folder }) => rebuildReport(o.from, o.to ?? o.from, await ioContext(deps, globals())));
}

async function rebuildReport(from: Folder, to: Folder, ctx: IoContext): Promise<void> {
  const [{ readText }, { writeBytes }] = await Promise.all([import('../../io/read-text.js'), import('../../io/write-table.js')]);
  const src = childUri(from, 'report-data.json');
  const json = await readText(src, ctx);
  let input: AnyReportInput;
  try {
    input = JSON.parse(json) as AnyReportInput;
  } catch (e) {
    throw inputError('bad_report_data', `${src.text}: not valid JSON (${(e as Error).message})`);
  }
  const { buildAnyReport } = await import('../../report/build-any-report.js');
  const report = await buildAnyReport(input);
  for (const p of report.pngs) await writeBytes(childUri(to, p.name), p.bytes, ctx, 'image/png');
  const html = childUri(to, 'report.html');
  await writeBytes(html, report.html, ctx, 'text/html');
  ctx.logger.info({ to: html.text }, 'report written');
}
