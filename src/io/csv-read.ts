import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { inputError } from '../errors.js';
import { fsError } from './fs-error.js';

export interface CsvHandlers {
  /** Called once with the header cells (BOM stripped). */
  onHeader(header: string[]): void;
  /** Called with batches of data rows; `firstRow` is the 1-based file row of rows[0] (header = row 1). */
  onRows(rows: string[][], firstRow: number): void;
  /**
   * Called before each piece of text (64 KiB) is parsed, rows or not, so the caller's deadline
   * and memory checks also run inside a single huge line.
   */
  onPiece?(): void;
}

/** Bounds on what one line may hold, in characters (UTF-16 code units) of decoded text. */
export interface CsvLimits {
  readonly maxFieldChars: number;
  readonly maxLineChars: number;
}

/** 1 MiB per field and 64 MiB per line: far past any real table, well inside memory. */
export const DEFAULT_CSV_LIMITS: CsvLimits = { maxFieldChars: 2 ** 20, maxLineChars: 2 ** 26 };

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
const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Stream a CSV through papaparse in chunks, so memory stays flat however large the file. The
 * delimiter is detected (comma, semicolon, tab, pipe); quoted fields may hold newlines; CRLF
 * and a UTF-8 BOM are handled; blank and whitespace-only lines are skipped. Errors thrown by
 * the handlers abort the parse and reject. An empty input is rejected as `input.empty`, UTF-16
 * and invalid UTF-8 as `input.encoding`, an unterminated quote as `input.bad_quotes`, a line or
 * field past `limits` as `input.line_too_long` / `input.field_too_long`, each naming the source.
 *
 * The bytes are pulled (`for await`), so a slow consumer slows the reader instead of buffering
 * the file; each 64 KiB piece of text goes to papaparse's core parser with the partial last
 * line carried to the next piece (what papaparse's own stream mode does, minus its per-chunk
 * result processing and per-row blank-line test, which cost more than the parse).
 *
 * Linear in the input, however long its lines: papaparse re-reads the partial line it is
 * given again, so after a parse that found no complete row the next one waits until the
 * pending text has doubled (each character is parsed O(1) times; a line of L characters costs
 * at most ~3L instead of L²/128 Ki). A line is reported too long once its unfinished part
 * passes `maxLineChars`, or once parsed when its fields and delimiters alone pass it.
 */
// eslint-disable-next-line max-lines-per-function -- to be split when sources move to io/source (issue 16)
export async function readCsvStream(stream: Readable, name: string, handlers: CsvHandlers, limits: CsvLimits = DEFAULT_CSV_LIMITS): Promise<CsvReadStats> {
  // fatal: invalid UTF-8 is an error (a Latin-1 export), while a real U+FFFD in the text is fine.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parser: Papa.Parser | undefined;
  /** Text not parsed yet: the partial last line first, then the pieces since. */
  const pending: string[] = [];
  let pendingChars = 0;
  /** Parse again once this much text is pending (doubled after a parse that found no row). */
  let parseAt = PIECE;
  let parsedChars = 0;
  let header: string[] | undefined;
  let row = 0; // file rows consumed so far, the header included
  let offset = 0; // bytes decoded so far

  const emit = (results: Papa.ParseResult<string[]>, consumed: number) => {
    if (results.errors.length > 0) {
      const quotes = results.errors.find((e) => e.type === 'Quotes');
      if (quotes) {
        throw inputError('bad_quotes', `${name} row ${row + 1 + (quotes.row ?? 0)}: ${quotes.message.toLowerCase()} (a '"' opened but never closed?)`);
      }
    }
    let rows = dropBlankRows(results.data);
    // Only a parse of more text than a limit can hold a field or a line past it.
    if (consumed > Math.min(limits.maxFieldChars, limits.maxLineChars)) checkSizes(rows);
    if (header === undefined && rows.length > 0) {
      header = rows[0].map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      handlers.onHeader(header);
      rows = rows.slice(1);
      row = 1;
    }
    if (rows.length > 0) handlers.onRows(rows, row + 1);
    row += rows.length;
  };
  /** Each row's fields, and its length (at least the fields and their delimiters), against the limits. */
  const checkSizes = (rows: string[][]) => {
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      let length = cells.length - 1;
      for (let c = 0; c < cells.length; c++) {
        length += cells[c].length;
        if (cells[c].length <= limits.maxFieldChars) continue;
        const names = header ?? rows[0];
        const column = header === undefined && r === 0 ? `${c + 1} of the header` : `'${names[c] ?? c + 1}'`;
        throw inputError('field_too_long', `${name} row ${row + r + 1}, column ${column}: a field of ${cells[c].length} characters, over the limit of ${size(limits.maxFieldChars)} (--max-field-size): '${cells[c].slice(0, 100)}'`);
      }
      if (length > limits.maxLineChars) {
        throw inputError('line_too_long', `${name} row ${row + r + 1}: a line of ${length} characters, over the limit of ${size(limits.maxLineChars)} (--max-line-length)`);
      }
    }
  };
  const decode = (bytes: Buffer): string => {
    if (offset === 0 && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw inputError('encoding', `${name} is UTF-16 text; save it as UTF-8`);
    }
    offset += bytes.length;
    return decoder.decode(bytes, { stream: true });
  };
  const feed = (text: string, last: boolean) => {
    if (text !== '') {
      pending.push(text);
      pendingChars += text.length;
    }
    // A line longer than the limit is parsed once more (it may end in the newest piece), then reported.
    if (!last && pendingChars < parseAt && pendingChars <= limits.maxLineChars) return;
    const input = pending.length === 1 ? pending[0] : pending.join('');
    pending.length = 0;
    pendingChars = 0;
    if (input === '') return;
    parser ??= newParser(input);
    parsedChars += input.length;
    const results = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const consumed = last ? input.length : results.meta.cursor;
    if (consumed < input.length) {
      pending.push(input.substring(consumed));
      pendingChars = input.length - consumed;
    }
    parseAt = consumed === 0 ? 2 * input.length : 0;
    emit(results, consumed);
    if (pendingChars > limits.maxLineChars) {
      throw inputError('line_too_long', `${name} row ${row + 1}: a line of more than ${size(limits.maxLineChars)} (--max-line-length); a file without line breaks, or a '"' never closed?`);
    }
  };

  try {
    for await (const chunk of stream) {
      const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let i = 0; i < buf.length; i += PIECE) {
        handlers.onPiece?.();
        feed(decode(buf.length <= PIECE ? buf : buf.subarray(i, i + PIECE)), false);
      }
    }
    feed(decoder.decode(), true);
  } catch (e) {
    stream.destroy();
    throw wrapStreamError(e, name);
  }
  if (header === undefined) throw inputError('empty', `${name} is empty: expected a CSV header row`);
  return { parsedChars };
}

/** 1048576 → "1 MiB", 2048 → "2 KiB", other sizes in characters. */
function size(chars: number): string {
  if (chars % 2 ** 20 === 0) return `${chars / 2 ** 20} MiB`;
  return chars % 1024 === 0 ? `${chars / 1024} KiB` : `${chars} characters`;
}

/** papaparse's core parser for the delimiter and line ending guessed from the first text. */
function newParser(head: string): Papa.Parser {
  const guess = Papa.parse<string[]>(head, { preview: 1, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS });
  return new Papa.Parser({ delimiter: guess.meta.delimiter, newline: guess.meta.linebreak as Papa.ParseConfig['newline'] });
}

/** A row is blank when every cell is empty or whitespace (papaparse's 'greedy' rule). */
function isBlankRow(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    // Fast exit: a cell starting with a visible character (nearly every row's first cell).
    if (c.length > 0 && (c.charCodeAt(0) > 32 || c.trim() !== '')) return false;
  }
  return true;
}

/** The rows without blank ones; the same array when there are none (the usual case). */
function dropBlankRows(rows: string[][]): string[][] {
  for (let i = 0; i < rows.length; i++) if (isBlankRow(rows[i])) return rows.filter((r) => !isBlankRow(r));
  return rows;
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
