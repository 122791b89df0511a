import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosPi, fourierTerms, sinPi } from '../../../src/model/stats/fourier.js';
import { assertClose, fixture } from './decompose-fixture.js';

test('columns at known points, exact where R is exact', () => {
  const f = fourierTerms(12, 12, 2);
  assert.deepEqual(f.labels, ['S1-12', 'C1-12', 'S2-12', 'C2-12']);
  assert.equal(f.columns[0][2], 1); // sin(2π·3/12)
  assert.equal(f.columns[1][2], 0); // cos(2π·3/12)
  assert.equal(f.columns[1][11], 1); // t = 12, a whole period
  assert.equal(f.columns[3][2], -1); // cos(4π·3/12)
  assert.ok(Math.abs(f.columns[0][0] - 0.5) < 1e-15);
  // k = period/2 has no sine column; offsets continue the clock.
  const q = fourierTerms(3, 4, 2, 4);
  assert.deepEqual(q.labels, ['S1-4', 'C1-4', 'C2-4']);
  assert.deepEqual(Array.from(q.columns[2]), [-1, 1, -1]);
  assert.deepEqual([sinPi(1), sinPi(-0.5), sinPi(2.5), cosPi(0.5), cosPi(-3), cosPi(4)], [0, -1, 1, 0, -1, 1]);
});

test('fourierTerms matches forecast::fourier (non-integer and several periods, future rows)', () => {
  for (const c of fixture.fourier) {
    const what = `${JSON.stringify(c.periods)} K=${JSON.stringify(c.K)} n=${c.n} h=${c.h}`;
    const f = c.h === undefined || c.h === null ? fourierTerms(c.n, c.periods, c.K) : fourierTerms(c.h, c.periods, c.K, c.n);
    assert.deepEqual(f.labels, c.labels, what);
    f.columns.forEach((col, j) => assertClose(col, c.columns[j], 1e-12, `${what} ${c.labels[j]}`));
  }
});

test('K above period/2 or mismatched orders are input errors', () => {
  assert.throws(() => fourierTerms(10, 12, 7), { code: 'input.fourier_order' });
  assert.throws(() => fourierTerms(10, [7, 12], [2]), { code: 'input.fourier_orders' });
});
