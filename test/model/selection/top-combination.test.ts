import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topCombination, TOP_K } from '../../../src/model/selection/top-combination.js';
import { cand, lossOf } from '../support/candidates.js';

test('the default is the median of the TOP_K best singles on all folds; its folds are prequential', () => {
  assert.equal(TOP_K, 7);
  // Eight singles; h = 2, cutoffs 0, 2, 4, 6, 8 (fold g's window ends by f's cutoff when u + 2 ≤ t).
  const cutoffs = [0, 2, 4, 6, 8];
  const names = ['theta', 'ets', 'arima', 'naive', 'stlf', 'ridge_ar', 'snaive', 'mean'];
  // Loss rank on all folds: mean (best) … theta (worst), so the final top 7 drops theta.
  const singles = names.map((n, i) => cand(n, [i, i, i, i, i], [9 - i, 9 - i, 9 - i, 9 - i, 9 - i]));
  const combo = topCombination(singles, cutoffs, 2, lossOf);
  const fit = combo.fit();
  assert.equal(fit.kind, 'combo');
  assert.deepEqual(fit.kind === 'combo' && fit.parts.length, 7);
  // Folds 0..2 have fewer than 3 earlier folds: the fixed order (theta … snaive), values 0..6, median 3.
  assert.deepEqual([...combo.forecasts[0]], [3, 3]);
  assert.deepEqual([...combo.forecasts[2]], [3, 3]);
  // Fold 3 (cutoff 6) sees folds 0, 1, 2 (u + 2 ≤ 6): ranked by loss, the top 7 are values 1..7, median 4.
  assert.deepEqual([...combo.forecasts[3]], [4, 4]);
});
