import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { designForecast, subDesign, type Design } from '../../../src/model/regression/design.js';
import { ridgeFit } from '../../../src/model/regression/ridge.js';
import { rfeRun } from '../../../src/model/regression/rfe.js';

/** A design with n rows, p columns and H = 2 responses from a list of numbers in [-1, 1]. */
function design(n: number, p: number, v: readonly number[]): Design {
  let k = 0;
  const next = () => v[k++ % v.length] + 0.01 * k;
  const cols = Array.from({ length: p }, () => Float64Array.from({ length: n }, next));
  return {
    idx: cols.map((_, j) => j),
    scaling: cols.map(() => ({ mean: 0, sd: 1 })),
    cols,
    ys: [Float64Array.from({ length: n }, next), Float64Array.from({ length: n }, next)],
    yScale: 1,
    bounds: cols.map(() => ({ lo: -Infinity, hi: Infinity })),
    x0: Float64Array.from({ length: p }, next),
    y0: 1,
  };
}

// rfeRun reuses XᵀX / XXᵀ across its steps; each step must equal a fresh ridge fit on the
// features still kept at that size (the first `size` of the returned order).
test('every RFE step forecasts as a fresh ridge fit on its subset, with more or fewer columns than rows', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 3, max: 12 }),
      fc.integer({ min: 1, max: 25 }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 7, maxLength: 40 }),
      (n, p, v) => {
        const d = design(n, p, v);
        const lambda = 0.5 * n;
        const run = rfeRun(d, lambda);
        assert.deepEqual(run.sizes.at(-1), 1);
        assert.equal(new Set(run.order).size, p);
        run.sizes.forEach((size, s) => {
          const keep = run.order.slice(0, size).sort((a, b) => a - b);
          const sub = subDesign(d, keep);
          const want = designForecast(sub, ridgeFit(sub.cols, sub.ys, lambda));
          want.forEach((w, h) =>
            assert.ok(Math.abs(run.forecasts[s][h] - w) <= 1e-7 * (1 + Math.abs(w)), `size ${size}, h ${h + 1}: ${run.forecasts[s][h]} ≠ ${w}`),
          );
        });
      },
    ),
    { seed: 5, numRuns: 200 },
  );
});
