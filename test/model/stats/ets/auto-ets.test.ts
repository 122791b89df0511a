import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoEts } from '../../../../src/model/stats/ets/auto-ets.js';
import { fitEts } from '../../../../src/model/stats/ets/fit-ets.js';
import { etsFormCode, etsFormName, parseEtsForm } from '../../../../src/model/stats/ets/ets-form.js';
import { isForecastError } from '../../../../src/errors.js';
import { fixture } from './ets-fixture.js';

const wineind = fixture.series.find((s) => s.name === 'wineind')!;
const lynx = fixture.series.find((s) => s.name === 'lynx')!;
const inputErr = (code: string) => (e: unknown) => isForecastError(e) && e.code === `input.${code}`;

test('the search space follows R: order, restrictions, no season when m = 1', () => {
  const fit = autoEts(wineind.y, 12);
  assert.deepEqual(
    fit.candidates.map((c) => etsFormCode(c.form)),
    ['ANN', 'ANA', 'AAdN', 'AAN', 'AAdA', 'AAA', 'MNN', 'MNA', 'MNM', 'MAdN', 'MAN', 'MAdA', 'MAA', 'MAdM', 'MAM'],
  );
  assert.equal(etsFormName(fit.form), 'ETS(M,Ad,M)');
  const best = Math.min(...fit.candidates.map((c) => c.ic));
  assert.equal(fit.aicc, best);
  assert.equal(autoEts(lynx.y, 1).candidates.length, 6);
  // + MMdN, MMN, MMdM, MMM (A error with M trend and ETS(M,M*,A) are restricted)
  assert.equal(autoEts(wineind.y, 12, { allowMultiplicativeTrend: true }).candidates.length, 19);
  assert.equal(
    autoEts(wineind.y, 30).candidates.every((c) => c.form.season === 'N'),
    true,
    'm > 24: no season',
  );
});

test('options narrow the search', () => {
  const add = autoEts(wineind.y, 12, { additiveOnly: true });
  assert.ok(add.candidates.every((c) => c.form.error === 'A' && c.form.season !== 'M'));
  const nd = autoEts(wineind.y, 12, { damped: false, model: 'MZM' });
  assert.deepEqual(
    nd.candidates.map((c) => etsFormCode(c.form)),
    ['MNM', 'MAM'],
  );
  const bic = autoEts(lynx.y, 1, { ic: 'bic' });
  assert.equal(bic.bic, Math.min(...bic.candidates.map((c) => c.ic)));
});

test('multiplicative forms are skipped on non-positive data', () => {
  const y = lynx.y.map((v) => v - 1000);
  assert.ok(autoEts(y, 1).candidates.every((c) => c.form.error === 'A'));
  assert.throws(() => fitEts(y, 1, parseEtsForm('MNN')), inputErr('ets_form'));
});

test("a constant series gets R's SES with α = 0.99999", () => {
  const fit = autoEts(new Array(30).fill(7), 12);
  assert.equal(etsFormCode(fit.form), 'ANN');
  assert.equal(fit.alpha, 0.99999);
  assert.equal(fit.state[0], 7);
});

test('input errors', () => {
  assert.throws(() => autoEts([1, 2, NaN, 4, 5, 6, 7, 8], 1), inputErr('ets_series'));
  assert.throws(() => autoEts([1, 2, 3, 4, 5, 6], 1), inputErr('ets_too_short'));
  assert.throws(() => autoEts(lynx.y, 0), inputErr('ets_series'));
  assert.throws(() => fitEts(lynx.y, 1, parseEtsForm('ANA')), inputErr('ets_form'));
  assert.throws(() => fitEts(wineind.y, 12, parseEtsForm('ANM')), inputErr('ets_form'), 'restricted');
  assert.throws(() => fitEts(wineind.y.slice(0, 20), 12, parseEtsForm('AAA')), inputErr('ets_too_short'));
  assert.throws(() => parseEtsForm('ANdN'), inputErr('ets_form'));
  assert.deepEqual(parseEtsForm('MAdM'), { error: 'M', trend: 'A', season: 'M', damped: true });
});

test('short seasonal series: forms with too many states are skipped, not failed', () => {
  // n = 16, m = 12: seasonal forms need 13+ parameters, n − 1 = 15 > 14 only for ANA/MNA/MNM.
  const fit = autoEts(wineind.y.slice(0, 16), 12);
  const tried = fit.candidates.filter((c) => Number.isFinite(c.ic)).map((c) => etsFormCode(c.form));
  assert.ok(tried.includes('ANN'));
  assert.ok(!tried.includes('AAdA'));
});
