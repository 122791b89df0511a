import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guerreroCv, guerreroLambda } from '../../../src/model/stats/guerrero.js';
import { fixture, seriesOf } from './decompose-fixture.js';

test('guerreroLambda matches forecast::BoxCox.lambda(method = "guerrero")', () => {
  for (const c of fixture.guerrero) {
    const l = guerreroLambda(seriesOf(c.series), c.period, c.lower, c.upper);
    assert.ok(Math.abs(l - c.lambda) < 1e-6, `${c.series}/${c.period} [${c.lower}, ${c.upper}]: ${l} vs R ${c.lambda}`);
  }
});

test('the criterion: sd/mean of s_j/m_j^(1−λ) over whole periods, counted from the end', () => {
  // Periods [1, 3] and [2, 6] (the first point is dropped): means 2 and 4, sds √2 and 2√2.
  const y = Float64Array.of(100, 1, 3, 2, 6);
  assert.ok(Math.abs(guerreroCv(y, 2, 0)) < 1e-15); // s/m equal: no variation at λ = 0
  // λ = 1: ratios √2 and 2√2, sd 1, mean 1.5√2.
  assert.ok(Math.abs(guerreroCv(y, 2, 1) - 1 / (1.5 * Math.SQRT2)) < 1e-12);
  // λ = ½: ratios √2/√2 = 1 and 2√2/2 = √2.
  assert.ok(Math.abs(guerreroCv(y, 2, 0.5) - (Math.SQRT2 - 1) / Math.SQRT2 / ((1 + Math.SQRT2) / 2)) < 1e-12);
});

test('short series give 1; zeros raise the lower bound to 0', () => {
  assert.equal(guerreroLambda(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), 4), 1);
  assert.ok(guerreroLambda(seriesOf('sunspots'), 12) >= 0);
});

test('guerrero on 240 monthly points is fast', () => {
  const y = seriesOf('sunspots')
    .subarray(0, 240)
    .map((v) => v + 1);
  for (let i = 0; i < 5; i++) guerreroLambda(y, 12);
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) guerreroLambda(y, 12);
  const ms = (performance.now() - t0) / 50;
  console.log(`guerrero 240×12 ms: ${ms}`);
  assert.ok(ms < 10, `${ms} ms`);
});
