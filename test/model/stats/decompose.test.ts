import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decompose } from '../../../src/model/stats/decompose.js';
import { assertClose, fixture, scaleOf, seriesOf } from './decompose-fixture.js';

test('decompose matches R stats::decompose (additive and multiplicative, odd and even periods)', () => {
  for (const c of fixture.decompose) {
    const y = seriesOf(c.series);
    const r = decompose(y, c.period, c.type);
    const what = `${c.series}/${c.period} ${c.type}`;
    const tol = 1e-8 * scaleOf(y);
    assertClose(r.trend, c.trend, tol, `${what} trend`);
    assertClose(r.seasonal, c.seasonal, tol, `${what} seasonal`);
    assertClose(r.random, c.random, tol, `${what} random`);
    assertClose(r.figure, c.figure, tol, `${what} figure`);
  }
});

test('a line plus a pure sine splits exactly into trend and seasonal', () => {
  const n = 60;
  const s = (i: number): number => 3 * Math.sin((2 * Math.PI * i) / 12);
  const y = Float64Array.from({ length: n }, (_, i) => 5 + 0.5 * i + s(i));
  const r = decompose(y, 12);
  for (let i = 0; i < n; i++) {
    if (i < 6 || i >= n - 6) assert.ok(Number.isNaN(r.trend[i]) && Number.isNaN(r.random[i]));
    else {
      assert.ok(Math.abs(r.trend[i] - (5 + 0.5 * i)) < 1e-12, `trend ${i}`);
      assert.ok(Math.abs(r.random[i]) < 1e-12, `random ${i}`);
    }
    assert.ok(Math.abs(r.seasonal[i] - s(i)) < 1e-12, `seasonal ${i}`);
  }
});

test('the figure is centred; components recombine to the series', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 12 }), fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 24, maxLength: 80 }), (period, v) => {
      const y = Float64Array.from(v);
      const add = decompose(y, period);
      const mul = decompose(y, period, 'multiplicative');
      assert.ok(Math.abs(add.figure.reduce((a, b) => a + b, 0)) < 1e-9 * period * 100);
      assert.ok(Math.abs(mul.figure.reduce((a, b) => a + b, 0) / period - 1) < 1e-12);
      for (let i = 0; i < y.length; i++) {
        if (Number.isNaN(add.trend[i])) continue;
        assert.ok(Math.abs(add.trend[i] + add.seasonal[i] + add.random[i] - y[i]) < 1e-9);
        assert.ok(Math.abs(mul.trend[i] * mul.seasonal[i] * mul.random[i] - y[i]) < 1e-9 * y[i]);
      }
    }),
  );
});

test('decompose skips missing values as R does and rejects short or non-integer periods', () => {
  const y = Float64Array.from({ length: 36 }, (_, i) => 10 + (i % 4));
  y[17] = NaN;
  const r = decompose(y, 4);
  assert.ok(Number.isNaN(r.trend[17]) && Number.isNaN(r.trend[15]) && Number.isNaN(r.trend[19]));
  assert.deepEqual(
    Array.from(r.figure, (v) => Math.round(v * 1e9) / 1e9),
    [-1.5, -0.5, 0.5, 1.5],
  );
  assert.throws(() => decompose(new Float64Array(23), 12), { code: 'input.decompose_short' });
  assert.throws(() => decompose(new Float64Array(200), 52.18), { code: 'input.decompose_period' });
  assert.throws(() => decompose(new Float64Array(20), 1), { code: 'input.decompose_period' });
});
