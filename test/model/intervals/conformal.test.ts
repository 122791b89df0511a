import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conformalQuantile, conformalQuantiles, halfWidths } from '../../../src/model/intervals/conformal.js';
import { mulberry32, normal } from '../support/prng.js';

test('finite-sample conformal quantile is the ⌈(n+1)·level⌉-th smallest', () => {
  const s = [5, 1, 4, 2, 3, 6, 8, 7, 9];
  assert.equal(conformalQuantile(s, 0.8), 8); // ⌈10·0.8⌉ = 8th smallest
  assert.equal(conformalQuantile(s, 0.5), 5);
  assert.equal(conformalQuantile([1, 2], 0.95), 3); // rank 3 > n: max·(n+1)/n
});

test('split-conformal intervals cover at the nominal rate on simulated data', () => {
  const z = normal(mulberry32(42));
  const H = 3, F = 60, trials = 400, levels = [0.8, 0.95];
  // Random-walk errors: e_h ~ N(0, h), so √h scaling is exact.
  const draw = () => Float64Array.from({ length: H }, (_, h) => z() * Math.sqrt(h + 1));
  const hits = [0, 0];
  let n = 0;
  for (let t = 0; t < trials; t++) {
    const res = Array.from({ length: F }, draw);
    const q = conformalQuantiles(res, res.map(() => 1), H, levels);
    const w = halfWidths(q, 1);
    const test = draw();
    for (let h = 0; h < H; h++) {
      n++;
      levels.forEach((_, l) => { if (Math.abs(test[h]) <= w[h][l]) hits[l]++; });
    }
  }
  levels.forEach((lv, l) => {
    const p = hits[l] / n;
    const tol = 4 * Math.sqrt((lv * (1 - lv)) / trials); // trials are the independent units
    assert.ok(p >= lv - tol && p <= lv + tol + 0.02, `level ${lv}: coverage ${p}`);
  });
});
