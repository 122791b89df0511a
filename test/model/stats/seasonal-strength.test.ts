import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seasonalStrength, seasonalStrengths } from '../../../src/model/stats/seasonal-strength.js';
import { fixture, seriesOf } from './decompose-fixture.js';
import { mulberry32, normal } from '../support/prng.js';

test('seasonalStrength matches forecast:::seas.heuristic', () => {
  for (const c of fixture.seas) {
    const s = seasonalStrength(seriesOf(c.series), c.period);
    assert.ok(Math.abs(s - c.strength) < 1e-9, `${c.series}/${c.period}: ${s} vs R ${c.strength}`);
  }
});

test('noise is weakly seasonal, a clean cycle strongly; several periods get one strength each', () => {
  const z = normal(mulberry32(3));
  const noise = Float64Array.from({ length: 240 }, () => z());
  const cycle = Float64Array.from({ length: 240 }, (_, i) => 10 * Math.sin((2 * Math.PI * i) / 12) + 0.1 * z());
  assert.ok(seasonalStrength(noise, 12) < 0.64);
  assert.ok(seasonalStrength(cycle, 12) > 0.99);
  const r = seasonalStrengths(seriesOf('daily'), [30.5, 7, 400]);
  assert.deepEqual(r.periods, [7, 30.5]);
  assert.ok(r.strength.every((s) => s > 0.5 && s <= 1));
});
