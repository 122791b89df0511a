import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyScaling, fitScaling } from '../../../src/model/regression/standardize.js';
import { computeFeature } from '../../../src/model/regression/features.js';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

test('z-scores of values near ±1e308 are finite and exact (hand-computed)', () => {
  // mean 1.25e308, population sd 0.25e308: z = −1, 1, −1, 1; the plain sum would be Infinity.
  const cases: [number[], number, number, number[]][] = [
    [[1e308, 1.5e308, 1e308, 1.5e308], 1.25e308, 0.25e308, [-1, 1, -1, 1]],
    [[-1.5e308, -1e308], -1.25e308, 0.25e308, [-1, 1]],
    [[-8e307, 8e307], 0, 8e307, [-1, 1]], // x − mean would be fine; (x − mean)² is not
    [[1, 2, 3], 2, Math.sqrt(2 / 3), [-Math.sqrt(1.5), 0, Math.sqrt(1.5)]],
  ];
  for (const [xs, mean, sd, z] of cases) {
    const col = Float64Array.from(xs);
    const s = fitScaling(col, 0, col.length - 1);
    assert.ok(near(s.mean, mean) && near(s.sd, sd), `${xs}: ${JSON.stringify(s)}`);
    const got = applyScaling(col, 0, col.length - 1, s);
    assert.ok(
      got.every((v, i) => near(v, z[i])),
      `${xs}: ${Array.from(got)}`,
    );
  }
});

test('ordinary values are not rescaled: bit-identical to the two-pass formula', () => {
  const col = Float64Array.from([0.1, 0.7, 1e150, -3e149, 42]);
  let sum = 0;
  for (const v of col) sum += v;
  const mean = sum / col.length;
  let ss = 0;
  for (const v of col) ss += (v - mean) ** 2;
  assert.deepEqual(fitScaling(col, 0, col.length - 1), { mean, sd: Math.sqrt(ss / col.length) });
});

test('deviation features of a target near 1e308 are finite', () => {
  const y = Float64Array.from({ length: 20 }, (_, i) => (1 + (i % 4) / 8) * 1e308);
  const dev = computeFeature({ kind: 'ydev', window: 13 }, { y, exog: new Map(), exogNames: [], dates: new Int32Array(20), freq: 'W-SUN' });
  assert.ok(dev.every(Number.isFinite), Array.from(dev).join());
  // Row 3: y = 1.375e308, mean of rows 0..3 = 1.1875e308.
  assert.ok(near(dev[3], 1.375e308 - 1.1875e308), String(dev[3]));
});
