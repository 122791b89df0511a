import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fitStlf, refitStlf, stlfApplies, stlfForecast } from '../../../src/model/stats/stlf.js';

interface Case {
  name: string;
  period: number;
  y: number[];
  mean: number[];
  lower: number[];
  upper: number[];
  form: string;
}
const cases: Case[] = JSON.parse(readFileSync(new URL('./fixtures/stlf.json', import.meta.url), 'utf8'));
const Z80 = 1.2815515655446004;

for (const c of cases) {
  test(`stlf parity with R: ${c.name}`, () => {
    const t = c.y.length - 1;
    const spec = fitStlf(c.y, t, c.period);
    const form = /ETS\(([AM]),([NA]d?),N\)/.exec(c.form) as RegExpExecArray;
    assert.equal(spec.ets.form, `${form[1]}${form[2]}N`, 'the same ETS form on the seasonally adjusted series');
    const fc = stlfForecast(spec, c.y, t, c.mean.length);
    const scale = c.y.reduce((s, v) => s + Math.abs(v), 0) / c.y.length;
    for (let h = 0; h < c.mean.length; h++) {
      assert.ok(Math.abs(fc.mean[h] - c.mean[h]) <= 0.01 * scale, `h=${h + 1}: ${fc.mean[h]} vs R ${c.mean[h]}`);
      const rSd = (c.upper[h] - c.lower[h]) / (2 * Z80);
      assert.ok(Math.abs(fc.sd[h] - rSd) <= 0.05 * rSd, `sd h=${h + 1}: ${fc.sd[h]} vs R ${rSd}`);
    }
  });
}

test('stlf needs more than two periods of history', () => {
  assert.equal(stlfApplies(23, 12), false);
  assert.equal(stlfApplies(24, 12), true);
  assert.equal(stlfApplies(100, 1), false);
});

test('a refit on rows ≤ t keeps the form and never reads a later row', () => {
  const c = cases[0];
  const spec = fitStlf(c.y, c.y.length - 1, c.period);
  const t = 47;
  const a = refitStlf(spec, c.y, t);
  const b = refitStlf(spec, [...c.y.slice(0, t + 1), ...c.y.slice(t + 1).map((v) => v * 3)], t);
  assert.equal(a.ets.form, spec.ets.form);
  assert.deepEqual(a, b);
});
