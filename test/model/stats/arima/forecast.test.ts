import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitArima } from '../../../../src/model/stats/arima/fit-arima.js';
import { arimaForecast } from '../../../../src/model/stats/arima/arima-forecast.js';
import { arimaRefilter } from '../../../../src/model/stats/arima/arima-refilter.js';
import { partrans } from '../../../../src/model/stats/arima/transform.js';
import { mulberry32, normalDraws } from '../../../../src/model/stats/rng.js';
import { cases } from './arima-fixture.js';

const byName = (name: string) => cases.find((c) => c.name === name)!;

test('re-filtering at the end of the series reproduces the fit’s own forecasts', () => {
  const wine = byName('wineind');
  const fit = fitArima(wine.y, { order: [1, 1, 1], seasonal: { order: [0, 1, 1], period: 12 } });
  const a = arimaForecast(fit, 8),
    b = arimaRefilter(fit, wine.y, wine.y.length, 8);
  a.mean.forEach((v, i) => assert.ok(Math.abs(v - b.mean[i]) < 1e-8 * Math.abs(v)));
  a.se.forEach((v, i) => assert.ok(Math.abs(v - b.se[i]) < 1e-8 * v));
  const wk = byName('weekly_fourier520');
  const fx = fitArima(wk.y, { order: [1, 0, 1], xreg: wk.xreg! });
  const full = wk.xreg!.map((col, j) => [...col, ...wk.xregFuture![j]]);
  const c = arimaForecast(fx, 8, wk.xregFuture!),
    d = arimaRefilter(fx, wk.y, wk.y.length, 8, full);
  c.mean.forEach((v, i) => assert.ok(Math.abs(v - d.mean[i]) < 1e-8 * Math.abs(v)));
});

test('re-filtering at an earlier origin equals a fit with every coefficient fixed on the prefix', () => {
  const lh = byName('LakeHuron');
  const fit = fitArima(lh.y, { order: [1, 0, 1], xreg: lh.xreg! });
  const t = 70;
  const ref = arimaRefilter(fit, lh.y, t, 5, lh.xreg!);
  const prefix = fitArima(lh.y.slice(0, t), { order: [1, 0, 1], xreg: lh.xreg!.map((c) => c.slice(0, t)), fixed: fit.coef });
  const direct = arimaForecast(
    prefix,
    5,
    lh.xreg!.map((c) => c.slice(t, t + 5)),
  );
  direct.mean.forEach((v, i) => assert.ok(Math.abs(v - ref.mean[i]) < 1e-9 * Math.abs(v), `h=${i + 1}`));
  // With drift the regressor continues from the origin: drift t+1… in the forecast.
  const nile = byName('WWWusage');
  const fd = fitArima(nile.y, { order: [1, 1, 1], includeDrift: true });
  const r2 = arimaRefilter(fd, nile.y, 60, 3);
  const p2 = fitArima(nile.y.slice(0, 60), { order: [1, 1, 1], includeDrift: true, fixed: fd.coef });
  arimaForecast(p2, 3).mean.forEach((v, i) => assert.ok(Math.abs(v - r2.mean[i]) < 1e-9 * Math.abs(v)));
});

test('forecasts and standard errors are finite and the se grow for any stationary ARMA (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 0, maxLength: 3 }),
      fc.array(fc.double({ min: -0.9, max: 0.9, noNaN: true }), { minLength: 0, maxLength: 2 }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 1, max: 1000 }),
      (raw, ma, d, seed) => {
        const phi = new Float64Array(raw.length);
        partrans(raw.length, raw, phi);
        const z = normalDraws(mulberry32(seed));
        const y = Array.from({ length: 60 }, () => z());
        for (let i = 1; i < 60; i++) for (let j = 0; j < phi.length && j < i; j++) y[i] += phi[j] * y[i - 1 - j];
        if (d) for (let i = 1; i < 60; i++) y[i] += y[i - 1];
        const fit = fitArima(y, { order: [phi.length, d, ma.length], fixed: [...phi, ...ma, ...(d ? [] : [0])] });
        const f = arimaForecast(fit, 12);
        f.mean.forEach((v) => assert.ok(Number.isFinite(v)));
        // Equal steps (a ψ weight of 0) may differ by rounding: 1.00012e-12 relative was seen (seed -139121982).
        for (let i = 1; i < 12; i++) assert.ok(f.se[i] >= f.se[i - 1] * (1 - 1e-10) && Number.isFinite(f.se[i]));
      },
    ),
    { numRuns: 60 },
  );
});
