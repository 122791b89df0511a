import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNumber } from '../../src/frame/parse-number.js';

test('parseNumber table', () => {
  const cases: [string, number | 'NaN' | undefined, string?][] = [
    ['42', 42],
    [' 3.5 ', 3.5],
    ['-1e3', -1000],
    ['.5', 0.5],
    ['', 'NaN'],
    ['NaN', 'NaN'],
    ['NA', 'NaN'],
    ['null', 'NaN'],
    ['.', 'NaN'],
    ['<1', 0, 'below_threshold'],
    ['1,5', 1.5, 'decimal_comma'],
    ['Infinity', undefined],
    ['-Infinity', undefined],
    ['1e999', undefined],
    ['abc', undefined],
    ['1.2.3', undefined],
    ['12abc', undefined],
  ];
  for (const [text, want, note] of cases) {
    const r = parseNumber(text);
    if (want === undefined) assert.equal(r, undefined, text);
    else {
      assert.ok(r, text);
      if (want === 'NaN') assert.ok(Number.isNaN(r.value), text);
      else assert.equal(r.value, want, text);
      assert.equal(r.note, note, text);
    }
  }
});

test('parseNumber never throws and never returns a non-finite non-NaN value (property)', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const r = parseNumber(s);
      return r === undefined || Number.isNaN(r.value) || Number.isFinite(r.value);
    }),
  );
});

test('round-trips every finite double', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => parseNumber(String(x))?.value === x || Object.is(x, -0)));
});
