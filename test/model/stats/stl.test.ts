import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nextOdd, stl, type StlOptions } from '../../../src/model/stats/stl.js';
import { assertClose, fixture, scaleOf, seriesOf } from './decompose-fixture.js';
import { mulberry32, normal } from '../support/prng.js';

function optsOf(a: Record<string, unknown>): StlOptions {
  return {
    sWindow: a['s.window'] as number | 'periodic',
    sDegree: a['s.degree'] as number | undefined,
    tWindow: a['t.window'] as number | undefined,
    tDegree: a['t.degree'] as number | undefined,
    lWindow: a['l.window'] as number | undefined,
    robust: a.robust as boolean | undefined,
    sJump: a['s.jump'] as number | undefined,
    tJump: a['t.jump'] as number | undefined,
    lJump: a['l.jump'] as number | undefined,
    inner: a.inner as number | undefined,
    outer: a.outer as number | undefined,
  };
}

test('stl matches R stats::stl (periodic and numeric s.window, robust or not, non-integer period)', () => {
  assert.ok(fixture.stl.length >= 10);
  for (const c of fixture.stl) {
    const y = seriesOf(c.series);
    const r = stl(y, c.period, optsOf(c.args));
    const tol = 1e-8 * scaleOf(y);
    const what = `${c.series}/${c.period} ${JSON.stringify(c.args)}`;
    assertClose(r.seasonal, c.seasonal, tol, `${what} seasonal`);
    assertClose(r.trend, c.trend, tol, `${what} trend`);
    assertClose(r.remainder, c.remainder, tol, `${what} remainder`);
    assertClose(r.weights, c.weights, 1e-8, `${what} weights`);
  }
});

test('R defaults: nextodd rounds halves to even; periodic seasonal repeats exactly', () => {
  assert.deepEqual([2, 2.5, 3, 3.5, 20.2, 52.18].map(nextOdd), [3, 3, 3, 5, 21, 53]);
  const y = seriesOf('ldeaths');
  const r = stl(y, 12);
  for (let i = 12; i < y.length; i++) assert.equal(r.seasonal[i], r.seasonal[i - 12]);
  assert.ok(r.weights.every((w) => w === 1));
});

test('components add back to the series; a constant has no seasonal', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 13 }),
      fc.integer({ min: 1, max: 1e6 }),
      fc.boolean(),
      fc.constantFrom<number | 'periodic'>('periodic', 7, 13),
      (period, seed, robust, sWindow) => {
        const z = normal(mulberry32(seed));
        const n = 2 * period + 1 + (seed % 40);
        const y = Float64Array.from({ length: n }, (_, i) => 10 + Math.sin((2 * Math.PI * i) / period) * 3 + z());
        const r = stl(y, period, { sWindow, robust });
        for (let i = 0; i < n; i++) assert.ok(Math.abs(r.seasonal[i] + r.trend[i] + r.remainder[i] - y[i]) < 1e-9);
      },
    ),
    { numRuns: 60 },
  );
  const c = stl(new Float64Array(40).fill(5), 4, { sWindow: 7 });
  for (let i = 0; i < 40; i++) {
    assert.ok(Math.abs(c.trend[i] - 5) < 1e-12);
    assert.ok(Math.abs(c.seasonal[i]) < 1e-12);
  }
});

test('stl rejects short, non-periodic or incomplete series', () => {
  assert.throws(() => stl(new Float64Array(24), 12), { code: 'input.stl_period' });
  assert.throws(() => stl(new Float64Array(30), 1), { code: 'input.stl_period' });
  assert.throws(() => stl(Float64Array.of(1, 2, NaN, 4, 5, 6, 7), 2), { code: 'input.stl_missing' });
  assert.throws(() => stl(new Float64Array(30), 4, { sDegree: 2, sWindow: 7 }), { code: 'input.stl_degree' });
});

test('stl on 520 weekly points (period 52) takes a few ms warm', () => {
  const y = seriesOf('weekly');
  const time = (opts: StlOptions): number => {
    for (let i = 0; i < 5; i++) stl(y, 52, opts);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) stl(y, 52, opts);
    return (performance.now() - t0) / 20;
  };
  const ms = { s11: time({ sWindow: 11 }), periodic: time({}), robust: time({ sWindow: 11, robust: true }) };
  console.log(`stl 520×52 ms: ${JSON.stringify(ms)}`);
  assert.ok(ms.s11 < 25, `s.window 11: ${ms.s11} ms`);
});
