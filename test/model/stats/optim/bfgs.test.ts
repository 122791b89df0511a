import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bfgs, optimHessian } from '../../../../src/model/stats/optim/bfgs.js';

const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

test("Rosenbrock from (−1.2, 1) follows R's optim(method = 'BFGS') to the last bit", () => {
  // R 4.2: optim(c(-1.2, 1), fr, method = "BFGS", hessian = TRUE)
  const r = bfgs(rosenbrock, [-1.2, 1]);
  assert.deepEqual(Array.from(r.par), [0.99980443323139745, 0.99960838062348123]);
  assert.equal(r.value, 3.8273827561079511e-8);
  assert.equal(r.fnCount, 118);
  assert.equal(r.grCount, 38);
  assert.equal(r.fail, 0);
  const H = optimHessian(rosenbrock, r.par);
  const R = [801.68813340155748, -399.92177329254457, -399.92177329254457, 199.99999999998923];
  H.forEach((v, i) => assert.ok(Math.abs(v - R[i]) < 1e-9 * Math.abs(R[i]), `H[${i}] ${v} vs ${R[i]}`));
});

test('parscale changes the path exactly as in R', () => {
  // optim(c(-1.2, 1), fr, method = "BFGS", control = list(parscale = c(2, 0.5)))
  const r = bfgs(rosenbrock, [-1.2, 1], { parscale: [2, 0.5] });
  assert.deepEqual(Array.from(r.par), [0.99918946797823327, 0.99837951499901156]);
  assert.equal(r.fnCount, 95);
  assert.equal(r.grCount, 37);
});

test('a quadratic is minimised and its Hessian recovered; maxit stops with fail = 1', () => {
  const A = [
    [4, 1],
    [1, 3],
  ];
  const f = (x: Float64Array) => 0.5 * (A[0][0] * x[0] ** 2 + 2 * A[0][1] * x[0] * x[1] + A[1][1] * x[1] ** 2) - x[0] - 2 * x[1];
  const r = bfgs(f, [0, 0]);
  // A⁻¹(1, 2) = (1/11)·(3 − 2, −1 + 8)
  assert.ok(Math.abs(r.par[0] - 1 / 11) < 1e-4 && Math.abs(r.par[1] - 7 / 11) < 1e-4);
  const H = optimHessian(f, r.par);
  [4, 1, 1, 3].forEach((v, i) => assert.ok(Math.abs(H[i] - v) < 1e-6));
  assert.equal(bfgs(rosenbrock, [-1.2, 1], { maxit: 5 }).fail, 1);
});

test('a non-finite start is an input error, as R stops', () => {
  assert.throws(() => bfgs(() => NaN, [1]), /not finite/);
});
