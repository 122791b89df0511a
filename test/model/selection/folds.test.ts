import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldCutoffs, minTrainRows, trainingOrigins } from '../../../src/model/selection/folds.js';

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
