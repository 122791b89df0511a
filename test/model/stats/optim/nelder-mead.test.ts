import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NelderMeadSearch, nelderMead } from '../../../../src/model/stats/optim/nelder-mead.js';
import { fixture } from '../ets/ets-fixture.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
const quadratic = (x: Float64Array): number => (x[0] - 1) ** 2 * 1 + (x[1] + 2) ** 2 * 10 + (x[2] - 3) ** 2 * 100;

test('Nelder–Mead finds the Rosenbrock minimum (1, 1)', () => {
  const r = nelderMead(rosenbrock, [-1.2, 1], { maxit: 5000, reltol: 1e-14 });
  assert.equal(r.fail, 0);
  assert.ok(Math.abs(r.x[0] - 1) < 1e-5 && Math.abs(r.x[1] - 1) < 1e-5, `${r.x}`);
  assert.ok(r.value < 1e-10);
});

test('Nelder–Mead minimises a scaled quadratic', () => {
  const r = nelderMead(quadratic, [0, 0, 0], { maxit: 5000, reltol: 1e-16 });
  assert.deepEqual(
    [...r.x].map((v) => Math.round(v * 1e4) / 1e4),
    [1, -2, 3],
  );
});

test('Nelder–Mead follows R optim(method = "Nelder-Mead") step for step', () => {
  const fns: Record<string, (x: Float64Array) => number> = { rosenbrock, quadratic };
  for (const c of fixture.nelderMead) {
    const r = nelderMead(fns[c.fn], c.x0, { maxit: c.maxit });
    assert.equal(r.fnCount, c.count, `${c.fn}: evaluations`);
    assert.equal(r.fail === 0 ? 0 : 1, c.convergence, `${c.fn}: convergence code`);
    for (let i = 0; i < c.par.length; i++) assert.ok(Math.abs(r.x[i] - c.par[i]) <= 1e-12 * (1 + Math.abs(c.par[i])), `${c.fn}: ${r.x[i]} vs R ${c.par[i]}`);
    assert.ok(Math.abs(r.value - c.value) <= 1e-12 * (1 + Math.abs(c.value)));
  }
});

test('Nelder–Mead: non-finite start, non-finite regions and maxit', () => {
  assert.equal(nelderMead(() => NaN, [1]).fail, 20);
  // Infinity outside x, y > 0 is treated as a huge value; the search stays inside.
  const r = nelderMead((x) => (x[0] > 0 && x[1] > 0 ? (x[0] - 2) ** 2 + (x[1] - 0.1) ** 2 : Infinity), [1, 0.5], { maxit: 1000 });
  assert.ok(Math.abs(r.x[0] - 2) < 1e-3 && Math.abs(r.x[1] - 0.1) < 1e-3, `${r.x}`);
  const capped = nelderMead(rosenbrock, [-1.2, 1], { maxit: 20 });
  assert.equal(capped.fail, 1);
  assert.ok(capped.fnCount <= 23);
  assert.equal(nelderMead(rosenbrock, [-1.2, 1], { maxit: 0 }).fnCount, 0);
});

test('ask/tell: look-ahead points are the points asked next, bit for bit', () => {
  const search = new NelderMeadSearch([-1.2, 1], { maxit: 400 });
  const guess = [new Float64Array(2), new Float64Array(2), new Float64Array(2)];
  let checked = 0;
  while (!search.done) {
    const ahead = [0, 1, 2].map((k) => search.lookahead(k, guess[k]));
    search.tell(rosenbrock(search.point));
    if (search.followUp >= 0) {
      assert.ok(ahead[search.followUp]);
      assert.deepEqual([...search.point], [...guess[search.followUp]]);
      checked++;
    }
  }
  assert.ok(checked > 50);
  const r = search.result();
  const direct = nelderMead(rosenbrock, [-1.2, 1], { maxit: 400 });
  assert.deepEqual([...r.x], [...direct.x]);
  assert.equal(r.fnCount, direct.fnCount);
});
