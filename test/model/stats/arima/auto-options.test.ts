// auto.arima's non-default paths against values printed by R 4.2.2 / forecast 8.20 (see each comment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoArima } from '../../../../src/model/stats/arima/auto-arima.js';
import { cases } from './arima-fixture.js';

const series = (name: string) => cases.find((c) => c.name === name)!;
const orders = (arma: ArrayLike<number>) => Array.from(arma).join(' ');

test('exhaustive search (stepwise = FALSE)', () => {
  // auto.arima(WWWusage, stepwise = FALSE): ARIMA(3,1,0), AICc 512.4195
  let r = autoArima(series('WWWusage').y, { stepwise: false });
  assert.equal(orders(r.fit.arma), '3 0 0 0 1 1 0');
  assert.ok(Math.abs(r.fit.aicc - 512.4195) < 1e-3);
  // auto.arima(lynx, stepwise = FALSE): ARIMA(4,0,0) with non-zero mean, AICc 1875.007
  r = autoArima(series('lynx').y, { stepwise: false });
  assert.deepEqual(r.fit.coefNames, ['ar1', 'ar2', 'ar3', 'ar4', 'intercept']);
  assert.ok(Math.abs(r.fit.aicc - 1875.007) < 1e-3);
  // auto.arima(LakeHuron, stepwise = FALSE): ARIMA(2,1,1), AICc 213.5061
  r = autoArima(series('LakeHuron').y, { stepwise: false });
  assert.equal(orders(r.fit.arma), '2 1 0 0 1 1 0');
  assert.ok(Math.abs(r.fit.aicc - 213.5061) < 1e-3);
});

test('OCSB seasonal test and BIC selection', () => {
  // auto.arima(UKgas, seasonal.test = "ocsb"): ARIMA(0,1,1)(0,1,0)[4], AICc 1030.795
  let r = autoArima(series('UKgas').y, { period: 4, seasonalTest: 'ocsb' });
  assert.equal(orders(r.fit.arma), '0 1 0 0 4 1 1');
  assert.ok(Math.abs(r.fit.aicc - 1030.795) < 1e-3);
  // auto.arima(wineind, ic = "bic"): ARIMA(0,1,1)(0,1,1)[12], BIC 3013.599
  r = autoArima(series('wineind').y, { period: 12, ic: 'bic' });
  assert.equal(orders(r.fit.arma), '0 1 0 1 12 1 1');
  assert.ok(Math.abs(r.fit.bic - 3013.599) < 1e-3);
});

test('a constant series and leading missing values', () => {
  const r = autoArima([NaN, NaN, 5, 5, 5, 5, 5, 5]);
  assert.deepEqual(r.fit.coefNames, ['intercept']);
  assert.equal(r.fit.coef[0], 5);
  assert.throws(() => autoArima([NaN, NaN]), /All data are missing/);
});
