import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundMessage, listOf, MAX_MESSAGE } from '../src/bound-message.js';
import { inputError } from '../src/errors.js';

const cols = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

test('boundMessage: short messages pass unchanged, long ones are cut in readable steps', () => {
  const cases: [string, string, string][] = [
    ['short', "x.csv row 2, column 'v': 'abc' is not a number", "x.csv row 2, column 'v': 'abc' is not a number"],
    ['newlines folded', 'line one\n  line two\r\nthree', 'line one line two three'],
    // 1 MB quoted value → cut to 60 characters (59 + …), the rest of the message kept
    ['quoted value', `x.csv row 2, column 'v': '${'a'.repeat(1_000_000)}' is not a number`, `x.csv row 2, column 'v': '${'a'.repeat(59)}…' is not a number`],
    // 1000 columns → 8 and "… and 992 more"
    [
      'list',
      `column 'k' not found in x.csv; columns are: ${cols(1000).join(', ')}`,
      `column 'k' not found in x.csv; columns are: ${cols(8).join(', ')}, … and 992 more`,
    ],
    [
      'list in parentheses',
      `x.csv: left out 500 text columns (${cols(500).join(', ')}) as text`,
      `x.csv: left out 500 text columns (${cols(8).join(', ')}, … and 492 more) as text`,
    ],
    ['no structure: the end is cut', 'z'.repeat(1000), `${'z'.repeat(MAX_MESSAGE - 1)}…`],
  ];
  for (const [name, input, want] of cases) assert.equal(boundMessage(input), want, name);
});

test('boundMessage: never more than MAX_MESSAGE characters, and linear on 50 MB', () => {
  const inputs = [
    `'${"'x".repeat(100_000)}`, // quotes that pair up into many short values
    `a, ${'b, '.repeat(200_000)}`,
    ' '.repeat(5_000_000), // a long blank run (a quadratic regex would never return)
    `row 1: '${'y'.repeat(50_000_000)}'`,
    `${'é'.repeat(298)}😀😀😀`, // never half a surrogate pair
  ];
  for (const s of inputs) {
    const out = boundMessage(s);
    assert.ok(out.length <= MAX_MESSAGE, `${out.length} characters`);
    assert.doesNotMatch(out, /[\ud800-\udbff]…/);
  }
});

test('boundMessage redacts secrets before cutting, and ForecastError messages are bounded when made', () => {
  assert.equal(boundMessage('gs://b/x.csv?access_token=ya29.SECRET: not found'), 'gs://b/x.csv?access_token=[redacted]: not found');
  const e = inputError('bad_number', `x.csv row 2: '${'9'.repeat(100_000)}' is not a number; see gs://b/o?sig=SECRET`);
  assert.ok(e.message.length <= MAX_MESSAGE);
  assert.doesNotMatch(e.message, /SECRET/);
});

test('listOf: whole when short, else the first items and how many more', () => {
  const cases: [string[], number, string][] = [
    [[], 8, ''],
    [['a', 'b'], 8, 'a, b'],
    [cols(9), 8, cols(9).join(', ')], // one more than the limit is listed whole, never "… and 1 more"
    [cols(10), 8, `${cols(8).join(', ')}, … and 2 more`],
    [cols(5), 2, 'c0, c1, … and 3 more'],
  ];
  for (const [items, most, want] of cases) assert.equal(listOf(items, most), want);
});
