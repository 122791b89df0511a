import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakAtOrigin, chooseWinner, defaultWinner, Z_SWITCH } from '../../../src/model/selection/choose-winner.js';
import { topCombination } from '../../../src/model/selection/top-combination.js';
import type { Candidate } from '../../../src/model/selection/candidate.js';
import { cand, lossOf } from '../support/candidates.js';

test('breakAtOrigin: a change in the last h rows larger than twice every earlier change', () => {
  const cases: [string, number[], number, boolean][] = [
    ['calm', [1, 2, 1, 2, 1, 2], 2, false],
    ['jump of 2.5× the largest earlier change, last row', [1, 2, 1, 2, 1, 3.5], 2, true],
    ['exactly 2× is not a break', [1, 2, 1, 2, 1, 3], 2, false],
    ['the jump two rows back, inside h = 2', [1, 2, 1, 2, 5, 5], 2, true],
    ['the same jump outside h = 1', [1, 2, 1, 2, 5, 5], 1, false],
    ['NaN changes are skipped', [1, 2, NaN, 1, 2, 9], 1, true],
    ['a constant series never breaks', [3, 3, 3, 3], 1, false],
  ];
  for (const [name, y, h, want] of cases) assert.equal(breakAtOrigin(y, h), want, name);
});

// y[i] = i; h = 2 and cutoffs 0, 2, …, 10: fold f's window is y[t+1], y[t+2], and fold g has been
// observed by fold f's cutoff when g ≤ f − 1.
const y = Float64Array.from({ length: 13 }, (_, i) => i);
const folds = [0, 2, 4, 6, 8, 10];
/** A single forecasting the actuals plus `o` (or `o[f]` at fold f) at every fold. */
const off = (name: string, o: number | number[]): Candidate => ({
  name,
  forecasts: folds.map((t, f) => Float64Array.of(y[t + 1] + (typeof o === 'number' ? o : o[f]), y[t + 2] + (typeof o === 'number' ? o : o[f]))),
  fit: () => ({ kind: 'naive' }),
});
const absLoss = (c: Candidate) => Float64Array.from(folds, (t, f) => (Math.abs(c.forecasts[f][0] - y[t + 1]) + Math.abs(c.forecasts[f][1] - y[t + 2])) / 2);
const pick = (offsets: Record<string, number | number[]>) => {
  const singles = Object.entries(offsets).map(([n, o]) => off(n, o));
  return defaultWinner(singles, topCombination(singles, folds, 2, absLoss), folds, 2, absLoss);
};

test('the winner: a clearly better single, else combo or its mean with the best single, by prequential fold loss', () => {
  assert.equal(Z_SWITCH, 2.33);
  // The median is exact (theta): combo's loss 0.
  assert.equal(pick({ theta: 0, ets: -3, arima: 3, naive: -5, stlf: 5 }).winner.name, 'combo');
  // Median ets (+6): arima is exact, better than combo by 6 on every fold, so clearly (z = −∞).
  assert.equal(pick({ arima: 0, theta: 4, ets: 6, naive: 8, stlf: 10 }).winner.name, 'arima');
  // combo is +6 (loss 6). arima's losses 11, 1, 11, 1, 1, 1 beat it by 1.67 on average, z ≈ −0.8:
  // not clearly. The prequential best forecasts as combo on folds 0–2, is theta (+6) on fold 3
  // (arima's 7.67 on folds 0–2 against 6) and arima on folds 4–5 (6 on folds 0–3, first on the
  // tie; then 5): the blend is +6 on folds 0–3 and +2.5 after, mean loss 29 / 6 < 6.
  const { winner, single } = pick({ arima: [-11, -1, -11, -1, -1, -1], theta: 6, ets: 6, naive: 8, stlf: 8 });
  assert.equal(winner.name, 'blend');
  assert.equal(single.name, 'arima');
  assert.deepEqual([...winner.forecasts[5]], [y[11] + 2.5, y[12] + 2.5]);
  assert.deepEqual([...winner.forecasts[3]], [y[7] + 6, y[8] + 6]);
  const fit = winner.fit();
  assert.ok(fit.kind === 'combo' && fit.how === 'mean' && fit.parts.length === 2 && fit.parts[0].kind === 'combo');
});

test('without the default: the lowest mean fold loss plus its standard error', () => {
  const steady = cand('ets', [0, 0, 0, 0, 0, 0], [9, 11.1, 7.9, 10.1, 8.9, 11]);
  // The same mean loss (9.67), far noisier.
  const noisy = cand('arima', [0, 0, 0, 0, 0, 0], [5, 15, 4, 14, 10, 10]);
  assert.equal(chooseWinner([noisy, steady], lossOf).name, 'ets');
});
