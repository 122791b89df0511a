import Papa from 'papaparse';
import { inputError } from '../errors.js';

/** Bounds on what one line may hold, in characters (UTF-16 code units) of decoded text. */
export interface CsvLimits {
  readonly maxFieldChars: number;
  readonly maxLineChars: number;
}

/** 1 MiB per field and 64 MiB per line: far past any real table, well inside memory. */
export const DEFAULT_CSV_LIMITS: CsvLimits = { maxFieldChars: 2 ** 20, maxLineChars: 2 ** 26 };

/** Where parsed rows go. */
export interface CsvSink {
  /** Called once with the header cells (BOM stripped). */
  onHeader(header: string[]): void;
  /** Called with batches of data rows; `firstRow` is the 1-based file row of rows[0] (header = row 1). */
  onRows(rows: string[][], firstRow: number): void;
}

/** The delimiters guessed from the first line, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The one CSV parser behind the string and the stream entries (csv-read.ts): text is fed in
 * pieces, the delimiter (comma, semicolon, tab, pipe) and the line ending are guessed from the
 * first, quoted fields may hold newlines, a UTF-8 BOM is dropped from the header, blank and
 * whitespace-only lines are skipped. An unterminated quote is `input.bad_quotes`; a line or
 * field past `limits` is `input.line_too_long` / `input.field_too_long`, each naming the source,
 * the row and (for a field) the column and the start of the value.
 *
 * Linear in the input, however long its lines: papaparse re-reads the partial line it is given
 * again, so after a parse that found no complete row the next one waits until the pending text
 * has doubled (each character is parsed O(1) times; a line of L characters costs at most ~3L
 * instead of L²/128 Ki). A line is reported too long once its unfinished part passes
 * `maxLineChars`, or once parsed when its fields and delimiters alone pass it.
 */
export class CsvTextParser {
  /** Characters handed to papaparse so far (a test of linear work). */
  parsedChars = 0;
  header: string[] | undefined;
  private parser: Papa.Parser | undefined;
  /** Text not parsed yet: the partial last line first, then the pieces since. */
  private readonly pending: string[] = [];
  private pendingChars = 0;
  /** Parse again once this much text is pending (doubled after a parse that found no row). */
  private parseAt: number;
  /** File rows consumed so far, the header included. */
  private row = 0;

  constructor(
    private readonly name: string,
    private readonly sink: CsvSink,
    private readonly limits: CsvLimits,
    firstParseAt: number,
  ) {
    this.parseAt = firstParseAt;
  }

  /** Add decoded text; `last` parses everything still pending, the partial last line included. */
  feed(text: string, last: boolean): void {
    const { pending, limits } = this;
    if (text !== '') {
      pending.push(text);
      this.pendingChars += text.length;
    }
    // A line longer than the limit is parsed once more (it may end in the newest piece), then reported.
    if (!last && this.pendingChars < this.parseAt && this.pendingChars <= limits.maxLineChars) return;
    const input = pending.length === 1 ? pending[0] : pending.join('');
    pending.length = 0;
    this.pendingChars = 0;
    if (input === '') return;
    this.parser ??= newParser(input);
    this.parsedChars += input.length;
    const results = this.parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const consumed = last ? input.length : results.meta.cursor;
    if (consumed < input.length) {
      pending.push(input.substring(consumed));
      this.pendingChars = input.length - consumed;
    }
    this.parseAt = consumed === 0 ? 2 * input.length : 0;
    this.emit(results, consumed);
    if (this.pendingChars > limits.maxLineChars) {
      throw inputError(
        'line_too_long',
        `${this.name} row ${this.row + 1}: a line of more than ${sizeText(limits.maxLineChars)} (--max-line-length); a file without line breaks, or a '"' never closed?`,
      );
    }
  }

  private emit(results: Papa.ParseResult<string[]>, consumed: number): void {
    const quotes = results.errors.length > 0 ? results.errors.find((e) => e.type === 'Quotes') : undefined;
    if (quotes) {
      throw inputError('bad_quotes', `${this.name} row ${this.row + 1 + (quotes.row ?? 0)}: ${quotes.message.toLowerCase()} (a '"' opened but never closed?)`);
    }
    let rows = dropBlankRows(results.data);
    // Only a parse of more text than a limit can hold a field or a line past it.
    if (consumed > Math.min(this.limits.maxFieldChars, this.limits.maxLineChars)) this.checkSizes(rows);
    if (this.header === undefined && rows.length > 0) {
      this.header = rows[0].map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      this.sink.onHeader(this.header);
      rows = rows.slice(1);
      this.row = 1;
    }
    if (rows.length > 0) this.sink.onRows(rows, this.row + 1);
    this.row += rows.length;
  }

  /** Each row's fields, and its length (at least the fields and their delimiters), against the limits. */
  private checkSizes(rows: string[][]): void {
    const { limits, header, name, row } = this;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      let length = cells.length - 1;
      for (let c = 0; c < cells.length; c++) {
        length += cells[c].length;
        if (cells[c].length <= limits.maxFieldChars) continue;
        const column = header === undefined && r === 0 ? `${c + 1} of the header` : `'${(header ?? rows[0])[c] ?? c + 1}'`;
        throw inputError(
          'field_too_long',
          `${name} row ${row + r + 1}, column ${column}: a field of ${cells[c].length} characters, over the limit of ${sizeText(limits.maxFieldChars)} (--max-field-size): '${cells[c].slice(0, 100)}'`,
        );
      }
      if (length > limits.maxLineChars) {
        throw inputError(
          'line_too_long',
          `${name} row ${row + r + 1}: a line of ${length} characters, over the limit of ${sizeText(limits.maxLineChars)} (--max-line-length)`,
        );
      }
    }
  }
}

/** 1048576 → "1 MiB", 2048 → "2 KiB", other sizes in characters. */
function sizeText(chars: number): string {
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
