import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conformalQuantile, conformalQuantiles, halfWidths, normalQuantile, randomWalkScore } from '../../../src/model/intervals/conformal.js';
import { mulberry32, normal } from '../support/prng.js';

test('finite-sample conformal quantile is the ⌈(n+1)·level⌉-th smallest', () => {
  const s = [5, 1, 4, 2, 3, 6, 8, 7, 9];
  assert.equal(conformalQuantile(s, 0.8), 8); // ⌈10·0.8⌉ = 8th smallest
  assert.equal(conformalQuantile(s, 0.5), 5);
  assert.equal(conformalQuantile([1, 2], 0.95), 3); // rank 3 > n: max·(n+1)/n
});

test('split-conformal intervals cover at the nominal rate on simulated data', () => {
  const z = normal(mulberry32(42));
  const H = 3,
    F = 60,
    trials = 400,
    levels = [0.8, 0.95];
  // Random-walk errors: e_h ~ N(0, h), so √h scaling is exact.
  const draw = () => Float64Array.from({ length: H }, (_, h) => z() * Math.sqrt(h + 1));
  const hits = [0, 0];
  let n = 0;
  for (let t = 0; t < trials; t++) {
    const res = Array.from({ length: F }, draw);
    const q = conformalQuantiles(
      res,
      res.map(() => 1),
      H,
      levels,
    );
    const w = halfWidths(q, 1);
    const test = draw();
    for (let h = 0; h < H; h++) {
      n++;
      levels.forEach((_, l) => {
        if (Math.abs(test[h]) <= w[h][l]) hits[l]++;
      });
    }
  }
  levels.forEach((lv, l) => {
    const p = hits[l] / n;
    const tol = 4 * Math.sqrt((lv * (1 - lv)) / trials); // trials are the independent units
    assert.ok(p >= lv - tol && p <= lv + tol + 0.02, `level ${lv}: coverage ${p}`);
  });
});

test('folds cut where the series had not moved are left out of the calibration', () => {
  // Three folds at σ = 0 with zero residuals (a keyword still at zero) and two informative ones:
  // the quantile comes from the two, not from the zeros.
  const res = [[0], [0], [0], [2], [4]];
  const sigma = [0, 0, 0, 1, 1];
  const q = conformalQuantiles(res, sigma, 1, [0.5]);
  assert.ok(q[0][0] >= 2, `quantile ${q[0][0]}`);
  // No informative fold at all: the random walk's quantile, z·√(π/2).
  const rw = conformalQuantiles([[0], [0]], [0, 0], 1, [0.8]);
  assert.ok(Math.abs(rw[0][0] - randomWalkScore(0.8)) < 1e-12);
  assert.ok(Math.abs(randomWalkScore(0.8) - 1.2815515655446004 * Math.sqrt(Math.PI / 2)) < 1e-8);
});

test('normalQuantile inverts the normal distribution on interval levels', () => {
  const table: [number, number][] = [
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.001, -3.090232306167813],
  ];
  for (const [p, z] of table) assert.ok(Math.abs(normalQuantile(p) - z) < 1e-8, `Φ⁻¹(${p}) = ${normalQuantile(p)}`);
});
