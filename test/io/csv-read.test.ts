import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import type { CsvLimits } from '../../src/io/csv-core.js';
import { readCsvStream, readCsvString } from '../../src/io/csv-read.js';

async function read(text: string | Buffer, chunk = 3) {
  const buf = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  let header: string[] = [];
  const rows: string[][] = [];
  await readCsvStream(Readable.from(parts), 'test.csv', { onHeader: (h) => (header = h), onRows: (r) => rows.push(...r) });
  return { header, rows };
}

/** Cases every entry reads alike: the string entry and the stream entry in 1-, 3- and 1000-byte chunks. */
const readsAlike: [string, string[], string[][]][] = [
  ['\uFEFFa,b\r\n1,2\r\n', ['a', 'b'], [['1', '2']]],
  ['a,b\n"x\ny",2\n', ['a', 'b'], [['x\ny', '2']]],
  ['a;b\n1,5;2\n', ['a', 'b'], [['1,5', '2']]],
  [
    '\uFEFFdate;"a;b";c\r\n2020-01-05;"1,5";\r\n\r\n  \r\n2020-01-12;2;x\r\n',
    ['date', 'a;b', 'c'],
    [
      ['2020-01-05', '1,5', ''],
      ['2020-01-12', '2', 'x'],
    ],
  ],
  ['a\tb\n1\t2\n\n', ['a', 'b'], [['1', '2']]],
  ['a|b\n1|2', ['a', 'b'], [['1', '2']]],
];

test('BOM, CRLF, quoted newlines, semicolons, tabs, pipes: the stream and the string entries agree', async () => {
  for (const [text, h, rows] of readsAlike) {
    for (const chunk of [1, 3, 1000]) assert.deepEqual(await read(text, chunk), { header: h, rows }, JSON.stringify(text));
    assert.deepEqual(readCsvString(text, 'test.csv'), { header: h, rows }, JSON.stringify(text));
  }
});

test('the string entry rejects what the stream entry rejects, with the same code', async () => {
  const cases: [string, string][] = [
    ['', 'input.empty'],
    [' \n\n', 'input.empty'],
    ['a,b\n"x,1\n', 'input.bad_quotes'],
    [`a,b\n${'z'.repeat(11)},1\n`, 'input.field_too_long'],
  ];
  const limits = { maxFieldChars: 10, maxLineChars: 100 };
  const code = (e: unknown) => (e as { code?: string }).code;
  for (const [text, want] of cases) {
    assert.throws(
      () => readCsvString(text, 'test.csv', limits),
      (e) => code(e) === want && /test\.csv/.test((e as Error).message),
      text,
    );
    await assert.rejects(readCounting(text, { limits }), (e) => code(e) === want, text);
  }
});

test('empty input is a clear input error', async () => {
  await assert.rejects(read(''), /test\.csv is empty/);
});

test('never throws an uncaught exception on arbitrary bytes (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
      try {
        await read(s, 7);
      } catch (e) {
        assert.match(String((e as Error).message), /test\.csv/);
      }
    }),
    { numRuns: 200 },
  );
});

test('encodings: a real U+FFFD in UTF-8 is text; invalid UTF-8 and UTF-16 are clear errors', async () => {
  assert.deepEqual(await read('a,b\n\uFFFD,2\n'), { header: ['a', 'b'], rows: [['\uFFFD', '2']] });
  await assert.rejects(read(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xf3, 0x2c, 0x32, 0x0a])), /test\.csv is not valid UTF-8/);
  await assert.rejects(read(Buffer.from([0xff, 0xfe, 0x61, 0x00])), /UTF-16/);
});

/** Read a text in 64 KiB chunks, counting the onPiece calls; `stopAt` makes the nth call throw. */
async function readCounting(text: string, opts: { stopAt?: number; limits?: CsvLimits } = {}) {
  const buf = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += 65536) parts.push(buf.subarray(i, i + 65536));
  let pieces = 0;
  const rows: string[][] = [];
  const stats = await readCsvStream(
    Readable.from(parts),
    'big.csv',
    {
      onHeader: () => {},
      onRows: (r) => rows.push(...r),
      onPiece: () => {
        if (++pieces === opts.stopAt) throw new Error('deadline');
      },
    },
    opts.limits,
  );
  return { pieces, rows, parsedChars: stats.parsedChars, chars: text.length };
}

const wide = { maxFieldChars: 2 ** 30, maxLineChars: 2 ** 30 };

test('parsing is linear in the line length: characters handed to the parser stay within 3× the text', async () => {
  // papaparse re-reads the partial line it is given: feeding a long line piece by piece cost
  // L²/128 Ki characters (a 50 MB line: 21.7 s). Counted, not timed, at 1× and 4×.
  for (const mb of [1, 4]) {
    const n = mb * 2 ** 20;
    const cases: [string, string][] = [
      ['one unquoted field', `k,v\n${'x'.repeat(n)},1\nb,2\n`],
      ['a quoted field of many lines', `k,v\n"${'x\n'.repeat(n / 2)}",1\nb,2\n`],
      ['many quoted fields on one line', `${Array.from({ length: n / 8 }, (_, i) => `"c${i}"`).join(',')}\n`],
    ];
    for (const [name, text] of cases) {
      const r = await readCounting(text, { limits: wide });
      assert.ok(r.parsedChars <= 3 * r.chars, `${name}, ${mb} MB: parsed ${r.parsedChars} characters of ${r.chars}`);
    }
  }
});

test('the caller checks time and memory at every 64 KiB piece, even inside one line', async () => {
  const line = `k,v\n${'x'.repeat(2 ** 20)}`; // 1 MiB, no newline
  assert.equal((await readCounting(line, { limits: wide })).pieces, 17);
  await assert.rejects(readCounting(line, { stopAt: 3, limits: wide }), /deadline/);
});

test('a line or field past the limits is an input error naming the row and column', async () => {
  const limits = { maxFieldChars: 10, maxLineChars: 100_000 };
  const cases: [string, RegExp][] = [
    [`k,v\na,1\n${'y'.repeat(200_000)}`, /^big\.csv row 3: a line of more than 100000 characters \(--max-line-length\)/],
    [`k,v\n"${'q\n'.repeat(100_000)}`, /^big\.csv row 2: a line of more than 100000 characters .*never closed\?$/],
    [
      `k,v\na,1\nb,${'z'.repeat(11)}\n`,
      /^big\.csv row 3, column 'v': a field of 11 characters, over the limit of 10 characters \(--max-field-size\): 'z{11}'$/,
    ],
    [`k,${'h'.repeat(11)}\na,1\n`, /^big\.csv row 1, column 2 of the header: a field of 11 characters/],
  ];
  for (const [text, re] of cases) {
    await assert.rejects(readCounting(text, { limits }), (e: Error & { code?: string }) => {
      assert.match(e.message, re);
      assert.match(e.code ?? '', /^input\.(line|field)_too_long$/);
      return true;
    });
  }
  // Just under both limits: read whole.
  assert.deepEqual((await readCounting(`k,v\na,${'z'.repeat(10)}\n`, { limits })).rows, [['a', 'z'.repeat(10)]]);
});
