import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seasonalNaiveCandidate } from '../../../src/model/baselines/baseline-candidates.js';
import type { SeriesData } from '../../../src/model/regression/features.js';

const data = (y: number[]): SeriesData => ({
  y: Float64Array.from(y),
  exog: new Map(),
  exogNames: [],
  dates: Int32Array.from(y, (_, i) => 7 * i),
  freq: 'W-SUN',
});

test('seasonal naive forecasts only the folds with a season plus the horizon of history', () => {
  // Period 4, horizon 2: it applies from t = 5 (t + 1 ≥ 4 + 2).
  const c = seasonalNaiveCandidate(data([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]), [3, 5, 7], 2, 4);
  assert.ok(c);
  assert.ok(c.forecasts[0].every(Number.isNaN), 'the fold at t = 3 lacks a season: not scored as naive');
  assert.deepEqual([...c.forecasts[1]], [12, 13]); // y[6 − 4], y[7 − 4]
  assert.deepEqual([...c.forecasts[2]], [14, 15]);
  assert.equal(seasonalNaiveCandidate(data([1, 2, 3, 4, 5]), [2, 4], 2, 4), undefined);
});
