import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { inputError } from '../../errors.js';
import type { Freq } from '../../frame/freq.js';
import { SeriesAccumulator, type Series } from '../../frame/series-accumulator.js';
import { listOf } from '../../bound-message.js';
import type { CsvLimits } from '../csv-core.js';
import { readCsvStream } from '../csv-read.js';
import { cellReaders, type CellReaders } from './cell-readers.js';
import { checkHeader, type Header } from './columns.js';
import { rowHandler, type RowHandler } from './row-handler.js';
import type { SourceSpec } from './source-spec.js';

/** One source read: its series per key and period, and what the read found. */
export interface SeriesRead {
  readonly series: Series[];
  readonly rows: number;
  /** sha256 of the bytes read (after decompression). */
  readonly checksum: string;
  readonly problems: string[];
}

/** How a read is labelled and bounded. */
export interface ReadSeriesOptions {
  /** The calendar the dates land on. */
  readonly freq: Freq;
  /** The source in messages; the URI as given by default. */
  readonly name?: string;
  /** Called before each 64 KiB piece of text is parsed, even inside one huge line: the caller's time and memory check. */
  readonly onChunk?: () => void;
  /** The longest line and field. */
  readonly limits?: CsvLimits;
}

/**
 * Stream one source (as opened by openSource) into aggregated series, validating every cell on
 * the way: each error names the source, the row, the column and the bad value. Memory grows with
 * keys × periods, never with rows; time is linear in the bytes, however long the lines or wide
 * the header.
 */
export async function readSeries(stream: Readable, spec: SourceSpec, opts: ReadSeriesOptions): Promise<SeriesRead> {
  const name = opts.name ?? spec.uri.text;
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  stream.on('error', (e) => tap.destroy(e));
  const acc = new SeriesAccumulator(spec.agg ?? (spec.format === 'events' ? 'count' : undefined));
  let rows = 0;
  let header: Header | undefined;
  let readers: CellReaders | undefined;
  let onRow: RowHandler = () => {};
  let textColumns: readonly string[] = [];
  await readCsvStream(
    stream.pipe(tap),
    name,
    {
      onHeader(cells) {
        header = checkHeader(cells, name);
        readers = cellReaders(name, header.names, opts.freq, spec.prefix ?? '', acc);
        onRow = rowHandler(header, spec, name, readers, (names) => {
          textColumns = names;
        });
      },
      onRows(batch, firstRow) {
        const width = header!.names.length;
        for (let i = 0; i < batch.length; i++) {
          const row = batch[i];
          const at = firstRow + i;
          if (row.length !== width) throw inputError('bad_row', `${name} row ${at}: has ${row.length} fields, the header has ${width}`);
          onRow(row, at);
        }
        rows += batch.length;
      },
      onPiece: opts.onChunk,
    },
    opts.limits,
  );
  if (rows === 0) throw inputError('empty', `${name} has a header but no data rows`);
  return { series: acc.series(), rows, checksum: hash.digest('hex'), problems: problemsFound(name, textColumns, readers!) };
}

/** What was changed or left out on the way, for the log, the manifest and the report. */
function problemsFound(name: string, textColumns: readonly string[], readers: CellReaders): string[] {
  const problems: string[] = [];
  const n = textColumns.length;
  if (n > 0) problems.push(`${name}: left out ${n} text column${n > 1 ? 's' : ''} (${listOf(textColumns)})`);
  const below = readers.notes.get('below_threshold');
  if (below) problems.push(`${name}: read ${below} '<1' values as 0`);
  const comma = readers.notes.get('decimal_comma');
  if (comma) problems.push(`${name}: read ${comma} values with a decimal comma`);
  return problems;
}
