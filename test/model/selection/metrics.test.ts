import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointMetrics, meanStd, naiveScale } from '../../../src/model/selection/metrics.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

test('metrics on tiny vectors, by hand', () => {
  // a = [1, 2, 0, 4], f = [2, 2, 1, 2] → e = a − f = [−1, 0, −1, 2], |e| = [1, 0, 1, 2].
  const { values: m, zerosSkipped } = pointMetrics([1, 2, 0, 4], [2, 2, 1, 2], 2);
  close(m.mae, 1);
  close(m.mse, 6 / 4);
  close(m.rmse, Math.sqrt(1.5));
  close(m.mape, (100 * (1 + 0 + 2 / 4)) / 3); // zero actual skipped
  assert.equal(zerosSkipped, 1);
  close(m.smape, (100 * (2 / 3 + 0 + 2 + 4 / 6)) / 4);
  close(m.mase, 0.5);
  close(m.max_error, 2);
  close(m.median_ae, 1);
  // mean(a) = 7/4, SST = Σ(a−7/4)² = 8.75; R² = 1 − 6/8.75; mean(e) = 0 → EV = R².
  close(m.r2, 1 - 6 / 8.75);
  close(m.explained_variance, 1 - 6 / 8.75);
});

test('R² undefined on a constant actual; mean/std across folds; naive scale', () => {
  assert.ok(Number.isNaN(pointMetrics([3, 3], [3, 4], 1).values.r2));
  const s = meanStd([1, 3, NaN]);
  close(s.mean, 2);
  close(s.std, Math.SQRT2);
  close(naiveScale(Float64Array.from([1, 3, 2, 2]), 4), (2 + 1 + 0) / 3);
});
