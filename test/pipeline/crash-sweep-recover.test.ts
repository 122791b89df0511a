import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkAfterRun, checkOldOrNew, weeksOf, type Scenario } from '../support/crash-checks.js';
import { localLeftovers, nextWeek, sweepRunner } from '../support/crash-sweep.js';
import { deadHere, killInProcess, recordSteps } from '../support/in-process-kill.js';
import { localContext } from '../support/local-context.js';
import { readRun } from '../support/run-reader.js';
import { tempDir } from '../support/run-cli.js';

/**
 * A crash during a recovery (issue 15): the next run first completes a committed publish, or
 * discards one killed while staging; that recovery is itself killed at each of its steps
 * (`FORECAST_FAULT_AT=recover:N`, in-process), and the run after it must still see the old or the
 * interrupted run whole, finish the recovery, exit 0 and keep the committed week (or not show the
 * discarded one).
 */
test('killed at every step of a recovery (roll forward and discard), readers still see a whole run and the next run finishes it', async (t) => {
  const root = tempDir('forecast-sweep-recover-');
  const [outDir, extra] = [join(root, 'out'), join(root, 'dashboard')];
  const s: Scenario = {
    outDir,
    publish: { weeklyScore: join(extra, 'weekly_score.csv') },
    env: {},
    ctx: () => localContext(),
    leftovers: async () => [...localLeftovers(outDir), ...localLeftovers(extra)],
  };
  const r = await sweepRunner(s);
  await r.run(nextWeek());
  await r.run(nextWeek());
  const publish = await recordSteps((hooks) => r.run(nextWeek(), hooks), s.ctx());
  const commit = publish.indexOf('commit the journal') + 1;
  assert.ok(commit > 0);
  const swept: Record<string, number> = {};
  const started = Date.now();
  // Killed at the commit step, the journal still says `staging` (discarded); one step later it is committed (rolled forward).
  for (const [outcome, killAt] of [
    ['discarded', commit],
    ['rolled forward', commit + 1],
  ] as const) {
    for (let m = 1; ; m++) {
      const old = (await readRun(outDir, s.ctx()))!;
      const interrupted = nextWeek();
      assert.equal(await killInProcess((h) => r.run(interrupted, h), s.ctx(), 'publish', killAt), 'killed');
      const recovering = nextWeek();
      const where = `${outcome}, recovery step ${m}`;
      if ((await killInProcess((h) => r.run(recovering, h), s.ctx(), 'recover', m)) === 'finished') {
        const now = await checkAfterRun(s, recovering);
        assert.equal(weeksOf(now).includes(interrupted), outcome === 'rolled forward', `${where}: week ${interrupted}`);
        swept[outcome] = m - 1;
        break;
      }
      assert.equal(await checkOldOrNew(s, old, interrupted, where), outcome === 'rolled forward', `${where}: committed`);
      const next = nextWeek();
      await r.run(next, { liveness: deadHere() });
      const now = await checkAfterRun(s, next);
      assert.equal(weeksOf(now).includes(interrupted), outcome === 'rolled forward', `${where}: week ${interrupted}`);
    }
  }
  assert.ok(swept.discarded >= 3 && swept['rolled forward'] >= 12, JSON.stringify(swept));
  t.diagnostic(`recover: ${swept.discarded} steps of a discard and ${swept['rolled forward']} of a roll forward, each killed, in ${Date.now() - started} ms`);
});
