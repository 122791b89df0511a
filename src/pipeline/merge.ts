import { inputError } from '../errors.js';
import { align, type Fill, type SeriesGroup } from '../frame/align.js';
import type { Frame } from '../frame/frame.js';
import type { Freq } from '../frame/freq.js';
import type { IoContext } from '../io/context.js';
import type { CsvLimits } from '../io/csv-core.js';
import { openSource } from '../io/source/open-source.js';
import { readSeries, type SeriesRead } from '../io/source/read-series.js';
import type { SourceSpec } from '../io/source/source-spec.js';
import { settleEach } from './settle-all.js';

export interface MergeOptions {
  readonly freq: Freq;
  /** Period labels (days since epoch) bounding the calendar; the data's range when undefined. */
  readonly start?: number;
  readonly end?: number;
  /** Overrides every source's own fill rule. */
  readonly fill?: Fill;
  /** Called before each source and each 64 KiB piece of text: the caller's deadline and memory checks. */
  readonly onChunk?: () => void;
  /** The longest line and field a source may hold. */
  readonly limits?: CsvLimits;
}

/** Sources read at once: their waits on disk, Storage and BigQuery overlap, their buffers stay few. */
export const CONCURRENT_SOURCES = 8;

export interface InputInfo {
  readonly uri: string;
  readonly rows: number;
  readonly checksum: string;
}

export interface MergeResult {
  readonly frame: Frame;
  readonly inputs: InputInfo[];
  /** Data problems found and how they were handled, for the log, the manifest and the report. */
  readonly problems: string[];
}

/**
 * Read every source, aggregate it per key and period, and lay all series on one calendar.
 * Events held in BigQuery are aggregated there (push-down), so only the weekly table travels.
 */
export async function mergeSources(specs: readonly SourceSpec[], opts: MergeOptions, ctx: IoContext): Promise<MergeResult> {
  if (specs.length === 0) throw inputError('no_sources', 'merge needs at least one --source');
  // Sources are read a few at a time (their waits on disk, Storage and BigQuery overlap), then
  // checked in the order given, so the result and the first error reported do not depend on timing.
  const reads = await settleEach(specs, CONCURRENT_SOURCES, (spec) => {
    opts.onChunk?.();
    return readSource(spec, opts, ctx);
  });
  const groups: SeriesGroup[] = [];
  const inputs: InputInfo[] = [];
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const [i, r] of reads.entries()) {
    const spec = specs[i];
    for (const s of r.series) {
      // The merged table's first column is `date`: a series of that name would be a second one.
      if (s.name.toLowerCase() === 'date') {
        throw inputError(
          'reserved_name',
          `${spec.uri.text}: a series named '${s.name}' would be a second date column in the merged table; rename it, or give the source a prefix=`,
        );
      }
      const prev = owner.get(s.name);
      if (prev !== undefined) {
        throw inputError('duplicate_column', `series '${s.name}' comes from both ${prev} and ${spec.uri.text}; give one source a prefix=`);
      }
      owner.set(s.name, spec.uri.text);
    }
    const fill = opts.fill ?? spec.fill ?? (spec.format === 'events' ? 'zero' : 'ffill');
    groups.push({ series: r.series, fill });
    inputs.push({ uri: spec.uri.text, rows: r.rows, checksum: r.checksum });
    problems.push(...r.problems);
  }
  const { frame, filled } = align(groups, opts.freq, opts.start, opts.end);
  const unit = opts.freq === 'W-SUN' ? 'weeks' : opts.freq === 'MS' ? 'months' : 'days';
  const byFill = new Map<Fill, { cols: number; cells: number }>();
  for (const f of filled) {
    const t = byFill.get(f.fill) ?? { cols: 0, cells: 0 };
    byFill.set(f.fill, { cols: t.cols + 1, cells: t.cells + f.cells });
  }
  for (const [fill, t] of byFill) {
    problems.push(`filled ${t.cells} missing ${unit} in ${t.cols} columns with ${fill === 'zero' ? 'zero' : 'the previous value'}`);
  }
  return { frame, inputs, problems };
}

/** One source read and aggregated per key and period (in BigQuery for a push-down). */
async function readSource(spec: SourceSpec, opts: MergeOptions, ctx: IoContext): Promise<SeriesRead> {
  const opened = await openSource(spec, ctx, opts.freq);
  const r = await readSeries(opened.stream, opened.spec, { freq: opts.freq, onChunk: opts.onChunk, limits: opts.limits });
  ctx.logger.debug({ uri: spec.uri.text, rows: r.rows, series: r.series.length }, 'source read');
  return r;
}
