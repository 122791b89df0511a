import { test } from 'node:test';
import assert from 'node:assert/strict';
import { olsFit } from '../../../src/model/regression/ols.js';
import { ridgeFit, ridgePath } from '../../../src/model/regression/ridge.js';
import { enetPath, lambdaMax, softThreshold } from '../../../src/model/regression/lasso.js';
import { symEigen } from '../../../src/model/linalg/sym-eigen.js';
import { choleskySolve } from '../../../src/model/linalg/cholesky.js';

const close = (a: number, b: number, tol = 1e-8) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} ≠ ${b}`);
const col = (xs: number[]) => Float64Array.from(xs);

test('OLS matches the normal equations on a small case', () => {
  // y = 1 + 2x exactly for x = 0..3 → intercept 1, slope 2.
  const fit = olsFit([col([0, 1, 2, 3])], [col([1, 3, 5, 7])], true);
  close(fit.coef[0][0], 2);
  close(fit.intercept[0], 1);
  // Two columns, no intercept: XᵀX = [[2,1],[1,2]], Xᵀy = [3,3] → β = [1,1].
  const f2 = olsFit([col([1, 0, 1]), col([0, 1, 1])], [col([1, 1, 2])], false);
  close(f2.coef[0][0], 1);
  close(f2.coef[0][1], 1);
});

test('ridge equals (XᵀX + λI)⁻¹Xᵀy by hand, primal and dual', () => {
  // X = [[1,0],[0,1],[1,1]], y = [1,2,3], λ = 1: XᵀX+I = [[3,1],[1,3]], Xᵀy = [4,5]
  // → β = [[3,-1],[-1,3]]/8 · [4,5] = [7/8, 11/8].
  const cols = [col([1, 0, 1]), col([0, 1, 1])];
  const y = col([1, 2, 3]);
  const want = [7 / 8, 11 / 8];
  const path = ridgePath(cols, [y], [1])[0][0];
  const fit = ridgeFit(cols, [y], 1)[0];
  for (let j = 0; j < 2; j++) {
    close(path[j], want[j]);
    close(fit[j], want[j]);
  }
  // p > n (dual/kernel form): one row x = [1, 2], y = 5, λ = 1 → β = x·y/(‖x‖²+λ) = [5/6, 10/6].
  const dual = ridgePath([col([1]), col([2])], [col([5])], [1])[0][0];
  close(dual[0], 5 / 6);
  close(dual[1], 10 / 6);
  const dualFit = ridgeFit([col([1]), col([2])], [col([5])], 1)[0];
  close(dualFit[1], 10 / 6);
});

test('lasso on an orthogonal design is the soft-threshold of Xᵀy/n', () => {
  const cases = [
    { c: [3, -0.5, 1.2], lam: 1, want: [2, 0, 0.2] },
    { c: [0.3, -2, 0], lam: 0.5, want: [0, -1.5, 0] },
  ];
  for (const { c, lam, want } of cases) {
    const g = [col([1, 0, 0]), col([0, 1, 0]), col([0, 0, 1])];
    const beta = enetPath(g, col(c), 1, [lambdaMax(col(c), 1), lam], 1e-12)[1];
    want.forEach((w, j) => close(beta[j], w, 1e-9));
    c.forEach((cj, j) => close(softThreshold(cj, lam), want[j], 1e-12));
  }
  // Elastic net with a = 0.5 on G = I: β = S(c, λa)/(1 + λ(1−a)).
  const b = enetPath([col([1, 0]), col([0, 1])], col([2, 0.1]), 0.5, [1], 1e-12)[0];
  close(b[0], 1.5 / 1.5);
  close(b[1], 0);
});

test('symmetric eigen-decomposition reconstructs the matrix; Cholesky solves', () => {
  const a = [col([4, 1, 2]), col([1, 3, 0]), col([2, 0, 5])];
  const { values, vectors } = symEigen(a);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += vectors[i][k] * values[k] * vectors[j][k];
      close(s, a[i][j], 1e-12);
    }
  const [x] = choleskySolve(a, [col([7, 4, 7])]);
  [1, 1, 1].forEach((w, j) => close(x[j], w, 1e-12));
});
