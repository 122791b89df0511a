import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatMeanStd, formatNumber, formatPercent } from '../../src/report/format.js';
import { textWidth, vegaTextWidth } from '../../src/report/text-width.js';

test('formatNumber / formatMeanStd / formatPercent / formatDuration: table of cases', () => {
  const cases: [string, string][] = [
    [formatNumber(1234.567), '1,235'],
    [formatNumber(-0.5), '−0.5'],
    [formatNumber(NaN), '–'],
    [formatNumber(null), '–'],
    [formatNumber(0), '0'],
    [formatNumber(2.5e-5), '2.50e-5'],
    [formatNumber(Infinity), '∞'],
    [formatMeanStd({ mean: 2.7123, std: 0.4321 }), '2.712 ± 0.4321'],
    [formatMeanStd({ mean: 3, std: NaN }), '3'],
    [formatMeanStd({ mean: null, std: null }), '–'],
    [formatPercent(0.8), '80 %'],
    [formatPercent(NaN), '–'],
    [formatDuration(850), '850 ms'],
    [formatDuration(8412), '8.4 s'],
    [formatDuration(125_000), '2 min 05 s'],
  ];
  for (const [got, want] of cases) assert.equal(got, want);
});

test('textWidth: DejaVu Sans advances; accents count as the base letter; vegaTextWidth honours limit', () => {
  assert.equal(textWidth('10', 10), 12.8);
  assert.equal(textWidth('ó', 10), textWidth('o', 10));
  assert.ok(textWidth('W', 10, true) > textWidth('W', 10));
  assert.equal(vegaTextWidth({ fontSize: 10 }, ' 10 '), 12.8);
  assert.equal(vegaTextWidth({ fontSize: 10, limit: 5 }, '10'), 5);
  assert.equal(vegaTextWidth({ fontSize: 10, fontWeight: 'bold' }, 'W'), textWidth('W', 10, true));
});
