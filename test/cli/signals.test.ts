import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { checkAfterRun, type Scenario } from '../support/crash-checks.js';
import { localLeftovers, nextWeek, sweepRunner } from '../support/crash-sweep.js';
import { recordSteps } from '../support/in-process-kill.js';
import { localContext } from '../support/local-context.js';
import { readRun } from '../support/run-reader.js';
import { runCli, tempDir, type CliResult } from '../support/run-cli.js';

/**
 * SIGTERM and SIGINT (issue 15, defect 2): what Cloud Run, cron and Ctrl-C send first. A run-all
 * stopped before its commit point discards what it staged, releases the lock and exits 143 or 130
 * (the README's exit codes); one stopped after it completes the publish first. Any other command
 * exits with that code at once. The publish is held at a step by `FORECAST_FAULT_AT=publish:N:pause=MS`.
 */
const root = tempDir('forecast-signals-');
const outDir = join(root, 'out');
const s: Scenario = { outDir, env: {}, ctx: () => localContext(), leftovers: async () => localLeftovers(outDir) };
const setup = (async () => {
  const r = await sweepRunner(s);
  await r.run(nextWeek());
  return { r, steps: await recordSteps((hooks) => r.run(nextWeek(), hooks), s.ctx()) };
})();

/** run-all held at publish step `step`, sent `signal` once it is there. */
function signalAt(configPath: string, runDate: string, step: number, signal: NodeJS.Signals): Promise<CliResult> {
  const at = `"phase":"publish","step":${step},`;
  return runCli(['run-all', '--config', configPath, '--out-dir', outDir, '--run-date', runDate, '--log-level', 'debug', '--log-format', 'json'], {
    env: { FORECAST_FAULT_AT: `publish:${step}:pause=20000` },
    timeoutMs: 30_000,
    onSpawn: (child: ChildProcess) => {
      let seen = '';
      const watch = (c: Buffer) => {
        seen += c.toString('utf8');
        if (!seen.includes(at)) return;
        child.stderr!.off('data', watch);
        child.kill(signal);
      };
      child.stderr!.on('data', watch);
    },
  });
}

for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const) {
  test(`${signal} while staging: exit ${code} at once, nothing published, staged files, lock and journal removed`, async () => {
    const { r } = await setup;
    const old = (await readRun(outDir, s.ctx()))!;
    const week = nextWeek();
    const got = await signalAt(r.configPath, week, 3, signal);
    assert.equal(got.code, code, got.stderr.slice(-2000));
    assert.ok(got.ms < 15_000, `stopped after ${got.ms} ms, not at once`);
    assert.match(got.stderr, new RegExp(`stopped by ${signal}: nothing was published`));
    assert.equal((await readRun(outDir, s.ctx()))!.txid, old.txid, 'the old run, as it was');
    assert.deepEqual(localLeftovers(outDir), []);
    assert.deepEqual(
      readdirSync(join(outDir, 'runs')).filter((id) => id.startsWith(week)),
      [],
      'the staged run folder is gone',
    );
    const next = nextWeek();
    await r.run(next);
    await checkAfterRun(s, next);
  });
}

test('SIGTERM after the commit point: the publish is completed, then the run exits 0 with the new run in place', async () => {
  const { r, steps } = await setup;
  const apply = steps.findIndex((w) => w.startsWith('apply ')) + 1;
  assert.ok(apply > steps.indexOf('commit the journal') + 1);
  const week = nextWeek();
  const got = await signalAt(r.configPath, week, apply, 'SIGTERM');
  assert.equal(got.code, 0, got.stderr.slice(-2000));
  assert.match(got.stderr, /SIGTERM arrived after the commit point/);
  await checkAfterRun(s, week);
});

test('SIGTERM to a command that does not publish: exit 143 at once, no file or temp written', async () => {
  const dir = tempDir('forecast-signals-merge-');
  const to = join(dir, 'merged.csv');
  // The signal must come after the handlers are installed (the bundle has loaded): waited for, longer on a slow machine.
  for (const waitMs of [1000, 3000, 8000]) {
    const got = await runCli(['merge', '--source', '-?format=long&key=keyword&value=v', '--to', to], {
      stdin: 'open',
      timeoutMs: 30_000,
      onSpawn: (child) => {
        child.stdin!.write('date,keyword,v\n2020-01-05,a,1\n');
        setTimeout(() => child.kill('SIGTERM'), waitMs);
      },
    });
    if (got.signal === 'SIGTERM') continue;
    assert.equal(got.code, 143, got.stderr);
    assert.equal(existsSync(to), false);
    assert.deepEqual(readdirSync(dir), []);
    return;
  }
  assert.fail('the process never got as far as installing its signal handlers');
});
