import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitArima } from '../../../../src/model/stats/arima/fit-arima.js';
import { cssResiduals, cssWork } from '../../../../src/model/stats/arima/css.js';
import { kalmanLikelihood, kalmanWork } from '../../../../src/model/stats/arima/kalman-likelihood.js';
import { differencingPolynomial, makeStateSpace } from '../../../../src/model/stats/arima/state-space.js';
import { q0Workspace, stationaryCovariance } from '../../../../src/model/stats/arima/stationary-covariance.js';
import { armaFilter, armaGains, armaGainsBuffer } from '../../../../src/model/stats/arima/arma-innovations.js';

/** Innovations of each series through the stationary ARMA (φ, θ) by the Chandrasekhar gains. */
function innovations(phi: Float64Array, theta: Float64Array, series: Float64Array[]) {
  const n = series[0].length,
    r = Math.max(phi.length, theta.length + 1);
  const g = armaGainsBuffer(n);
  assert.ok(armaGains(phi, theta, q0Workspace(phi.length, r), g));
  const v = series.map((y) => {
    const out = new Float64Array(n);
    armaFilter(y, g, out);
    return out;
  });
  return { v, w: g.w, sumlog: g.sumlog, nu: g.nu };
}

test('AR(1) likelihood on three points equals the closed form', () => {
  const y = [1, 3, 2],
    phi = 0.5;
  // Exact: y₁ ~ N(0, σ²/(1 − φ²)), then y_t | y_{t−1} ~ N(φy_{t−1}, σ²).
  const ssq = y[0] ** 2 * (1 - phi ** 2) + (y[1] - phi * y[0]) ** 2 + (y[2] - phi * y[1]) ** 2;
  const sumlog = Math.log(1 / (1 - phi ** 2));
  const ss = makeStateSpace([phi], [], []);
  const sums = kalmanLikelihood(y, ss, kalmanWork(ss.rd), null, { ssq: 0, sumlog: 0, nu: 0 });
  assert.ok(Math.abs(sums.ssq - ssq) < 1e-14 && Math.abs(sums.sumlog - sumlog) < 1e-14 && sums.nu === 3);
  const s2 = ssq / 3;
  const loglik = -0.5 * (3 * Math.log(2 * Math.PI * s2) + sumlog + 3);
  const fit = fitArima(y, { order: [1, 0, 0], includeMean: false, fixed: [phi], transformPars: false });
  assert.ok(Math.abs(fit.loglik - loglik) < 1e-12);
  assert.ok(Math.abs(fit.loglik - -5.7242404061376195) < 1e-12); // R: arima(c(1,3,2), c(1,0,0), fixed = 0.5, ...)
});

test('the differencing polynomial of (1 − B)(1 − B⁴)', () => {
  assert.deepEqual(
    Array.from(differencingPolynomial(1, 1, 4), (v) => v + 0),
    [1, 0, 0, 1, -1],
  );
  assert.deepEqual(Array.from(differencingPolynomial(2, 0, 1)), [2, -1]);
  assert.deepEqual(Array.from(differencingPolynomial(0, 0, 12)), []);
});

test('Q₀ matches R getQ0 and solves Q₀ = T Q₀ Tᵀ + R Rᵀ', () => {
  const out = new Float64Array(4);
  stationaryCovariance([0.5, -0.2], [0.4], out, 2, q0Workspace(2, 2));
  const R = [1.8823529411764706, 0.1764705882352941, 0.1764705882352941, 0.23529411764705888];
  out.forEach((v, i) => assert.ok(Math.abs(v - R[i]) < 1e-14));
  const phi = [0.6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, -0.18],
    theta = [0.2];
  const r = 13,
    Q = new Float64Array(r * r);
  stationaryCovariance(phi, theta, Q, r, q0Workspace(13, r));
  // R: .Call(stats:::C_getQ0, phi, theta)[c(1, 13, 169, 2)]
  [
    [0, 2.2011532820780535],
    [12, -0.27760669811535144],
    [168, 0.07131736633932895],
    [1, 0.22156746472734284],
  ].forEach(([i, v]) => assert.ok(Math.abs(Q[i] - v) < 1e-12, `Q[${i}]`));
  // Lyapunov identity with T = companion(φ), R = (1, θ, 0…).
  const Rv = Array.from({ length: r }, (_, i) => (i === 0 ? 1 : i <= theta.length ? theta[i - 1] : 0));
  const T = (i: number, k: number) => (k === 0 && i < phi.length ? phi[i] : 0) + (k === i + 1 ? 1 : 0);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < r; j++) {
      let s = Rv[i] * Rv[j];
      for (let k = 0; k < r; k++) for (let l = 0; l < r; l++) s += T(i, k) * Q[k * r + l] * T(j, l);
      assert.ok(Math.abs(s - Q[i * r + j]) < 1e-12, `Lyapunov [${i}][${j}]`);
    }
});

test('CSS residuals of an AR(1) after one difference', () => {
  const y = [1, 2, 4, 7, 11];
  // w = (·, 1, 2, 3, 4); ncond = 2: e₂ = 2 − 0.5·1, e₃ = 3 − 0.5·2, e₄ = 4 − 0.5·3
  const s2 = cssResiduals(y, 1, 0, 1, [0.5], [], 2, cssWork(5));
  assert.ok(Math.abs(s2 - (1.5 ** 2 + 2 ** 2 + 2.5 ** 2) / 3) < 1e-15);
});

test('filtering several series at once gives each series its own innovations', () => {
  const a = Float64Array.of(1, -2, 0.5, 3, 1),
    b = Float64Array.of(0, 1, 1, 2, -1);
  const out = innovations(Float64Array.of(0.5), Float64Array.of(0.3), [a, b]);
  for (const [k, y] of [
    [0, a],
    [1, b],
  ] as const) {
    const s2 = makeStateSpace([0.5], [0.3], []);
    const res = new Float64Array(5);
    const sums = kalmanLikelihood(y, s2, kalmanWork(s2.rd), res, { ssq: 0, sumlog: 0, nu: 0 });
    let ssq = 0;
    for (let t = 0; t < 5; t++) ssq += out.v[k][t] ** 2 * out.w[t];
    assert.ok(Math.abs(ssq - sums.ssq) < 1e-12 && Math.abs(out.sumlog - sums.sumlog) < 1e-12);
  }
});

test('the Chandrasekhar recursions agree with the Riccati filter on a seasonal ARMA', () => {
  // ARMA(1,1)(1,1)[12]: phi, theta expanded (sparse), r = 14; a deterministic pseudo-random series.
  const phi = new Float64Array(13),
    theta = new Float64Array(13);
  phi[0] = 0.6;
  phi[11] = 0.5;
  phi[12] = -0.3;
  theta[0] = -0.4;
  theta[11] = -0.7;
  theta[12] = 0.28;
  const n = 240;
  let u = 12345;
  const y = Float64Array.from({ length: n }, () => {
    u = (u * 1103515245 + 12345) % 2147483648;
    return u / 2147483648 - 0.5;
  });
  const z = Float64Array.from(y, (v, t) => v + Math.sin(t / 3));
  const out = innovations(phi, theta, [y, z]);
  for (const [k, s] of [
    [0, y],
    [1, z],
  ] as const) {
    const s2 = makeStateSpace(phi, theta, []);
    const res = new Float64Array(n);
    const sums = kalmanLikelihood(s, s2, kalmanWork(s2.rd), res, { ssq: 0, sumlog: 0, nu: 0 });
    let ssq = 0;
    for (let t = 0; t < n; t++) {
      ssq += out.v[k][t] ** 2 * out.w[t];
      assert.ok(Math.abs(out.v[k][t] * Math.sqrt(out.w[t]) - res[t]) < 1e-10, `innovation ${t}`);
    }
    assert.ok(Math.abs(ssq / sums.ssq - 1) < 1e-12 && Math.abs(out.sumlog - sums.sumlog) < 1e-10, `series ${k}`);
    assert.equal(out.nu, sums.nu);
  }
});
