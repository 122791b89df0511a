import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etsAdmissible, rootsInUnitCircle } from '../../../../src/model/stats/ets/ets-admissible.js';
import { fixture } from './ets-fixture.js';

/** Coefficients (increasing powers) of Π (z − r) for real roots r. */
function fromRoots(roots: number[]): number[] {
  let c = [1];
  for (const r of roots) {
    const next = new Array<number>(c.length + 1).fill(0);
    for (let k = 0; k < c.length; k++) {
      next[k + 1] += c[k];
      next[k] -= r * c[k];
    }
    c = next;
  }
  return c;
}

test('Schur–Cohn decides |roots| ≤ 1 + 1e−10 on known polynomials', () => {
  assert.equal(rootsInUnitCircle(fromRoots([0.5, -0.8, 0.9])), true);
  assert.equal(rootsInUnitCircle(fromRoots([0.2, 1.1])), false);
  assert.equal(rootsInUnitCircle(fromRoots([-0.3, 0.999, 0.2, 0.7])), true);
  assert.equal(rootsInUnitCircle(fromRoots([1, -0.5])), true, "a root exactly on the circle passes (R's 1e−10 slack)");
  assert.equal(rootsInUnitCircle(fromRoots([-1, 0.5, 0.1])), true);
  assert.equal(rootsInUnitCircle(fromRoots([1 + 1e-8, 0.5])), false);
  assert.equal(rootsInUnitCircle([0.81, 0, 1]), true, 'z² + 0.81: roots ±0.9i');
  assert.equal(rootsInUnitCircle([1.21, 0, 1]), false, 'z² + 1.21: roots ±1.1i');
});

test('ETS(A,N,A) with φ = 1 has a unit root and is admissible for ordinary α, γ', () => {
  assert.equal(etsAdmissible(0.3, 0, 0.1, 1, false, true, 12), true);
  assert.equal(etsAdmissible(0.3, 0, 0.1, 1, false, true, 4), true);
  assert.equal(etsAdmissible(0.3, 0, 1.8, 1, false, true, 4), false, 'γ > 1 + 1/φ − α');
  assert.equal(etsAdmissible(1.5, 0, 0, 1, false, false, 1), true, 'SES admits 0 < α < 2');
  assert.equal(etsAdmissible(2.1, 0, 0, 1, false, false, 1), false);
  assert.equal(etsAdmissible(0.5, -0.1, 0, 1, true, false, 1), false, 'β < α(φ − 1) = 0');
});

test("admissibility agrees with R's forecast:::admissible on random parameters", () => {
  const wrong: string[] = [];
  for (const a of fixture.admissible) {
    const ok = etsAdmissible(a.alpha, a.beta, a.gamma, a.phi, a.trended, a.seasonal, a.m);
    if (ok !== a.ok) wrong.push(JSON.stringify(a));
  }
  assert.equal(wrong.length, 0, wrong.join('\n'));
  assert.ok(fixture.admissible.filter((a) => a.ok).length > 50);
});
