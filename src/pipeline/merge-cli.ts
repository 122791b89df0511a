import { inputError } from '../errors.js';
import type { Fill } from '../frame/align.js';
import type { Freq } from '../frame/freq.js';
import type { IoContext } from '../io/context.js';
import { frameToCsv } from '../io/frame-csv.js';
import { parseUri } from '../io/uri.js';
import { writeTable } from '../io/write-table.js';
import { mergeSources } from './merge.js';
import { parseSourceSpec } from '../io/source/source-spec.js';
import { periodOption } from './period-option.js';
import { csvLimits, type CsvLimitOptions } from './csv-limits.js';

export interface MergeCliOptions extends CsvLimitOptions {
  readonly source: string[];
  readonly to: string;
  readonly freq: Freq;
  readonly start?: string;
  readonly end?: string;
  readonly fill?: Fill;
  readonly dryRun?: boolean;
}

/** `forecast merge`: read every source, write the wide table, report the problems found. */
export async function runMerge(o: MergeCliOptions, ctx: IoContext): Promise<void> {
  const specs = o.source.map(parseSourceSpec);
  const to = parseUri(o.to, '--to');
  const limits = csvLimits(o);
  if (o.dryRun) {
    const { dryRunMerge } = await import('./merge-dry-run.js');
    await dryRunMerge(specs, o.freq, ctx);
    return;
  }
  const start = periodOption(o.start, o.freq, '--start');
  const end = periodOption(o.end, o.freq, '--end');
  if (start !== undefined && end !== undefined && start > end) throw inputError('bad_option', `--start ${o.start} is after --end ${o.end}`);
  const r = await mergeSources(specs, { freq: o.freq, start, end, fill: o.fill, limits }, ctx);
  for (const p of r.problems) ctx.logger.warn(p);
  await writeTable(to, frameToCsv(r.frame), ctx, { mode: 'overwrite' });
  ctx.logger.info({ periods: r.frame.dates.length, series: r.frame.names.length, to: o.to }, 'merged');
}
