import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etsForecast, etsVarianceClass } from '../../../../src/model/stats/ets/ets-forecast.js';
import { etsPointForecast } from '../../../../src/model/stats/ets/ets-point-forecast.js';
import { parseEtsForm, type EtsModel } from '../../../../src/model/stats/ets/ets-form.js';

const model = (code: string, over: Partial<EtsModel>): EtsModel => ({
  form: parseEtsForm(code),
  m: 1,
  alpha: 0.5,
  beta: 0.1,
  gamma: 0,
  phi: 1,
  sigma2: 4,
  state: Float64Array.of(100, 2),
  ...over,
});
const close = (a: ArrayLike<number>, b: number[], tol = 1e-9): void => {
  assert.equal(a.length, b.length);
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(b[i])), `[${i}] ${a[i]} vs ${b[i]}`);
};

test('ETS(A,A,N): linear forecasts and σ²(1 + Σ(α + jβ)²) variances', () => {
  const fc = etsForecast(model('AAN', {}), 3);
  close(fc.mean, [102, 104, 106]);
  // c_j = α + jβ: 0.6, 0.7 → v = 4, 4·1.36, 4·(1.36 + 0.49).
  close(fc.sd, [2, Math.sqrt(5.44), Math.sqrt(7.4)]);
});

test('ETS(A,Ad,N): damped sums φ + … + φ^h', () => {
  const fc = etsForecast(model('AAdN', { phi: 0.9 }), 3);
  close(fc.mean, [101.8, 103.42, 104.878]);
  // c_j = α + β(φ + … + φ^j)
  const c1 = 0.5 + 0.1 * 0.9;
  const c2 = 0.5 + 0.1 * (0.9 + 0.81);
  close(fc.sd, [2, Math.sqrt(4 * (1 + c1 * c1)), Math.sqrt(4 * (1 + c1 * c1 + c2 * c2))]);
});

test('ETS(A,N,A): seasonal forecasts cycle and the variance jumps by γ at h = m + 1', () => {
  // m = 2, state (ℓ, s₀, s₁) = (10, 1, −1): ŷ = 10 + s₁, 10 + s₀, …
  const mdl = model('ANA', { m: 2, gamma: 0.2, beta: 0, state: Float64Array.of(10, 1, -1), sigma2: 1 });
  const fc = etsForecast(mdl, 4);
  close(fc.mean, [9, 11, 9, 11]);
  // c₁ = α, c₂ = α + γ, c₃ = α
  close(fc.sd, [1, Math.sqrt(1.25), Math.sqrt(1.25 + 0.49), Math.sqrt(1.25 + 0.49 + 0.25)]);
});

test('classes: multiplicative error moments collapse to the point forecasts as σ² → 0', () => {
  const mam = model('MAM', { m: 4, gamma: 0.1, sigma2: 1e-12, state: Float64Array.of(100, 1, 1.1, 0.9, 1.2, 0.8) });
  assert.equal(etsVarianceClass(mam), 3);
  const fc = etsForecast(mam, 6);
  close(fc.mean, [...etsPointForecast(mam, 6)], 1e-9);
  for (const s of fc.sd) assert.ok(s < 1e-3);
  const man = model('MAN', { sigma2: 1e-12 });
  assert.equal(etsVarianceClass(man), 2);
  close(etsForecast(man, 3).mean, [102, 104, 106]);
  // Class 2 at h = 1: v₁ = σ²ŷ₁².
  const man2 = model('MAN', { sigma2: 0.01 });
  assert.ok(Math.abs(etsForecast(man2, 1).sd[0] - 0.1 * 102) < 1e-9);
});

test('multiplicative trend: point forecasts ℓ·b^{φ_h}, no analytic sd', () => {
  const mmn = model('MMdN', { state: Float64Array.of(100, 1.1), phi: 0.9 });
  assert.equal(etsVarianceClass(mmn), 0);
  const fc = etsForecast(mmn, 2);
  close(fc.mean, [100 * 1.1 ** 0.9, 100 * 1.1 ** (0.9 + 0.81)]);
  assert.ok(fc.sd.every(Number.isNaN));
});
