import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldCutoffs, minTrainRows, selectionCutoffs, trainingOrigins } from '../../../src/model/selection/folds.js';

test('no training target lies after its validation cutoff; windows are observed', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 400 }),
      fc.integer({ min: 1, max: 13 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 6 }),
      (n, H, folds, step) => {
        const cuts = foldCutoffs(n, H, folds, step);
        assert.ok(cuts.length <= folds);
        cuts.forEach((t, k) => {
          if (k > 0) assert.ok(t > cuts[k - 1], 'ascending, never shuffled');
          assert.ok(t + H <= n - 1, 'validation window observed');
          assert.ok(t + 1 >= minTrainRows(H), 'minimum training window');
          const { from, to } = trainingOrigins(t, H, 1);
          for (let i = from; i <= to; i++) for (let h = 1; h <= H; h++) assert.ok(i + h <= t);
        });
      },
    ),
  );
});

test('selection folds train on a season plus the horizon when 60 such origins remain (hand-computed)', () => {
  const week = 365.25 / 7;
  // [n, period, expected count, first cutoff, last cutoff]
  const cases: [number, number, number, number, number][] = [
    // 152 − 4 − (52 + 4) + 1 = 93 origins ≥ 60: windows from 56 rows, step min(4, ⌈93/30⌉) = 4 from 147, 24 folds.
    [152, week, 24, 55, 147],
    // 73 origins: step ⌈73/30⌉ = 3 from 127 down to 55, 25 folds.
    [132, week, 25, 55, 127],
    // Exactly 60: step 2, 30 folds 56…114.
    [119, week, 30, 56, 114],
    // 59 < 60: the usual 18-row minimum, 97 origins, step 4 from 113, 25 folds.
    [118, week, 25, 17, 113],
    // Monthly: a season plus the horizon (16 rows) is below the 18-row minimum, nothing changes.
    [72, 12, 26, 17, 67],
    [72, 1, 26, 17, 67],
  ];
  for (const [n, period, count, first, last] of cases) {
    const cuts = selectionCutoffs(n, 4, 8, period);
    assert.deepEqual([cuts.length, cuts[0], cuts[cuts.length - 1]], [count, first, last], `n ${n}, period ${period}`);
  }
});
