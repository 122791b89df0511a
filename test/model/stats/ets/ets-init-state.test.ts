import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etsInitState } from '../../../../src/model/stats/ets/ets-init-state.js';
import { classicalSeasonal } from '../../../../src/model/stats/ets/decompose-seasonal.js';
import { fixture } from './ets-fixture.js';

function seriesY(name: string): { y: number[]; m: number } {
  if (name === 'ldeaths_30') {
    const s = fixture.series.find((x) => x.name === 'ldeaths');
    assert.ok(s);
    return { y: s.y.slice(0, 30), m: 12 };
  }
  const s = fixture.series.find((x) => x.name === name);
  assert.ok(s, name);
  return { y: s.y, m: s.m };
}

test("starting states equal R's initstate() (decompose and Fourier branches)", () => {
  for (const c of fixture.initstate) {
    const { y, m } = seriesY(c.series);
    const got = etsInitState(y, c.season === 'N' ? 1 : m, c.trend, c.season);
    assert.equal(got.length, c.state.length, `${c.series} ${c.trend}${c.season}`);
    for (let k = 0; k < got.length; k++) {
      assert.ok(Math.abs(got[k] - c.state[k]) <= 1e-9 * (1 + Math.abs(c.state[k])), `${c.series} ${c.trend}${c.season}[${k}]: ${got[k]} vs R ${c.state[k]}`);
    }
  }
});

test('classical decomposition recovers an exact additive pattern', () => {
  const pattern = [3, -1, -2, 0];
  const y = Array.from({ length: 24 }, (_, i) => 10 + 0.5 * i + pattern[i % 4]);
  const s = classicalSeasonal(y, 4, false);
  for (let i = 0; i < 24; i++) assert.ok(Math.abs(s[i] - pattern[i % 4]) < 1e-12);
});
