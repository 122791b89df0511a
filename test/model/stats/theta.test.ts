import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fitTheta, thetaForecast } from '../../../src/model/stats/theta.js';

interface Case {
  name: string;
  period: number;
  y: number[];
  mean: number[];
  lower: number[];
  upper: number[];
  alpha: number;
  drift: number;
  seasonal: boolean;
}
const cases: Case[] = JSON.parse(readFileSync(new URL('./fixtures/theta.json', import.meta.url), 'utf8'));
const Z80 = 1.2815515655446004;

for (const c of cases) {
  test(`thetaf parity with R: ${c.name}`, () => {
    const fit = fitTheta(c.y, c.period);
    assert.equal(fit.seasonal.length > 0, c.seasonal, 'the seasonality test decides as R');
    const fc = thetaForecast(fit, c.mean.length);
    const scale = c.y.reduce((s, v) => s + Math.abs(v), 0) / c.y.length;
    for (let h = 0; h < c.mean.length; h++) {
      assert.ok(Math.abs(fc.mean[h] - c.mean[h]) <= 0.01 * scale, `h=${h + 1}: ${fc.mean[h]} vs R ${c.mean[h]}`);
      const rSe = (c.upper[h] - c.mean[h]) / Z80;
      assert.ok(Math.abs(fc.sd[h] - rSe) <= 0.05 * rSe + 1e-9, `se h=${h + 1}: ${fc.sd[h]} vs R ${rSe}`);
    }
    if (c.period === 1)
      assert.ok(Math.abs(fit.drift - c.drift) <= 1e-6 * Math.max(1, Math.abs(c.drift)), 'non-seasonal: successive forecasts differ by the drift, b/2');
  });
}

test('theta on a straight line forecasts the line continued at half its slope plus the SES catch-up', () => {
  // y = 2i: SES with α → 1 tracks the last value; drift = 1; ŷ_h = y_n−1 + (h − 1 + 1)·1 with α = 1.
  const y = Array.from({ length: 30 }, (_, i) => 2 * i);
  const fc = thetaForecast(fitTheta(y, 1), 3);
  for (let h = 1; h <= 3; h++) assert.ok(Math.abs(fc.mean[h - 1] - (58 + h)) < 0.2, `h=${h}: ${fc.mean[h - 1]}`);
});
