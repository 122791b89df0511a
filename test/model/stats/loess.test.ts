import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loessAt, loessSmooth, partialSort } from '../../../src/model/stats/loess.js';
import { stl } from '../../../src/model/stats/stl.js';
import { seriesOf } from './decompose-fixture.js';

test('loess reproduces a line with degree 1 and a constant with degree 0, jumps included', () => {
  const n = 50;
  const y = Float64Array.from({ length: n }, (_, i) => 2 + 0.3 * (i + 1));
  const out = new Float64Array(n);
  const res = new Float64Array(n);
  for (const jump of [1, 3, 7]) {
    loessSmooth(y, n, 11, 1, jump, null, out, 0, res);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(out[i] - y[i]) < 1e-12, `jump ${jump} at ${i}`);
  }
  assert.ok(Math.abs(loessAt(y, n, 11, 1, 0, 1, 11, res, null) - 2) < 1e-12); // extrapolates the line to x = 0
  const c = new Float64Array(n).fill(4);
  loessSmooth(c, n, 7, 0, 2, null, out, 0, res);
  assert.ok(out.every((v) => Math.abs(v - 4) < 1e-12));
  assert.ok(Number.isNaN(loessAt(y, n, 5, 1, 3, 1, 5, res, new Float64Array(n)))); // zero weights: not ok
});

test('partialSort selects exact order statistics when the wanted positions ascend', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }), (v) => {
      const a = Float64Array.from(v);
      const n = a.length;
      const m1 = (n >> 1) + 1;
      const m2 = n - m1 + 1;
      const want = Float64Array.from(v).sort();
      partialSort(a, n, [m2, m1]);
      // == and not Object.is: −0 and 0 are the same order statistic.
      assert.ok(a[m1 - 1] === want[m1 - 1], `${a[m1 - 1]} vs ${want[m1 - 1]}`);
      assert.ok(a[m2 - 1] === want[m2 - 1], `${a[m2 - 1]} vs ${want[m2 - 1]}`);
    }),
    { examples: [[[0, -0, 0, 0]]] },
  );
});

test('in the order stl.f asks (n/2 + 1, then n/2) it can miss, and R uses what it finds', () => {
  // |remainder| of stl(mdeaths, 13, robust = TRUE, outer = 3): psort leaves the 33rd smallest at position 36.
  const y = seriesOf('mdeaths');
  const f = stl(y, 12, { sWindow: 13, robust: true, outer: 3 });
  const r = Float64Array.from(y, (v, i) => Math.abs(v - f.seasonal[i] - f.trend[i]));
  const sorted = Float64Array.from(r).sort();
  partialSort(r, 72, [37, 36]);
  assert.ok(Math.abs(r[35] - sorted[32]) < 1e-12 && Math.abs(r[36] - sorted[36]) < 1e-12, `${r[35]} ${r[36]}`);
  assert.ok(Math.abs(r[35] - 37.51848182289859) < 1e-9); // gfortran on R's psort gives 37.518482, 48.357716
});
