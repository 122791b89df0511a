import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCell, toCsv } from '../../src/io/csv-write.js';

test('formatCell', () => {
  const cases: [Parameters<typeof formatCell>[0], string][] = [
    [1, '1'], [0.1 + 0.2, '0.3'], [NaN, ''], [Infinity, ''], [null, ''], [undefined, ''], [true, 'true'],
    ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['line\nbreak', '"line\nbreak"'], [' pad', '" pad"'], ['plain', 'plain'],
  ];
  for (const [v, want] of cases) assert.equal(formatCell(v), want, String(v));
});

test('toCsv writes a header and rows with \\n', () => {
  assert.equal(toCsv(['a', 'b'], [[1, 'x'], [2.5, null]]), 'a,b\n1,x\n2.5,\n');
});
