import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { autoEts } from '../../../../src/model/stats/ets/auto-ets.js';
import { etsAdmissible } from '../../../../src/model/stats/ets/ets-admissible.js';
import { etsForecast } from '../../../../src/model/stats/ets/ets-forecast.js';
import { etsRefilter } from '../../../../src/model/stats/ets/ets-refilter.js';
import { etsRollingForecasts } from '../../../../src/model/stats/ets/ets-rolling-forecasts.js';
import { etsPointForecast } from '../../../../src/model/stats/ets/ets-point-forecast.js';
import { mulberry32, normalDraws } from '../../../../src/model/stats/rng.js';

/** A seeded positive series: level + trend + seasonal pattern + noise. */
function series(seed: number, n: number, m: number, trend: number, season: number): Float64Array {
  const z = normalDraws(mulberry32(seed));
  return Float64Array.from({ length: n }, (_, i) => 50 + trend * i + season * Math.sin((2 * Math.PI * i) / m) + 3 * z());
}

const arb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  n: fc.integer({ min: 20, max: 70 }),
  m: fc.constantFrom(1, 4),
  trend: fc.double({ min: -0.3, max: 0.5, noNaN: true }),
  season: fc.double({ min: 0, max: 8, noNaN: true }),
});

test('autoEts: parameters inside the usual bounds and the admissible region, forecasts finite, refilter(n − 1) = final state', () => {
  fc.assert(
    fc.property(arb, ({ seed, n, m, trend, season }) => {
      const y = series(seed, n, m, trend, season);
      const fit = autoEts(y, m);
      const { alpha, beta, gamma, phi, form } = fit;
      assert.ok(alpha >= 1e-4 && alpha <= 0.9999, `α ${alpha}`);
      if (form.trend !== 'N') assert.ok(beta >= 1e-4 && beta <= alpha, `β ${beta}`);
      if (form.season !== 'N') assert.ok(gamma >= 1e-4 && gamma <= 1 - alpha, `γ ${gamma}`);
      if (form.damped) assert.ok(phi >= 0.8 && phi <= 0.98, `φ ${phi}`);
      else assert.equal(phi, 1);
      assert.ok(etsAdmissible(alpha, beta, gamma, phi, form.trend !== 'N', form.season !== 'N', fit.m));
      assert.ok(Number.isFinite(fit.aicc) && fit.sigma2 > 0);
      const f = etsForecast(fit, 12);
      assert.ok(f.mean.every(Number.isFinite) && f.sd.every((s) => Number.isFinite(s) && s > 0));
      const again = etsRefilter(fit, y, n - 1);
      assert.deepEqual([...again.state], [...fit.state]);
    }),
    { numRuns: 25, seed: 20240611 },
  );
});

test('rolling forecasts equal refilter + point forecast at every origin', () => {
  fc.assert(
    fc.property(arb, fc.integer({ min: 1, max: 6 }), ({ seed, n, m, trend, season }, h) => {
      const y = series(seed, n, m, trend, season);
      const fit = autoEts(y.subarray(0, n - 5), m);
      const origins = [5, 9, 9, n - 6, n - 1];
      const rolled = etsRollingForecasts(fit, y, origins, h);
      origins.forEach((t, k) => {
        const want = etsPointForecast(etsRefilter(fit, y, t), h);
        for (let i = 0; i < h; i++) assert.ok(Math.abs(rolled[k][i] - want[i]) <= 1e-9 * (1 + Math.abs(want[i])));
      });
    }),
    { numRuns: 15, seed: 7 },
  );
});

test('autoEts is deterministic', () => {
  const y = series(11, 60, 4, 0.2, 5);
  const a = autoEts(y, 4);
  const b = autoEts(Array.from(y), 4);
  assert.deepEqual(a, b);
});
