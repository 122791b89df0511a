import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etsFilter } from '../../../../src/model/stats/ets/ets-filter.js';
import { filterSpec } from '../../../../src/model/stats/ets/ets-refilter.js';
import { parseEtsForm, type EtsModel } from '../../../../src/model/stats/ets/ets-form.js';
import { fixture } from './ets-fixture.js';

test('ETS(A,N,N) recursion on 4 points by hand', () => {
  // α = 0.5, ℓ₀ = 10: ŷ = 10, 10, 11, 11; e = 0, 2, 0, 2; ℓ = 10, 11, 11, 12.
  const spec = { error: 1, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
  const state = Float64Array.of(10);
  const fitted = new Float64Array(4);
  const resid = new Float64Array(4);
  const lik = etsFilter([10, 12, 11, 13], 0, 4, spec, state, new Float64Array(1), fitted, resid);
  assert.deepEqual([...fitted], [10, 10, 11, 11]);
  assert.deepEqual([...resid], [0, 2, 0, 2]);
  assert.equal(state[0], 12);
  assert.equal(lik, 4 * Math.log(8));
});

test('ETS(M,N,N) adds 2·Σlog|ŷ| and uses relative errors', () => {
  const spec = { error: 2, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
  const state = Float64Array.of(10);
  const resid = new Float64Array(2);
  const lik = etsFilter([12, 11], 0, 2, spec, state, new Float64Array(1), undefined, resid);
  // ŷ₁ = 10, e₁ = 0.2, ℓ₁ = 10 + 0.5·2 = 11; ŷ₂ = 11, e₂ = 0.
  assert.deepEqual([...resid], [0.2, 0]);
  assert.ok(Math.abs(lik - (2 * Math.log(0.04) + 2 * (Math.log(10) + Math.log(11)))) < 1e-12);
});

test('ETS(A,N,A) seasonal ring buffer matches the shifted-state recursion', () => {
  // m = 2, states (ℓ, s₀, s₁) = (10, 1, −1): ŷ₁ = ℓ + s₁ = 9, ŷ₂ = ℓ₁ + s₀.
  const spec = { error: 1, trend: 0, season: 1, m: 2, alpha: 0.5, beta: 0, gamma: 0.2, phi: 1 };
  const state = Float64Array.of(10, 1, -1);
  const fitted = new Float64Array(3);
  etsFilter([11, 12, 10], 0, 3, spec, state, new Float64Array(2), fitted);
  // t=1: e = 2, ℓ = 10 + 0.5·(12 − 10) = 11, s_new = −1 + 0.2·(12 − 10 + 1)·… computed below.
  let l = 10;
  let s = [1, -1];
  const y = [11, 12, 10];
  const want: number[] = [];
  for (const v of y) {
    const f = l + s[1];
    want.push(f);
    const lNew = l + 0.5 * (v - s[1] - l);
    const sNew = s[1] + 0.2 * (v - l - s[1]);
    s = [sNew, s[0]];
    l = lNew;
  }
  assert.deepEqual([...fitted], want);
  assert.deepEqual([...state], [l, ...s]);
});

test("the recursions reproduce R: log-likelihood and final state from R's estimates", () => {
  let checked = 0;
  for (const s of fixture.series) {
    for (const r of [s.auto, ...s.fixed]) {
      const form = parseEtsForm(r.form);
      const m = form.season === 'N' ? 1 : s.m;
      const model: EtsModel = { form, m, alpha: r.alpha, beta: r.beta, gamma: r.gamma, phi: r.phi, sigma2: r.sigma2, state: new Float64Array(0) };
      const state = Float64Array.from(r.initstate);
      const lik = etsFilter(s.y, 0, s.y.length, filterSpec(model), state, new Float64Array(m));
      assert.ok(Math.abs(-0.5 * lik - r.loglik) <= 1e-9 * Math.abs(r.loglik), `${s.name} ${r.form}: ${-0.5 * lik} vs R ${r.loglik}`);
      for (let k = 0; k < state.length; k++) {
        assert.ok(Math.abs(state[k] - r.finalstate[k]) <= 1e-8 * (1 + Math.abs(r.finalstate[k])), `${s.name} ${r.form} state ${k}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 100);
});
