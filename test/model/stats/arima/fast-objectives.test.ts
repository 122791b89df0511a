// The shortcuts of the fast objectives agree with direct evaluation (up to rounding).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cssResiduals, cssWork } from '../../../../src/model/stats/arima/css.js';
import { differencedCss } from '../../../../src/model/stats/arima/differenced-css.js';
import { differencedLikelihood } from '../../../../src/model/stats/arima/differenced-likelihood.js';
import { stationaryCovariance, stationaryFirstColumn, q0Workspace } from '../../../../src/model/stats/arima/stationary-covariance.js';
import { armaPolys, transPars, type ArmaOrders } from '../../../../src/model/stats/arima/transform.js';
import { bfgs, optimHessian, type Objective } from '../../../../src/model/stats/optim/bfgs.js';
import { jacobiSvd } from '../../../../src/model/linalg/jacobi-svd.js';

/** A deterministic pseudo-random series (LCG), centred. */
function noise(n: number, seed: number): Float64Array {
  let u = seed;
  return Float64Array.from({ length: n }, () => {
    u = (u * 1103515245 + 12345) % 2147483648;
    return u / 2147483648 - 0.5;
  });
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

test("CSS steps along every kind of coordinate equal full evaluations (R's expanded-polynomial CSS)", () => {
  // ARIMA(2,0,1)(1,0,1)[4] with two regressors on differenced-like data; ncond = p + mP.
  const arma: ArmaOrders = [2, 1, 1, 1, 4, 0, 0];
  const n = 120,
    ncond = 2 + 4;
  const y = noise(n, 1),
    x1 = Float64Array.from({ length: n }, (_, t) => Math.sin(t / 3)),
    x2 = noise(n, 2);
  const par = Float64Array.of(0.4, -0.2, 0.3, 0.5, -0.4, 0.7, -1.1);
  const reference = (v: Float64Array) => {
    const polys = transPars(v, arma, false, armaPolys(arma));
    const w = Float64Array.from(y, (yt, t) => yt - v[5] * x1[t] - v[6] * x2[t]);
    return 0.5 * Math.log(cssResiduals(w, 0, 0, 1, polys.phi, polys.theta, ncond, cssWork(n, polys.phi.length, polys.theta.length)));
  };
  const fn = differencedCss(y, [x1, x2], arma, ncond);
  assert.ok(rel(fn(par), reference(par)) < 1e-13);
  const out = new Float64Array(2);
  for (let j = 0; j < par.length; j++) {
    const lo = par[j] - 1e-3,
      hi = par[j] + 1e-3;
    assert.ok(fn.pair(par, j, lo, hi, out), `pair ${j}`);
    const at = (v: number) => {
      const q = par.slice();
      q[j] = v;
      return reference(q);
    };
    assert.ok(rel(out[0], at(lo)) < 1e-12 && rel(out[1], at(hi)) < 1e-12, `coordinate ${j}: ${out[0]} vs ${at(lo)}`);
  }
});

test("the ML objective's expansion in the regression coefficients equals a fresh evaluation", () => {
  const arma: ArmaOrders = [1, 1, 0, 0, 1, 1, 0];
  const n = 150,
    y = noise(n, 3).map((v, t) => v + 0.01 * t),
    cols = [Float64Array.from({ length: n }, (_, t) => t + 1), noise(n, 4)];
  const make = () => differencedLikelihood(y, cols, arma, Float64Array.of(1), armaPolys(arma));
  const par = Float64Array.of(0.3, 0.4, 0.02, 0.5);
  const cached = make();
  cached(par, true);
  for (const step of [[2], [3], [2, 3]]) {
    const q = par.slice();
    for (const j of step) q[j] += 1e-3;
    assert.ok(rel(cached(q, true), make()(q, true)) < 1e-13, `step ${step}`);
  }
});

test('the first column of Q₀ (step-down autocovariances) equals that of the full solution', () => {
  for (const [phi, theta] of [
    [[0.5, -0.2], [0.4]],
    [
      [0.6, 0, 0, 0.3, -0.18],
      [0.2, 0, 0, 0.5],
    ],
    [[1.2], []],
    [[0.5, 0.6], [0.3]],
    [[], [0.3, 0.2]],
  ] as const) {
    const r = Math.max(phi.length, theta.length + 1);
    const Q = new Float64Array(r * r),
      c = new Float64Array(r);
    const okFull = stationaryCovariance(phi, theta, Q, r, q0Workspace(phi.length, r));
    const okCol = stationaryFirstColumn(phi, theta, c, q0Workspace(phi.length, r));
    assert.equal(okCol, okFull);
    for (let i = 0; i < r; i++) assert.ok(Math.abs(c[i] - Q[i * r]) < 1e-12 * Math.max(1, Math.abs(Q[0])), `${phi}: c[${i}]`);
  }
});

test("an objective's pair gives BFGS and its Hessian the same path as two calls", () => {
  const f = (x: Float64Array) => (x[0] - 1) ** 2 + 3 * (x[1] + 0.5) ** 2 + x[0] * x[1] + Math.exp(0.1 * x[2]) * x[2] ** 2;
  const paired: Objective = Object.assign((x: Float64Array) => f(x), {
    pair: (x: Float64Array, i: number, lo: number, hi: number, out: Float64Array) => {
      if (i === 2) return false;
      const v = x.slice();
      v[i] = lo;
      out[0] = f(v);
      v[i] = hi;
      out[1] = f(v);
      return true;
    },
  });
  const a = bfgs(f, [0, 0, 1]),
    b = bfgs(paired, [0, 0, 1]);
  assert.deepEqual(Array.from(b.par), Array.from(a.par));
  assert.equal(b.fnCount, a.fnCount);
  assert.deepEqual(Array.from(optimHessian(paired, a.par)), Array.from(optimHessian(f, a.par)));
});

test('the QR-preconditioned Jacobi SVD: orthonormal V, XV with orthogonal columns of the given norms', () => {
  const n = 200,
    X = [Float64Array.from({ length: n }, (_, t) => t + 1), noise(n, 5), Float64Array.from({ length: n }, (_, t) => Math.cos(t / 7))];
  const { values, v } = jacobiSvd(X);
  const k = X.length;
  const xv = v.map((vj) => Float64Array.from({ length: n }, (_, t) => X.reduce((s, c, i) => s + c[t] * vj[i], 0)));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const vv = v[i].reduce((s, x, l) => s + x * v[j][l], 0);
      assert.ok(Math.abs(vv - (i === j ? 1 : 0)) < 1e-12);
      const uu = xv[i].reduce((s, x, t) => s + x * xv[j][t], 0);
      assert.ok(Math.abs(uu - (i === j ? values[i] ** 2 : 0)) < 1e-9 * values[0] ** 2);
    }
  }
  assert.ok(values[0] >= values[1] && values[1] >= values[2]);
});
