import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNumber } from '../../src/frame/parse-number.js';
import { quickNumber } from '../../src/frame/quick-number.js';

test('quickNumber table: plain numbers read, everything else left to parseNumber (NaN)', () => {
  const cases: [string, number][] = [
    ['42', 42],
    ['-0.125', -0.125],
    ['1e3', 1000],
    ['+7', 7],
    ['.5', 0.5],
    ['123456789012345', 123456789012345],
    ['1234567890123456789', Number('1234567890123456789')],
    ['0.1', 0.1],
    ['', NaN],
    [' 3', NaN],
    ['<1', NaN],
    ['1,5', NaN],
    ['NA', NaN],
    ['1e999', NaN],
    ['1.2.3', NaN],
    ['-', NaN],
    ['1.', 1],
  ];
  for (const [text, want] of cases) assert.ok(Object.is(quickNumber(text), want), `${text}: ${quickNumber(text)}`);
});

test('quickNumber agrees bit for bit with parseNumber wherever it gives a number (property)', () => {
  const numeric = fc.oneof(fc.double({ noNaN: true }).map(String), fc.stringMatching(/^-?\d{1,17}(\.\d{0,17})?$/), fc.string());
  fc.assert(
    fc.property(numeric, (s) => {
      const q = quickNumber(s);
      if (Number.isNaN(q)) return true;
      const p = parseNumber(s);
      return p !== undefined && Object.is(p.value, q) && p.note === undefined;
    }),
    { numRuns: 2000 },
  );
});
