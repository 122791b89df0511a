import { inputError } from '../errors.js';
import { align } from '../frame/align.js';
import { inferFreq } from '../frame/calendar.js';
import { periodOf } from '../frame/dates.js';
import type { Frame } from '../frame/frame.js';
import type { Freq } from '../frame/freq.js';
import type { IoContext } from '../io/context.js';
import type { CsvLimits } from '../io/csv-core.js';
import { openSource } from '../io/source/open-source.js';
import { readSeries } from '../io/source/read-series.js';
import type { SourceSpec } from '../io/source/source-spec.js';
import { tableName, type Uri } from '../io/uri.js';
import type { InputInfo } from './merge.js';

/**
 * Read a wide table (the output of `merge`) as a Frame. The frequency is inferred from the date
 * spacing unless given; gaps stay missing (NaN), since filling is `merge`'s job.
 */
export async function readFrame(uri: Uri, ctx: IoContext, freq?: Freq, limits?: CsvLimits): Promise<{ frame: Frame; input: InputInfo }> {
  const spec: SourceSpec = { uri, format: 'wide' };
  const name = tableName(uri);
  const { stream } = await openSource(spec, ctx, freq ?? 'D');
  const r = await readSeries(stream, spec, { freq: freq ?? 'D', name, limits });
  for (const p of r.problems) ctx.logger.warn(p);
  const dates = r.series[0]?.periods ?? new Int32Array(0);
  const f = freq ?? inferFreq(dates);
  if (f === undefined) {
    throw inputError('bad_calendar', `${name}: cannot tell the frequency from the dates (expect one date per day, per week or per month); pass --freq`);
  }
  // Inferred from the days themselves: label them by period (a week's Sunday, a month's 1st), as `merge` does.
  const series = freq ? r.series : r.series.map((s) => ({ ...s, periods: s.periods.map((d) => periodOf(d, f)) }));
  const { frame } = align([{ series, fill: 'none' }], f);
  return { frame, input: { uri: uri.text, rows: r.rows, checksum: r.checksum } };
}
