import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDesign, clip, predictionBounds } from '../../../src/model/regression/design.js';

test('prediction bounds: the training range widened by `widen` ranges each side', () => {
  const col = Float64Array.from([9, 2, 4, 6, 100]);
  // Rows 1..3 train: min 2, max 6, range 4.
  const cases: [number, number, number][] = [
    [0, 2, 6],
    [0.5, 0, 8],
    [3, -10, 18],
  ];
  for (const [widen, lo, hi] of cases) assert.deepEqual(predictionBounds(col, 1, 3, widen), { lo, hi });
  assert.deepEqual(predictionBounds(Float64Array.from([5, 5]), 0, 1, 3), { lo: 5, hi: 5 });
});

test('clip holds a value inside its bounds', () => {
  const b = { lo: -1, hi: 2 };
  for (const [v, want] of [[-5, -1], [-1, -1], [0.5, 0.5], [2, 2], [7, 2]]) assert.equal(clip(v, b), want);
});

test('the origin row is clipped before scaling; the training columns are not', () => {
  // Feature 0 trains on 1..3 (mean 2, sd √(2/3)) and is 50 at the origin; y rises by 1 a row.
  const f = Float64Array.from([0, 1, 2, 3, 50]);
  const y = Float64Array.from([0, 1, 2, 3, 4, 5]);
  const d = buildDesign([f], [0], [0], y, 1, 3, 1, 4);
  const sd = Math.sqrt(2 / 3);
  assert.deepEqual(d.bounds, [{ lo: 1, hi: 3 }]);
  assert.ok(Math.abs(d.x0[0] - 1 / sd) < 1e-12, `x0 ${d.x0[0]}`); // (3 − 2)/sd, not (50 − 2)/sd
  assert.deepEqual(Array.from(d.cols[0], (v) => Math.round(v * sd * 1e9) / 1e9), [-1, 0, 1]);
  const wide = buildDesign([f], [0], [1], y, 1, 3, 1, 4);
  assert.ok(Math.abs(wide.x0[0] - 3 / sd) < 1e-12, `x0 ${wide.x0[0]}`); // capped at 3 + 1·2 = 5
});
