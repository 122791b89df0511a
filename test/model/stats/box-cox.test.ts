import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backTransform, boxCox, invBoxCox } from '../../../src/model/stats/box-cox.js';
import { assertClose, f64, fixture, scaleOf } from './decompose-fixture.js';

test('hand-computed values: log at λ = 0, a shift by one at λ = 1, the square root at ½', () => {
  assert.equal(boxCox(Float64Array.of(Math.E), 0)[0], 1);
  assert.deepEqual(Array.from(boxCox(Float64Array.of(0, 3, 10.5), 1)), [-1, 2, 9.5]);
  assert.deepEqual(Array.from(boxCox(Float64Array.of(4, 9), 0.5)), [2, 4]);
  assert.ok(Number.isNaN(boxCox(Float64Array.of(-2), -0.5)[0]));
  assert.equal(invBoxCox(Float64Array.of(1), 0)[0], Math.E);
  assert.deepEqual(Array.from(invBoxCox(Float64Array.of(-1, 2), 1)), [0, 3]);
  assert.ok(Number.isNaN(invBoxCox(Float64Array.of(3), -0.5)[0])); // above −1/λ = 2
  // Bias adjustment at λ = 0: exp(μ)·(1 + σ²/2).
  assert.ok(Math.abs(invBoxCox(Float64Array.of(1), 0, { biasadj: true, fvar: 0.2 })[0] - Math.E * 1.1) < 1e-15);
});

test('boxCox and invBoxCox (with and without biasadj) match forecast::BoxCox and InvBoxCox', () => {
  for (const c of fixture.boxCox) assertClose(boxCox(f64(c.x), c.lambda), c.out, 1e-12 * scaleOf(f64(c.out)), `BoxCox λ=${c.lambda}`);
  for (const c of fixture.invBoxCox) {
    const out = invBoxCox(f64(c.z), c.lambda, c.biasadj ? { biasadj: true, fvar: f64(c.fvar) } : {});
    assertClose(out, c.out, 1e-12 * scaleOf(f64(c.out)), `InvBoxCox λ=${c.lambda} biasadj=${c.biasadj}`);
  }
});

test('round trip: invBoxCox(boxCox(y)) = y for positive y (|λ| ≥ 0.001: nearer 0 the formula cancels)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.constant(0),
        fc.double({ min: -1, max: 2, noNaN: true }).filter((l) => Math.abs(l) >= 1e-3),
      ),
      fc.array(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }),
      (lambda, v) => {
        const y = Float64Array.from(v);
        const back = invBoxCox(boxCox(y, lambda), lambda);
        for (let i = 0; i < y.length; i++) assert.ok(Math.abs(back[i] - y[i]) <= 1e-8 * y[i], `λ=${lambda} y=${y[i]} back=${back[i]}`);
      },
    ),
  );
});

test('biasadj needs the forecast variance', () => {
  assert.throws(() => invBoxCox(Float64Array.of(1), 0.5, { biasadj: true }), { code: 'input.boxcox_fvar' });
  assert.throws(() => invBoxCox(Float64Array.of(1, 2), 0.5, { biasadj: true, fvar: Float64Array.of(1) }), { code: 'input.boxcox_fvar' });
});

test('backTransform: the bias-adjusted mean and the delta-method sd, by hand', () => {
  // λ = 0: mean exp(μ)(1 + σ²/2), sd σ·exp(μ); λ = ½: y = (z/2 + 1)², dy/dz = z/2 + 1.
  const log = backTransform({ mean: Float64Array.of(1), sd: Float64Array.of(0.2) }, 0);
  assert.ok(Math.abs(log.mean[0] - Math.E * 1.02) < 1e-12);
  assert.ok(Math.abs(log.sd[0] - 0.2 * Math.E) < 1e-12);
  const half = backTransform({ mean: Float64Array.of(2), sd: Float64Array.of(0.5) }, 0.5);
  assert.ok(Math.abs(half.sd[0] - 0.5 * 2) < 1e-12);
  assert.ok(Math.abs(half.mean[0] - 4 * (1 + (0.5 * 0.25 * 0.5) / 4)) < 1e-12); // y·(1 + ½σ²(1 − λ)/y^{2λ}), y^{2λ} = 4
  // Without an sd the median is returned.
  const none = backTransform({ mean: Float64Array.of(1), sd: Float64Array.of(NaN) }, 0);
  assert.equal(none.mean[0], Math.E);
});
