import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topCombination, TOP_K } from '../../../src/model/selection/top-combination.js';
import { chooseWinner, Z_SWITCH } from '../../../src/model/selection/choose-winner.js';
import type { Candidate } from '../../../src/model/selection/candidate.js';

/** A candidate forecasting `v[f]` at every horizon of fold f, with per-fold loss `loss[f]`. */
function cand(name: string, v: number[], loss: number[]): Candidate & { loss: Float64Array } {
  return { name, forecasts: v.map((x) => Float64Array.of(x, x)), fit: () => ({ kind: 'naive' }), loss: Float64Array.from(loss) };
}
const lossOf = (c: Candidate) => (c as Candidate & { loss: Float64Array }).loss;

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

test('a challenger replaces the default only when clearly better on paired fold losses', () => {
  const base = cand('combo', [0, 0, 0, 0, 0, 0], [10, 12, 9, 11, 10, 12]);
  // Better on every fold by 1 ± 0.1: z far beyond 2.33.
  const clear = cand('ets', [0, 0, 0, 0, 0, 0], [9, 11.1, 7.9, 10.1, 8.9, 11]);
  // Better on average by 1 but noisy: z ≈ 0.7.
  const noisy = cand('arima', [0, 0, 0, 0, 0, 0], [5, 15, 4, 14, 10, 10]);
  assert.equal(chooseWinner([base, noisy], lossOf, 'combo').name, 'combo');
  assert.equal(chooseWinner([base, noisy, clear], lossOf, 'combo').name, 'ets');
  assert.ok(Z_SWITCH > 2.3 && Z_SWITCH < 2.4);
  // Without the default: the lowest mean loss plus its standard error.
  assert.equal(chooseWinner([noisy, clear], lossOf, 'combo').name, 'ets');
});
