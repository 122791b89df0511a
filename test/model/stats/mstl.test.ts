import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mstl } from '../../../src/model/stats/mstl.js';
import { boxCox } from '../../../src/model/stats/box-cox.js';
import { assertClose, fixture, scaleOf, seriesOf } from './decompose-fixture.js';

test('mstl matches forecast::mstl (one period, several, Box–Cox, robust, dropped periods)', () => {
  for (const c of fixture.mstl) {
    const y = seriesOf(c.series);
    const a = c.args;
    const r = mstl(y, c.periods, {
      lambda: a.lambda as number | 'auto' | undefined,
      sWindow: a['s.window'] as number[] | undefined,
      robust: a.robust as boolean | undefined,
    });
    const what = `${c.series} ${JSON.stringify(c.periods)} ${JSON.stringify(a)}`;
    const tol = 1e-8 * scaleOf(y);
    assert.equal(r.seasonals.length, c.seasonals.length, what);
    assertClose(r.trend, c.trend, tol, `${what} trend`);
    r.seasonals.forEach((s, j) => assertClose(s, c.seasonals[j], tol, `${what} seasonal ${j}`));
    assertClose(r.remainder, c.remainder, tol, `${what} remainder`);
    if (c.lambda === null) assert.equal(r.lambda, null);
    else assert.ok(Math.abs((r.lambda as number) - c.lambda) < 1e-6, `${what} lambda ${r.lambda} vs ${c.lambda}`);
  }
});

test('trend, seasonals and remainder add back to the (transformed) series', () => {
  const y = seriesOf('daily');
  const r = mstl(y, [30.5, 7], { lambda: 0.5 });
  assert.deepEqual(r.periods, [7, 30.5]);
  const z = boxCox(y, 0.5);
  for (let i = 0; i < y.length; i++) {
    const sum = r.trend[i] + r.seasonals[0][i] + r.seasonals[1][i] + r.remainder[i];
    assert.ok(Math.abs(sum - z[i]) < 1e-9);
  }
});

test('mstl rejects series without a usable period or with missing values', () => {
  assert.throws(() => mstl(new Float64Array(30), [20, 40]), { code: 'input.mstl_period' });
  assert.throws(() => mstl(new Float64Array(30), 1), { code: 'input.mstl_period' });
  assert.throws(() => mstl(Float64Array.of(1, 2, NaN, 4, 5, 6, 7), 2), { code: 'input.mstl_missing' });
  assert.throws(() => mstl(seriesOf('daily'), [7, 30.5], { sWindow: [9] }), { code: 'input.mstl_window' });
});
