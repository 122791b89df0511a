import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kpssLag, kpssPValue, kpssStatistic } from '../../../../src/model/stats/unit-root/kpss.js';
import { ndiffs } from '../../../../src/model/stats/unit-root/ndiffs.js';
import { nsdiffs } from '../../../../src/model/stats/unit-root/nsdiffs.js';
import { ocsbCriticalValue, ocsbStatistic } from '../../../../src/model/stats/unit-root/ocsb.js';
import { isConstant } from '../../../../src/model/stats/is-constant.js';
import { cases } from '../arima/arima-fixture.js';

test('KPSS statistic on a short series, by hand', () => {
  // y = 1 3 2 5 4 6, ȳ = 3.5, e = −2.5 −0.5 −1.5 1.5 0.5 2.5, S = −2.5 −3 −4.5 −3 −2.5 0.
  // ΣS²/n² = 50.75/36; s² = 17.5/6; lag 1: Σe_t e_{t−1} = 1.75 with weight ½ → s²(1) = 17.5/6 + (2/6)(½)(1.75).
  const expected = 50.75 / 36 / (17.5 / 6 + (2 / 6) * 0.5 * 1.75);
  assert.ok(Math.abs(kpssStatistic([1, 3, 2, 5, 4, 6], 1) - expected) < 1e-15);
  assert.ok(Math.abs(expected - 0.43939393939393945) < 1e-15); // urca::ur.kpss(type = "mu", use.lag = 1)
  assert.equal(kpssLag(100), 2);
  assert.equal(kpssLag(240), 3);
});

test('KPSS p-values interpolate the table and clamp at its ends', () => {
  assert.equal(kpssPValue(0.2), 0.1);
  assert.equal(kpssPValue(0.463), 0.05);
  assert.ok(Math.abs(kpssPValue(0.4) - (0.1 - (0.053 / 0.116) * 0.05)) < 1e-15);
  assert.equal(kpssPValue(2), 0.01);
});

test('is.constant uses all.equal’s relative tolerance', () => {
  assert.equal(isConstant([5, 5, 5]), true);
  assert.equal(isConstant([1e6, 1e6 + 1e-3]), true);
  assert.equal(isConstant([1, 1.001]), false);
});

test('KPSS, ndiffs, nsdiffs (seas and OCSB) and the OCSB statistic agree with R on the fixture', () => {
  for (const c of cases) {
    const u = c.unitRoot;
    assert.ok(Math.abs(kpssStatistic(c.y) - u.kpss) < 1e-10 * Math.max(1, u.kpss), `${c.name} kpss`);
    assert.equal(ndiffs(c.y), u.ndiffs, `${c.name} ndiffs`);
    if (c.period > 1) {
      assert.equal(nsdiffs(c.y, c.period), u.nsdiffs, `${c.name} nsdiffs`);
      assert.equal(nsdiffs(c.y, c.period, 'ocsb'), u.nsdiffsOcsb, `${c.name} nsdiffs ocsb`);
      const m = Math.round(c.period);
      assert.ok(Math.abs(ocsbStatistic(c.y, m) - u.ocsb!) < 1e-8 * Math.abs(u.ocsb!), `${c.name} ocsb`);
      assert.ok(Math.abs(ocsbCriticalValue(m) - u.ocsbCrit!) < 1e-12, `${c.name} ocsb crit`);
    }
  }
});
