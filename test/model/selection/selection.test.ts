import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectModel } from '../../../src/model/selection/selection.js';
import { selectionCutoffs } from '../../../src/model/selection/folds.js';
import { featureDefs } from '../../../src/model/regression/features.js';
import { seriesData } from '../../../src/model/series.js';
import { specInputs } from '../../../src/model/spec.js';
import type { Frame } from '../../../src/frame/frame.js';
import { mulberry32, normal } from '../support/prng.js';

/** 120 weeks: x a random walk, y = x four weeks earlier plus a little noise; `jump` added to x's last value. */
function led(jump: number): Frame {
  const z = normal(mulberry32(5));
  const n = 120;
  const x = new Float64Array(n);
  for (let i = 1; i < n; i++) x[i] = x[i - 1] + z();
  const y = Float64Array.from(x, (_, i) => (i >= 4 ? x[i - 4] : 0) + 0.05 * z());
  x[n - 1] += jump;
  return { freq: 'W-SUN', names: ['y', 'x'], dates: Int32Array.from({ length: n }, (_, i) => 18000 + 7 * i), columns: [y, x] };
}

function winnerOf(frame: Frame) {
  const data = seriesData(frame, 'y');
  const cutoffs = selectionCutoffs(data.y.length, 4, 8, 52);
  return selectModel(data, featureDefs(data, 4, 52), cutoffs, { target: 'y', horizon: 4, levels: [0.8], metric: 'mae', folds: 8 }, 52).winner;
}

test('a single led by another column wins, unless that column has just made an unprecedented move', () => {
  const led0 = winnerOf(led(0));
  assert.notEqual(led0.name, 'combo');
  assert.ok(specInputs(led0.fit()).includes('x'), `${led0.name} reads x`);
  // x jumps by 50 at the origin (its steps are about 1): y has not moved yet, the folds favour the
  // same single, but it would carry the jump straight into the forecast.
  assert.equal(winnerOf(led(50)).name, 'combo');
});
