import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  armaPolys,
  gradTrans,
  invPartrans,
  invTransPars,
  partrans,
  transPars,
  undoPars,
  type ArmaOrders,
} from '../../../../src/model/stats/arima/transform.js';
import { maInvert, polyRoots, rootsOutside } from '../../../../src/model/stats/arima/poly-roots.js';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol, `[${i}] ${a[i]} vs ${b[i]}`);
};

test('partrans of one parameter is tanh; of two it is Durbin–Levinson', () => {
  const out = new Float64Array(2);
  partrans(2, [0.3, -0.2], out);
  const a = Math.tanh(0.3),
    b = Math.tanh(-0.2);
  close(out, [a - b * a, b], 1e-15); // φ₁ = ψ₁ − ψ₂ψ₁, φ₂ = ψ₂
});

test('the transformation round trip and stationarity hold for any raw vector (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 }), (raw) => {
      const p = raw.length;
      const phi = new Float64Array(p),
        back = new Float64Array(p);
      partrans(p, raw, phi);
      assert.ok(
        rootsOutside(
          Array.from(phi, (v) => -v),
          1,
        ),
        `non-stationary ${phi}`,
      );
      invPartrans(p, phi, back);
      close(back, raw, 1e-6);
    }),
  );
});

test('transPars multiplies out the seasonal polynomials (R sign convention)', () => {
  const arma: ArmaOrders = [1, 1, 1, 1, 4, 0, 0];
  const { phi, theta } = transPars([0.5, 0.4, 0.3, 0.2], arma, false, armaPolys(arma));
  // (1 − 0.5B)(1 − 0.3B⁴) and (1 + 0.4B)(1 + 0.2B⁴)
  close(phi, [0.5, 0, 0, 0.3, -0.15], 1e-15);
  close(theta, [0.4, 0, 0, 0.2, 0.08], 1e-15);
});

test('undoPars ∘ invTransPars is the identity on stationary AR blocks; gradTrans is the Jacobian', () => {
  const arma: ArmaOrders = [2, 1, 1, 0, 12, 0, 0];
  const par = [0.5, -0.3, 0.2, 0.6, 7];
  close(undoPars(invTransPars(par, arma), arma), par, 1e-12);
  const raw = invTransPars(par, arma);
  const A = gradTrans(raw, arma);
  const h = 1e-7;
  for (let i = 0; i < par.length; i++) {
    const up = Float64Array.from(raw);
    up[i] += h;
    const d = undoPars(up, arma).map((v, j) => (v - par[j]) / h);
    for (let j = 0; j < par.length; j++) assert.ok(Math.abs(A[i * par.length + j] - d[j]) < 2e-3, `A[${i}][${j}]`);
  }
});

test('polyRoots, rootsOutside and maInvert', () => {
  const r = polyRoots([2, -3, 1]);
  close(Array.from(r.re).sort(), [1, 2], 1e-12);
  close(r.im, [0, 0], 1e-12);
  assert.equal(rootsOutside([-0.5], 1), true); // 1 − 0.5z, root 2
  assert.equal(rootsOutside([-0.5], 2.5), false);
  assert.equal(rootsOutside([-0.5, 1e-9], 1.01, 1e-8), true); // trailing tiny coefficient dropped
  close(maInvert([2]), [0.5], 1e-15);
  // 1 − 2.5z + z² = (1 − 2z)(1 − 0.5z): the root 0.5 goes to 2, giving (1 − 0.5z)².
  close(maInvert([-2.5, 1]), [-1, 0.25], 1e-12);
  close(maInvert([0.3, 0.1]), [0.3, 0.1], 0);
});
