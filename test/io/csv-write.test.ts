import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCell, restoreFormula, toCsv } from '../../src/io/csv-write.js';

test('formatCell', () => {
  const cases: [Parameters<typeof formatCell>[0], string][] = [
    [1, '1'],
    [0.1 + 0.2, '0.3'],
    [NaN, ''],
    [Infinity, ''],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    [' pad', '" pad"'],
    ['plain', 'plain'],
  ];
  for (const [v, want] of cases) assert.equal(formatCell(v), want, String(v));
});

test('toCsv writes a header and rows with \\n', () => {
  assert.equal(
    toCsv(
      ['a', 'b'],
      [
        [1, 'x'],
        [2.5, null],
      ],
    ),
    'a,b\n1,x\n2.5,\n',
  );
});

test('formula injection: text that would run in a spreadsheet is neutralised (OWASP), numbers stay numbers', () => {
  const cases: [Parameters<typeof formatCell>[0], string][] = [
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ['+SUM(1+1)', `"'+SUM(1+1)"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['-2+3', `"'-2+3"`],
    ['-', `"'-"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    [-1.5, '-1.5'],
    [-3, '-3'],
    ['-1.5', '-1.5'],
    ['+3', '+3'],
    ['-2e-7', '-2e-7'], // numbers as text (an appended table read back)
    ["'=x", "'=x"],
    ['a=b', 'a=b'],
    ['x-1', 'x-1'],
  ];
  for (const [v, want] of cases) assert.equal(formatCell(v), want, JSON.stringify(v));
  assert.equal(toCsv(['date', '=x'], [['2020-01-05', -1]]), `date,"'=x"\n2020-01-05,-1\n`);
});

test('restoreFormula reads back what was neutralised, and nothing else', () => {
  const cases: [string, string][] = [
    ["'=cmd", '=cmd'],
    ["'+SUM(1+1)", '+SUM(1+1)'],
    ["'-x", '-x'],
    ["'@a", '@a'],
    ["'-1", "'-1"],
    ["'abc", "'abc"],
    ["'", "'"],
    ['=x', '=x'],
    ['plain', 'plain'],
  ];
  for (const [s, want] of cases) assert.equal(restoreFormula(s), want, s);
});
