import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brentMin } from '../../../../src/model/stats/optim/brent.js';

test('a parabola: the vertex, to R optimize() tolerance', () => {
  const r = brentMin((x) => (x - 1) ** 2 + 3, -3, 5);
  assert.ok(Math.abs(r.x - 1) < 1e-4, `${r.x}`);
  assert.ok(Math.abs(r.fx - 3) < 1e-8);
});

test('the same iterates as R optimize()', () => {
  // Values printed by R 4.2.2: optimize(f, interval)$minimum.
  const cases: [(x: number) => number, number, number, number][] = [
    [(x) => (x - 1 / 3) ** 2, 0, 1, 0.33333333333333331],
    [Math.sin, 0, 2 * Math.PI, 4.7123910812000886],
    [(x) => Math.abs(x - 0.2), -1, 1, 0.19998189082145035],
    [Math.exp, -2, 3, -1.9999358246709347],
    [(x) => (x > 0.5 ? NaN : (x - 0.7) ** 2), 0, 1, 0.49997957182549568], // NaN counts as the largest double
  ];
  for (const [f, lo, hi, want] of cases) assert.ok(Math.abs(brentMin(f, lo, hi).x - want) < 1e-12, `${brentMin(f, lo, hi).x} vs ${want}`);
  assert.equal(brentMin(Math.sin, 0, 2 * Math.PI).evaluations, 9); // R calls f 10 times: these and $objective
});

test('bad intervals and tolerances are input errors', () => {
  assert.throws(() => brentMin((x) => x, 1, 1), { code: 'input.optimize_interval' });
  assert.throws(() => brentMin((x) => x, 0, Infinity), { code: 'input.optimize_interval' });
  assert.throws(() => brentMin((x) => x, 0, 1, 0), { code: 'input.optimize_tol' });
});
