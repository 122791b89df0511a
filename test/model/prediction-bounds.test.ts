import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clip, predictionBounds } from '../../src/model/prediction-bounds.js';

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
  for (const [v, want] of [
    [-5, -1],
    [-1, -1],
    [0.5, 0.5],
    [2, 2],
    [7, 2],
  ])
    assert.equal(clip(v, b), want);
});
