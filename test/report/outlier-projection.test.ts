import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from '../../src/frame/frame.js';
import { outlierProjection } from '../../src/report/outlier-projection.js';

function frame(names: string[], columns: number[][], start = 19_000): Frame {
  return {
    freq: 'W-SUN',
    dates: Int32Array.from(columns[0], (_, i) => start + 7 * i),
    names,
    columns: columns.map((c) => Float64Array.from(c)),
  };
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

// a = [1,2,3,4], b = [1,3,2,4]: both standardise to [∓1.5, ∓0.5, …]/√1.25 with correlation 0.8,
// so PC1 = (za + zb)/√2 = [-3, 0, 0, 3]/√2.5 and PC2 = (za − zb)/√2 = [0, −1, 1, 0]/√2.5;
// the sign rule makes the first of the largest entries positive.
const s = 1 / Math.sqrt(2.5);
const cases = [
  {
    name: 'p < n (covariance)',
    f: frame(
      ['a', 'y', 'b'],
      [
        [1, 2, 3, 4],
        [9, 9, 9, 9],
        [1, 3, 2, 4],
      ],
    ),
  },
  {
    name: 'constant columns drop out, target anywhere',
    f: frame(
      ['a', 'b', 'c', 'y'],
      [
        [1, 2, 3, 4],
        [1, 3, 2, 4],
        [5, 5, 5, 5],
        [0, 0, 0, 0],
      ],
    ),
  },
];

for (const { name, f } of cases) {
  test(`outlierProjection: hand-computed 2-D case, ${name}`, () => {
    const out = outlierProjection(f, 'y', [19_007]);
    assert.deepEqual(
      out.map((r) => r.date),
      ['2022-01-08', '2022-01-15', '2022-01-22', '2022-01-29'],
    );
    assert.deepEqual(
      out.map((r) => r.removed),
      [false, true, false, false],
    );
    const pc1 = [3 * s, 0, 0, -3 * s];
    const pc2 = [0, s, -s, 0];
    out.forEach((r, i) => {
      assert.ok(close(r.pc1, pc1[i]), `pc1[${i}] = ${r.pc1}, expected ${pc1[i]}`);
      assert.ok(close(r.pc2, pc2[i]), `pc2[${i}] = ${r.pc2}, expected ${pc2[i]}`);
    });
  });
}

test('outlierProjection: p > n goes through the Gram matrix and agrees with p < n', () => {
  // The same two directions repeated: 6 columns on 4 rows has PC scores √3 times the 2-column ones.
  const a = [1, 2, 3, 4];
  const b = [1, 3, 2, 4];
  const out = outlierProjection(frame(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'], [a, a, a, b, b, b]), 'y', []);
  const k = Math.sqrt(3);
  assert.ok(close(out[0].pc1, 3 * s * k) && close(out[3].pc1, -3 * s * k));
  assert.ok(close(out[1].pc2, s * k) && close(out[2].pc2, -s * k));
});

test('outlierProjection: NaN in a column is replaced by the column mean', () => {
  const out = outlierProjection(
    frame(
      ['a', 'y'],
      [
        [1, NaN, 3],
        [0, 0, 0],
      ],
    ),
    'y',
    [],
  );
  // a → [-1, 0, 1] after centring; population sd √(2/3).
  const v = 1 / Math.sqrt(2 / 3);
  assert.ok(close(out[0].pc1, v) && close(out[1].pc1, 0) && close(out[2].pc1, -v));
  assert.ok(out.every((r) => close(r.pc2, 0)));
});

test('outlierProjection: no features or no rows gives zeros or nothing', () => {
  assert.deepEqual(
    outlierProjection(frame(['y'], [[1, 2]]), 'y', []).map((r) => [r.pc1, r.pc2]),
    [
      [0, 0],
      [0, 0],
    ],
  );
  assert.deepEqual(outlierProjection(frame(['y', 'a'], [[], []]), 'y', []), []);
});

test('outlierProjection: 520 rows × 2,000 columns is fast (about 0.4 s idle) and deterministic', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const n = 520;
  const cols = Array.from({ length: 2000 }, (_, j) => Array.from({ length: n }, (_, i) => rand() + (j % 3 === 0 ? i / n : 0)));
  const f = frame(
    cols.map((_, j) => `k${j}`),
    cols,
  );
  const t0 = performance.now();
  const out = outlierProjection(f, 'y', [f.dates[3]]);
  const ms = performance.now() - t0;
  assert.equal(out.length, n);
  // A loose bound: it guards against an O(p³) covariance path, and holds on a loaded CI machine.
  assert.ok(ms < 15_000, `took ${ms.toFixed(0)} ms`);
  assert.deepEqual(outlierProjection(f, 'y', [f.dates[3]]), out);
  assert.ok(out.every((r) => Number.isFinite(r.pc1) && Number.isFinite(r.pc2)));
});
