import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SeriesAccumulator } from '../../src/frame/series-accumulator.js';
import { AGGS, aggregateCell } from '../../src/frame/aggregate.js';

test('events aggregate per key and period, hand-computed', () => {
  // theme A, week 7: tones 2, 4, NaN; week 14: 1. theme B week 7: -3.
  const rows: [string, number, number][] = [
    ['A', 7, 2],
    ['A', 7, 4],
    ['B', 7, -3],
    ['A', 14, 1],
    ['A', 7, NaN],
  ];
  const want: Record<string, Record<string, number[]>> = {
    count: { A: [3, 1], B: [1] },
    sum: { A: [6, 1], B: [-3] },
    mean: { A: [3, 1], B: [-3] },
    count_x_mean: { A: [9, 1], B: [-3] },
  };
  for (const [agg, byKey] of Object.entries(want)) {
    const acc = new SeriesAccumulator(agg as 'count');
    for (const [k, p, v] of rows) assert.equal(acc.add(k, p, v), undefined);
    const out = Object.fromEntries(acc.series().map((s) => [s.name, Array.from(s.values)]));
    assert.deepEqual(out, byKey, agg);
  }
});

test('without agg, a second value in a cell is reported, never silently kept', () => {
  const acc = new SeriesAccumulator(undefined);
  assert.equal(acc.add('x', 7, 1), undefined);
  assert.deepEqual(acc.add('x', 7, 2), { key: 'x', period: 7 });
});

test('periods come out sorted whatever the row order (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 50 }), fc.float({ noNaN: true, min: -100, max: 100 }))), (rows) => {
      const acc = new SeriesAccumulator('sum');
      for (const [k, p, v] of rows) acc.add(k, p, v);
      return acc.series().every((s) => s.periods.every((p, i) => i === 0 || s.periods[i - 1] < p));
    }),
  );
});

test('every agg of an empty-valued cell is defined (NaN or a count)', () => {
  for (const agg of AGGS) {
    const v = aggregateCell({ count: 2, n: 0, sum: 0, last: NaN }, agg);
    assert.ok(agg === 'count' ? v === 2 : Number.isNaN(v), agg);
  }
});

test('runs of a key and period give the same cells as a plain per-row fold (property)', () => {
  // The accumulator caches the last key and cell; interleaved keys, repeated periods and
  // distinct string objects with equal text must not change any aggregate or duplicate report.
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: -9, max: 9 })), { maxLength: 60 }),
      (rows) => {
        for (const agg of [...AGGS, undefined]) {
          const acc = new SeriesAccumulator(agg);
          const want = new Map<string, { count: number; n: number; sum: number; last: number }>();
          for (const [k, p, v] of rows) {
            const key = `${k}${''.padEnd(p % 2)}`.trim(); // equal text, sometimes a different string object
            const id = `${key}|${p}`;
            const prev = want.get(id);
            const dup = acc.add(key, p, v);
            if (agg === undefined && prev) {
              assert.deepEqual(dup, { key, period: p });
              continue;
            }
            assert.equal(dup, undefined);
            const c = prev ?? { count: 0, n: 0, sum: 0, last: NaN };
            want.set(id, { count: c.count + 1, n: c.n + 1, sum: c.sum + v, last: v });
          }
          for (const s of acc.series()) {
            s.periods.forEach((p, i) => assert.equal(s.values[i], aggregateCell(want.get(`${s.name}|${p}`)!, agg ?? 'last')));
          }
        }
      },
    ),
  );
});

test('sparse keys (few periods spread over many) give the same series as dense ones', () => {
  // One key touches every 50th of 5,000 periods (switching to the sparse map), one touches all.
  const acc = new SeriesAccumulator('sum');
  for (let p = 4999; p >= 0; p--) {
    acc.add('dense', p * 7 - 700, 1);
    if (p % 50 === 0) acc.add('sparse', p * 7 - 700, p);
  }
  const [dense, sparse] = acc.series();
  assert.equal(dense.periods.length, 5000);
  assert.deepEqual(
    Array.from(sparse.periods),
    Array.from({ length: 100 }, (_, i) => i * 350 - 700),
  );
  assert.deepEqual(
    Array.from(sparse.values),
    Array.from({ length: 100 }, (_, i) => i * 50),
  );
  assert.ok(dense.periods.every((p, i) => i === 0 || dense.periods[i - 1] < p));
});

test('cells across growing and full blocks keep their values (150,000 cells)', () => {
  // Blocks start at 1,024 cells, double to 65,536 and then a new block starts: every cell
  // written before a block grows must read back the same afterwards. Cell (k, p) gets k·1000 + p.
  const acc = new SeriesAccumulator('sum');
  for (let k = 0; k < 300; k++) for (let p = 0; p < 500; p++) acc.add(`k${k}`, p * 7, k * 1000 + p);
  const series = acc.series();
  assert.equal(series.length, 300);
  series.forEach((s, k) => {
    assert.equal(s.periods.length, 500);
    assert.ok(
      s.values.every((v, p) => v === k * 1000 + p),
      s.name,
    );
  });
});
