import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { inputError } from '../errors.js';

export interface CsvHandlers {
  /** Called once with the header cells (BOM stripped). */
  onHeader(header: string[]): void;
  /** Called with batches of data rows; `firstRow` is the 1-based file row of rows[0] (header = row 1). */
  onRows(rows: string[][], firstRow: number): void;
}

/**
 * Stream a CSV through papaparse in chunks, so memory stays flat however large the file. The
 * delimiter is detected (comma, semicolon, tab, pipe); quoted fields may hold newlines; CRLF
 * and a UTF-8 BOM are handled. Errors thrown by the handlers abort the parse and reject.
 * An empty input is rejected as `input.empty` naming the source.
 */
export function readCsvStream(stream: Readable, name: string, handlers: CsvHandlers): Promise<void> {
  return new Promise((resolve, reject) => {
    let row = 1;
    let sawHeader = false;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(e);
    };
    stream.on('error', (e) => fail(wrapStreamError(e, name)));
    const text = stream.pipe(decodeUtf8());
    text.on('error', (e) => fail(wrapStreamError(e, name)));
    Papa.parse(text as unknown as File, {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t', '|'],
      chunkSize: 1 << 20,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return parser.abort();
        try {
          let rows = results.data;
          if (!sawHeader && rows.length > 0) {
            const header = rows[0].map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
            handlers.onHeader(header);
            sawHeader = true;
            rows = rows.slice(1);
          }
          if (rows.length > 0) handlers.onRows(rows, row + 1);
          row += rows.length;
        } catch (e) {
          fail(e); // before abort(): abort() calls complete() synchronously
          parser.abort();
        }
      },
      complete() {
        if (failed) return;
        if (!sawHeader) return fail(inputError('empty', `${name} is empty: expected a CSV header row`));
        resolve();
      },
      error(e: Error) {
        fail(wrapStreamError(e, name));
      },
    });
  });
}

/**
 * Bytes → text without splitting a multi-byte character across chunks, holding the first
 * 64 KiB back so papaparse guesses the delimiter and the line ending from real lines.
 */
function decodeUtf8(): Transform {
  const decoder = new StringDecoder('utf8');
  let head = '';
  let started = false;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, cb) {
      const s = decoder.write(chunk);
      if (started) return cb(null, s || undefined);
      head += s;
      if (head.length < 65536) return cb();
      started = true;
      cb(null, head);
    },
    flush(cb) {
      const rest = (started ? '' : head) + decoder.end();
      cb(null, rest || undefined);
    },
  });
}

function wrapStreamError(e: unknown, name: string): unknown {
  if (e && typeof e === 'object' && 'exitCode' in e) return e;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return inputError('not_found', `${name}: no such file`, e);
  if (err?.code === 'EISDIR') return inputError('not_found', `${name} is a directory, expected a CSV file`, e);
  if (err?.code === 'EACCES') return inputError('not_readable', `${name}: permission denied`, e);
  if (err?.code === 'Z_BUF_ERROR' || err?.code === 'Z_DATA_ERROR' || /unexpected end of file|incorrect header check/i.test(String(err?.message))) {
    return inputError('bad_gzip', `${name}: the gzip stream is truncated or corrupt (${err.message})`, e);
  }
  return e;
}
