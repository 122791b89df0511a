/**
 * The three-lane likelihood kernels and the grouped estimation must reproduce the one-lane filter
 * and the one-form-at-a-time fits bit for bit: the Nelder–Mead path, hence R parity, depends on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etsFilter } from '../../../../src/model/stats/ets/ets-filter.js';
import { estimateEts, estimateEtsForms } from '../../../../src/model/stats/ets/estimate-ets.js';
import { parseEtsForm, componentCode } from '../../../../src/model/stats/ets/ets-form.js';
import { laneKernel } from '../../../../src/model/stats/ets/ets-objective.js';
import { mulberry32 } from '../../../../src/model/stats/rng.js';
import { fixture } from './ets-fixture.js';

const FORMS = ['ANN', 'AAN', 'AAdN', 'ANA', 'AAA', 'AAdA', 'MNN', 'MAN', 'MAdN', 'MNA', 'MAA', 'MAdA', 'MNM', 'MAM', 'MAdM'];

test('lane kernels equal etsFilter bit for bit, trend N/A/Ad in any lane', () => {
  const u = mulberry32(11);
  const s = fixture.series.find((x) => x.m === 12)!;
  const y = Float64Array.from(s.y);
  const n = y.length;
  const m = 12;
  for (let trial = 0; trial < 200; trial++) {
    const form = parseEtsForm(FORMS[trial % FORMS.length]);
    const kernel = laneKernel(form)!;
    const seasonal = form.season !== 'N';
    const stride = seasonal ? 2 + m : 2;
    const P = new Float64Array(12);
    const X = new Float64Array(3 * stride);
    const expected: number[] = [];
    for (let c = 0; c < 3; c++) {
      // Each lane its own trend type, all with the kernel's error and season.
      const trend = (['N', 'A', 'A'] as const)[(trial + c) % 3];
      const damped = trend === 'A' && (trial + c) % 2 === 0;
      const alpha = 0.05 + 0.9 * u();
      const beta = trend === 'N' ? 0 : alpha * u();
      const gamma = seasonal ? (1 - alpha) * u() : 0;
      const phi = damped ? 0.8 + 0.18 * u() : 1;
      const level = y[0] * (0.9 + 0.2 * u());
      const growth = trend === 'N' ? 0 : (u() - 0.5) * 0.01 * level;
      const seas = Array.from({ length: seasonal ? m : 0 }, () => (form.season === 'M' ? 0.9 + 0.2 * u() : (u() - 0.5) * 0.1 * level));
      const state = Float64Array.from(trend === 'N' ? [level, ...seas] : [level, growth, ...seas]);
      const spec = { error: componentCode(form.error), trend: componentCode(trend), season: componentCode(form.season), m, alpha, beta, gamma, phi };
      expected.push(etsFilter(y, 0, n, spec, Float64Array.from(state), new Float64Array(m)));
      P.set([alpha, trend === 'N' ? 0 : beta / alpha, gamma, phi], 4 * c);
      X.set([level, growth, ...seas], c * stride);
    }
    const out = new Float64Array(3);
    kernel(y, n, m, P, X, new Float64Array(3 * m), out, new Float64Array(3 * n));
    for (let c = 0; c < 3; c++) assert.ok(Object.is(out[c], expected[c]), `${FORMS[trial % FORMS.length]} lane ${c}: ${out[c]} vs ${expected[c]}`);
  }
});

test('fitting forms together (lanes, look-ahead) gives exactly the separate fits', () => {
  for (const s of fixture.series.filter((_, i) => i % 5 === 0)) {
    const forms = FORMS.map(parseEtsForm).filter((f) => s.m > 1 || f.season === 'N');
    const together = estimateEtsForms(s.y, s.m, forms);
    forms.forEach((form, i) => {
      const code = `${form.error}${form.trend}${form.damped ? 'd' : ''}${form.season}`;
      const alone = estimateEts(s.y, s.m, form);
      const both = together[i];
      assert.equal(both === undefined, alone === undefined, s.name);
      if (!both || !alone) return;
      const label = `${s.name} ${code}`;
      assert.equal(both.fnCount, alone.fnCount, label);
      assert.ok(Object.is(both.aicc, alone.aicc), `${label}: ${both.aicc} vs ${alone.aicc}`);
      assert.deepEqual([...both.initialState], [...alone.initialState]);
    });
  }
});
