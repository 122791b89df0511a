import { test } from 'node:test';
import assert from 'node:assert/strict';
import { align } from '../../src/frame/align.js';
import { parseDate, formatDate } from '../../src/frame/dates.js';

const d = (s: string) => parseDate(s);
const series = (name: string, dates: string[], values: number[]) => ({ name, periods: Int32Array.from(dates.map(d)), values: Float64Array.from(values) });
const arr = (c: Float64Array) => Array.from(c, (v) => (Number.isNaN(v) ? null : v));

test('align fills gaps per rule and never invents periods outside the data', () => {
  const a = series('a', ['2019-01-06', '2019-01-20'], [1, 3]);
  const b = series('b', ['2019-01-13', '2019-01-27'], [5, 7]);
  const cases = [
    { fill: 'zero' as const, a: [1, 0, 3, null], b: [null, 5, 0, 7] },
    { fill: 'ffill' as const, a: [1, 1, 3, 3], b: [null, 5, 5, 7] },
    { fill: 'none' as const, a: [1, null, 3, null], b: [null, 5, null, 7] },
  ];
  for (const c of cases) {
    const { frame, filled } = align([{ series: [a, b], fill: c.fill }], 'W-SUN');
    assert.deepEqual(Array.from(frame.dates, formatDate), ['2019-01-06', '2019-01-13', '2019-01-20', '2019-01-27']);
    // zero fills trailing/leading gaps too only where the calendar has them: a's last week, b's first week
    if (c.fill === 'zero') {
      assert.deepEqual(arr(frame.columns[0]), [1, 0, 3, 0]);
      assert.deepEqual(arr(frame.columns[1]), [0, 5, 0, 7]);
    } else {
      assert.deepEqual(arr(frame.columns[0]), c.a, c.fill);
      assert.deepEqual(arr(frame.columns[1]), c.b, c.fill);
    }
    assert.equal(
      filled.reduce((s, f) => s + f.cells, 0),
      c.fill === 'zero' ? 4 : c.fill === 'ffill' ? 3 : 0,
    );
  }
});

test('start/end clip or extend the calendar only when asked', () => {
  const a = series('a', ['2019-01-06', '2019-01-13', '2019-01-20'], [1, 2, 3]);
  const { frame } = align([{ series: [a], fill: 'none' }], 'W-SUN', d('2019-01-13'), d('2019-01-27'));
  assert.deepEqual(Array.from(frame.dates, formatDate), ['2019-01-13', '2019-01-20', '2019-01-27']);
  assert.deepEqual(arr(frame.columns[0]), [2, 3, null]);
});

test('monthly calendar', () => {
  const a = series('a', ['2019-11-01', '2020-02-01'], [1, 4]);
  const { frame } = align([{ series: [a], fill: 'ffill' }], 'MS');
  assert.deepEqual(Array.from(frame.dates, formatDate), ['2019-11-01', '2019-12-01', '2020-01-01', '2020-02-01']);
  assert.deepEqual(arr(frame.columns[0]), [1, 1, 1, 4]);
});

test('a stray far-away date is a clear error, not a million-row calendar', () => {
  const a = series('a', ['1000-01-05', '2019-01-06'], [1, 2]);
  assert.throws(() => align([{ series: [a], fill: 'none' }], 'D'), /calendar from 1000-01-05 to 2019-01-06 has more than 200000 D periods/);
});
