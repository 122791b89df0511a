import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDesign, designForecast } from '../../../src/model/regression/design.js';

test('the origin row is clipped before scaling; the training columns are not', () => {
  // Feature 0 trains on 1..3 (mean 2, sd √(2/3)) and is 50 at the origin; y rises by 1 a row.
  const f = Float64Array.from([0, 1, 2, 3, 50]);
  const y = Float64Array.from([0, 1, 2, 3, 4, 5]);
  const d = buildDesign([f], [0], [0], y, 1, 3, 1, 4);
  const sd = Math.sqrt(2 / 3);
  assert.deepEqual(d.bounds, [{ lo: 1, hi: 3 }]);
  assert.ok(Math.abs(d.x0[0] - 1 / sd) < 1e-12, `x0 ${d.x0[0]}`); // (3 − 2)/sd, not (50 − 2)/sd
  assert.deepEqual(
    Array.from(d.cols[0], (v) => Math.round(v * sd * 1e9) / 1e9),
    [-1, 0, 1],
  );
  const wide = buildDesign([f], [0], [1], y, 1, 3, 1, 4);
  assert.ok(Math.abs(wide.x0[0] - 3 / sd) < 1e-12, `x0 ${wide.x0[0]}`); // capped at 3 + 1·2 = 5
});

test('a target near 1e308: responses are fitted scaled by a power of two, forecasts come back in its units', () => {
  // y rises by 1e307 a row from 1e308: the response y_{i+1} − y_i is 1e307, whose Xᵀy over many
  // rows would overflow; scaled by yScale = 2^−524 it is small, and designForecast divides back.
  const y = Float64Array.from({ length: 8 }, (_, i) => 1e308 + i * 1e307);
  const f = Float64Array.from({ length: 8 }, (_, i) => i);
  const d = buildDesign([f], [0], [0], y, 1, 5, 1, 6);
  assert.equal(d.yScale, 2 ** -524);
  assert.ok(
    d.ys[0].every((v) => Math.abs(v / d.yScale - 1e307) <= 1e295),
    Array.from(d.ys[0]).join(),
  );
  // β = 0: the forecast is y at the origin; β = 1e307·yScale per sd: one sd of the feature ahead.
  assert.equal(designForecast(d, [new Float64Array([0])])[0], y[6]);
  const beta = 1e307 * d.yScale;
  assert.ok(Math.abs(designForecast(d, [new Float64Array([beta])])[0] - (y[6] + d.x0[0] * 1e307)) <= 1e295);
  const small = buildDesign(
    [f],
    [0],
    [0],
    Float64Array.from(y, (v) => v / 1e300),
    1,
    5,
    1,
    6,
  );
  assert.equal(small.yScale, 1, 'ordinary targets are not scaled');
});
