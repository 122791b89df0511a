import type { Readable } from 'node:stream';
import { inputError } from '../errors.js';
import { CsvTextParser, DEFAULT_CSV_LIMITS, type CsvLimits, type CsvSink } from './csv-core.js';
import { fsError } from './fs-error.js';

export interface CsvHandlers extends CsvSink {
  /**
   * Called before each piece of text (64 KiB) is parsed, rows or not, so the caller's deadline
   * and memory checks also run inside a single huge line.
   */
  onPiece?(): void;
}

/** What a read cost: characters handed to the parser (a test of linear work). */
export interface CsvReadStats {
  readonly parsedChars: number;
}

/**
 * Text pieces handed to the parser. Each piece's rows are alive together until the handlers
 * return, so pieces are kept small enough for those rows to die young (with 1 MiB pieces ~30k
 * rows survive each scavenge and the GC costs more than the parse; 256 KiB pieces already cost
 * ~1.6× the CPU of 64 KiB ones, 16–64 KiB measure alike); decoding 1 MiB buffers at once is
 * also several times slower than in 64 KiB slices. The first piece is also where the
 * delimiter and the line ending are guessed.
 */
const PIECE = 64 * 1024;

/**
 * The string entry: a CSV held in memory (a table to publish or append to), read by the same
 * parser as a stream (csv-core.ts: delimiter, quotes, BOM, blank lines, limits), so a table
 * reads the same whichever way it comes. An input without a header row is `input.empty`.
 * O(characters).
 */
export function readCsvString(text: string, name: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  const parser = new CsvTextParser(name, { onHeader: () => {}, onRows: (r) => rows.push(...r) }, limits, 0);
  parser.feed(text, true);
  if (parser.header === undefined) throw emptyError(name);
  return { header: parser.header, rows };
}

/**
 * The stream entry: a CSV streamed through the parser in 64 KiB pieces, so memory stays flat
 * however large the file. Errors thrown by the handlers abort the parse and reject. Besides the
 * parser's errors (csv-core.ts), an empty input is `input.empty`, UTF-16 and invalid UTF-8 are
 * `input.encoding` and a broken gzip stream is `input.bad_gzip`, each naming the source.
 *
 * The bytes are pulled (`for await`), so a slow consumer slows the reader instead of buffering
 * the file; each piece goes to papaparse's core parser with the partial last line carried to the
 * next piece (what papaparse's own stream mode does, minus its per-chunk result processing and
 * per-row blank-line test, which cost more than the parse).
 */
export async function readCsvStream(stream: Readable, name: string, handlers: CsvHandlers, limits: CsvLimits = DEFAULT_CSV_LIMITS): Promise<CsvReadStats> {
  const parser = new CsvTextParser(name, handlers, limits, PIECE);
  // fatal: invalid UTF-8 is an error (a Latin-1 export), while a real U+FFFD in the text is fine.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let first = true;
  try {
    for await (const chunk of stream) {
      const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (first && buf.length > 0) {
        checkNotUtf16(buf, name);
        first = false;
      }
      for (let i = 0; i < buf.length; i += PIECE) {
        handlers.onPiece?.();
        parser.feed(decoder.decode(buf.length <= PIECE ? buf : buf.subarray(i, i + PIECE), { stream: true }), false);
      }
    }
    parser.feed(decoder.decode(), true);
  } catch (e) {
    stream.destroy();
    throw wrapStreamError(e, name);
  }
  if (parser.header === undefined) throw emptyError(name);
  return { parsedChars: parser.parsedChars };
}

function emptyError(name: string): Error {
  return inputError('empty', `${name} is empty: expected a CSV header row`);
}

function checkNotUtf16(bytes: Buffer, name: string): void {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw inputError('encoding', `${name} is UTF-16 text; save it as UTF-8`);
  }
}

function wrapStreamError(e: unknown, name: string): unknown {
  if (e && typeof e === 'object' && 'exitCode' in e) return e;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return inputError('encoding', `${name} is not valid UTF-8; save it as UTF-8`, e);
  if (err?.code === 'Z_BUF_ERROR' || err?.code === 'Z_DATA_ERROR' || /unexpected end of file|incorrect header check/i.test(String(err?.message))) {
    return inputError('bad_gzip', `${name}: the gzip stream is truncated or corrupt (${err.message})`, e);
  }
  return fsError(e, name);
}
