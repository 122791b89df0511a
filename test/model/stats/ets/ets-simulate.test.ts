import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etsSimulate, simulatedQuantiles } from '../../../../src/model/stats/ets/ets-simulate.js';
import { etsForecast } from '../../../../src/model/stats/ets/ets-forecast.js';
import { parseEtsForm, type EtsModel } from '../../../../src/model/stats/ets/ets-form.js';
import { mulberry32 } from '../../../../src/model/stats/rng.js';

const aan: EtsModel = { form: parseEtsForm('AAN'), m: 1, alpha: 0.5, beta: 0.1, gamma: 0, phi: 1, sigma2: 4, state: Float64Array.of(100, 2) };
const mam: EtsModel = {
  form: parseEtsForm('MAM'),
  m: 4,
  alpha: 0.3,
  beta: 0.05,
  gamma: 0.1,
  phi: 1,
  sigma2: 0.0025,
  state: Float64Array.of(100, 1, 1.1, 0.9, 1.2, 0.8),
};

test('simulation is deterministic given the seed', () => {
  const a = etsSimulate(mam, 6, 50, mulberry32(9));
  const b = etsSimulate(mam, 6, 50, mulberry32(9));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, etsSimulate(mam, 6, 50, mulberry32(10)));
});

test('simulated paths reproduce the analytic mean and sd (classes 1 and 3)', () => {
  for (const model of [aan, mam]) {
    const h = 6;
    const nsim = 20000;
    const paths = etsSimulate(model, h, nsim, mulberry32(1));
    const fc = etsForecast(model, h);
    for (let k = 0; k < h; k++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < nsim; i++) {
        const v = paths[i * h + k];
        s += v;
        s2 += v * v;
      }
      const mean = s / nsim;
      const sd = Math.sqrt(s2 / nsim - mean * mean);
      assert.ok(
        Math.abs(mean - fc.mean[k]) < 4 * (fc.sd[k] / Math.sqrt(nsim)) + 1e-9,
        `${model.form.error}${model.form.trend}${model.form.season} h=${k + 1}: mean ${mean} vs ${fc.mean[k]}`,
      );
      assert.ok(Math.abs(sd / fc.sd[k] - 1) < 0.04, `h=${k + 1}: sd ${sd} vs ${fc.sd[k]}`);
    }
  }
});

test('type-8 quantiles of simulated paths bracket the analytic 80 % interval', () => {
  const paths = etsSimulate(aan, 3, 20000, mulberry32(3));
  const [lo, hi] = simulatedQuantiles(paths, 20000, 3, [0.1, 0.9]);
  const fc = etsForecast(aan, 3);
  for (let k = 0; k < 3; k++) {
    assert.ok(Math.abs(lo[k] - (fc.mean[k] - 1.2816 * fc.sd[k])) < 0.05 * fc.sd[k] + 0.05);
    assert.ok(Math.abs(hi[k] - (fc.mean[k] + 1.2816 * fc.sd[k])) < 0.05 * fc.sd[k] + 0.05);
  }
  // R's quantile(c(1, 2, 3, 4), 0.1, type = 8) = 1, quantile(…, 0.5, type = 8) = 2.5
  const q = simulatedQuantiles(Float64Array.of(4, 2, 1, 3), 4, 1, [0.1, 0.5, 0.9]);
  assert.deepEqual(
    q.map((a) => a[0]),
    [1, 2.5, 4],
  );
});
