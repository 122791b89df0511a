import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arimaCandidate, etsCandidate, fourierOrder, specCandidate, thetaCandidate } from '../../../src/model/selection/stat-candidates.js';
import { refitSpec } from '../../../src/model/selection/refit-spec.js';
import type { SeriesData } from '../../../src/model/regression/features.js';
import { mulberry32, normal } from '../support/prng.js';

function series(n: number, f: (i: number, z: () => number) => number, seed = 1): SeriesData {
  const z = normal(mulberry32(seed));
  const y = Float64Array.from({ length: n }, (_, i) => f(i, z));
  return { y, exog: new Map(), exogNames: [], dates: Int32Array.from(y, (_, i) => 30 * i), freq: 'MS' };
}
const monthly = series(120, (i, z) => 100 + 0.5 * i + 10 * Math.sin((2 * Math.PI * i) / 12) + z());

test('fold forecasts never read a row after their cutoff: re-estimated at the anchors, re-filtered after', () => {
  const cutoffs = [59, 71, 83, 95, 107];
  const c = etsCandidate(monthly, cutoffs, 4, 12);
  assert.ok(c);
  const spec = c.fit();
  // Rewriting every row after cutoff 71 leaves folds 0 and 1 (cutoffs 59, 71, anchored at 59) unchanged.
  const y2 = Float64Array.from(monthly.y, (v, i) => (i > 71 ? v * 2 + 50 : v));
  const c2 = specCandidate('ets', { ...monthly, y: y2 }, cutoffs, 4, spec);
  assert.deepEqual([...c2.forecasts[0]], [...c.forecasts[0]]);
  assert.deepEqual([...c2.forecasts[1]], [...c.forecasts[1]]);
  assert.notDeepEqual([...c2.forecasts[3]], [...c.forecasts[3]]);
  // Every statistical candidate gives the model's own sd at every fold.
  for (const cand of [c, thetaCandidate(monthly, cutoffs, 4, 12), arimaCandidate(monthly, cutoffs, 4, 12)]) {
    assert.ok(
      cand?.sds?.every((s) => s.every((v) => v > 0)),
      cand?.name,
    );
  }
});

test('refitSpec keeps the form and reads rows ≤ t only', () => {
  const c = arimaCandidate(monthly, [83], 4, 12);
  assert.ok(c);
  const spec = c.fit();
  const a = refitSpec(spec, monthly, 83);
  const b = refitSpec(spec, { ...monthly, y: Float64Array.from(monthly.y, (v, i) => (i > 83 ? -v : v)) }, 83);
  assert.deepEqual(a, b);
  const inner = spec.kind === 'boxcox' ? spec.inner : spec;
  const innerA = a.kind === 'boxcox' ? a.inner : a;
  assert.ok(inner.kind === 'arima' && innerA.kind === 'arima');
  assert.deepEqual(innerA.arma, inner.arma, 'the same orders');
});

test('the Fourier order for a long period is found by AICc: two harmonics in, two out', () => {
  const weekly = series(520, (i, z) => 50 + 3 * Math.sin((2 * Math.PI * i) / (365.25 / 7)) + 1.5 * Math.cos((4 * Math.PI * i) / (365.25 / 7)) + 0.3 * z(), 3);
  assert.equal(fourierOrder(weekly.y, 365.25 / 7), 2);
});
