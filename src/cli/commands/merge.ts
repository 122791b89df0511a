import { Command, Option } from 'commander';
import { inputError } from '../../errors.js';
import { FILLS, type Fill } from '../../frame/align.js';
import { formatDate } from '../../frame/dates.js';
import { FREQS, type Freq } from '../../frame/freq.js';
import type { IoContext } from '../../io/context.js';
import type { Uri } from '../../io/uri.js';
import { periodOfDay } from '../../pipeline/period-option.js';
import type { SourceSpec } from '../../io/source/source-spec.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { date, sources, uriOption } from '../option-parsers.js';
import { readLimitOptions, readLimits, type LimitOptions } from '../shared-options.js';

interface MergeFlags extends LimitOptions {
  readonly source: SourceSpec[];
  readonly to: Uri;
  readonly freq: Freq;
  /** Day numbers. */
  readonly start?: number;
  readonly end?: number;
  readonly fill?: Fill;
  readonly dryRun?: boolean;
}

export function mergeCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return readLimitOptions(new Command('merge'))
    .description('merge long, wide and events tables into one wide table on a regular calendar')
    .requiredOption('--source <spec>', 'URI[?format=long|wide|events&key=COL&date=COL&value=COL&agg=…&prefix=STR&fill=…] (repeatable)', sources)
    .addOption(uriOption('--to <uri>', 'output table', '-'))
    .addOption(new Option('--freq <freq>', 'calendar frequency').choices(FREQS).default('W-SUN'))
    .option('--start <date>', "first period (yyyy-mm-dd); default: the data's first", date('--start'))
    .option('--end <date>', "last period (yyyy-mm-dd); default: the data's last", date('--end'))
    .addOption(new Option('--fill <fill>', 'gap filling for every source (default: zero for events, ffill otherwise)').choices(FILLS))
    .option('--dry-run', 'show the BigQuery push-down SQL and bytes instead of running it')
    .action(async (o: MergeFlags) => runMerge(o, await ioContext(deps, globals())));
}

/** `forecast merge`: read every source, write the wide table, report the problems found. */
async function runMerge(o: MergeFlags, ctx: IoContext): Promise<void> {
  // The readers load when a command runs, not for --help.
  const [{ mergeSources }, { frameToCsv }, { writeTable }] = await Promise.all([
    import('../../pipeline/merge.js'),
    import('../../io/frame-csv.js'),
    import('../../io/write-table.js'),
  ]);
  if (o.dryRun) {
    await dryRunMerge(o.source, o.freq, ctx);
    return;
  }
  const start = o.start === undefined ? undefined : periodOfDay(o.start, o.freq, '--start');
  const end = o.end === undefined ? undefined : periodOfDay(o.end, o.freq, '--end');
  if (start !== undefined && end !== undefined && start > end) {
    throw inputError('bad_option', `--start ${formatDate(o.start!)} is after --end ${formatDate(o.end!)}`);
  }
  const r = await mergeSources(o.source, { freq: o.freq, start, end, fill: o.fill, limits: await readLimits(o) }, ctx);
  for (const p of r.problems) ctx.logger.warn(p);
  await writeTable(o.to, frameToCsv(r.frame), ctx, { mode: 'overwrite' });
  ctx.logger.info({ periods: r.frame.dates.length, series: r.frame.names.length, to: o.to.text }, 'merged');
}

/** `merge --dry-run`: print, per source, what would be read; for BigQuery events, the push-down SQL and its bytes. */
async function dryRunMerge(specs: readonly SourceSpec[], freq: Freq, ctx: IoContext): Promise<void> {
  const [{ pushdownOf }, { writeStdout }] = await Promise.all([import('../../io/source/open-source.js'), import('../../io/write-table.js')]);
  for (const spec of specs) {
    const pushdown = pushdownOf(spec, freq);
    if (pushdown) {
      const { aggregateEventsInBigQuery } = await import('../../io/bigquery.js');
      const r = await aggregateEventsInBigQuery(pushdown.uri, pushdown.events, ctx, { ...pushdown.options, dryRun: true });
      await writeStdout(
        ctx,
        `-- ${spec.uri.text}: aggregated in BigQuery (push-down); ${r.totalBytesProcessed} bytes processed; parameters ${JSON.stringify(r.params)}\n${r.sql.trim()};\n`,
      );
    } else {
      await writeStdout(ctx, `-- ${spec.uri.text}: read as ${spec.format}\n`);
    }
  }
}
