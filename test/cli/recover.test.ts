import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { checkAfterRun, type Scenario } from '../support/crash-checks.js';
import { localLeftovers, nextWeek, sweepRunner } from '../support/crash-sweep.js';
import { recordSteps } from '../support/in-process-kill.js';
import { cloudContext } from '../support/cloud-context.js';
import { localContext } from '../support/local-context.js';
import { readRun } from '../support/run-reader.js';
import { runCli, tempDir } from '../support/run-cli.js';

/**
 * `forecast recover --out-dir …` (issue 15): what every run does first, on its own. A run killed
 * after its commit point is completed, one killed before it is discarded; the out dir then shows
 * a whole run and holds no journal, lock or temp.
 */
let d: CloudDoubles;
before(async () => {
  d = await startCloudDoubles();
  d.gcs.ensureBucket('recover-out');
});
after(() => d.close());

/** A scenario with two runs done, and the numbers of its publish's commit and first apply steps. */
async function prepared(s: Scenario) {
  const r = await sweepRunner(s);
  await r.run(nextWeek());
  const steps = await recordSteps((hooks) => r.run(nextWeek(), hooks), s.ctx());
  const commit = steps.indexOf('commit the journal') + 1;
  return { r, commit, apply: commit + 1 };
}

async function killAt(s: Scenario, configPath: string, runDate: string, step: number): Promise<void> {
  const got = await runCli(['run-all', '--config', configPath, '--out-dir', s.outDir, '--run-date', runDate, '--log-level', 'error'], {
    env: { ...s.env, FORECAST_FAULT_AT: `publish:${step}` },
    timeoutMs: 30_000,
  });
  assert.equal(got.signal, 'SIGKILL', got.stderr);
}

async function recover(s: Scenario): Promise<{ journal: string; runId?: string; tempsRemoved: string[] }> {
  const got = await runCli(['recover', '--out-dir', s.outDir], { env: s.env, timeoutMs: 30_000 });
  assert.equal(got.code, 0, got.stderr);
  return JSON.parse(got.stdout) as { journal: string; runId?: string; tempsRemoved: string[] };
}

test('nothing to recover: exit 0, and it says so', async () => {
  const s: Scenario = { outDir: tempDir(), env: {}, ctx: () => localContext(), leftovers: async () => [] };
  assert.deepEqual(await recover(s), { outDir: s.outDir, journal: 'none', tempsRemoved: [] });
});

test('local: a run killed after its commit is completed, one killed before it is discarded', async () => {
  const outDir = join(tempDir(), 'out');
  const s: Scenario = { outDir, env: {}, ctx: () => localContext(), leftovers: async () => localLeftovers(outDir) };
  const { r, commit, apply } = await prepared(s);
  const committed = nextWeek();
  await killAt(s, r.configPath, committed, apply);
  const forward = await recover(s);
  assert.equal(forward.journal, 'rolled-forward');
  assert.ok(forward.runId?.startsWith(committed));
  await checkAfterRun(s, committed);

  const old = (await readRun(outDir, s.ctx()))!;
  await killAt(s, r.configPath, nextWeek(), commit);
  writeFileSync(join(outDir, '.predictions.csv.0a1b2c3d4e5f.tmp'), 'half');
  const back = await recover(s);
  assert.equal(back.journal, 'discarded');
  assert.deepEqual(back.tempsRemoved, [join(outDir, '.predictions.csv.0a1b2c3d4e5f.tmp')]);
  assert.equal((await checkAfterRun(s, committed)).txid, old.txid);
});

test('gs://: a run killed after its commit is completed', async () => {
  const env = { FORECAST_GCS_ENDPOINT: d.gcsEndpoint, GOOGLE_CLOUD_PROJECT: 'test-project', FORECAST_RETRY_MAX_DELAY_MS: '20' };
  const s: Scenario = {
    outDir: 'gs://recover-out/weekly',
    env,
    ctx: () => cloudContext(env),
    leftovers: async () => d.gcs.list('recover-out', { prefix: 'weekly/.' }).items.map((o) => o.name),
  };
  const { r, apply } = await prepared(s);
  const week = nextWeek();
  await killAt(s, r.configPath, week, apply);
  assert.ok(d.gcs.find('recover-out', 'weekly/.forecast-journal.json'));
  assert.equal((await recover(s)).journal, 'rolled-forward');
  await checkAfterRun(s, week);
});

test('a journal that is not one: exit 2 naming it, and nothing is touched', async () => {
  const outDir = tempDir();
  writeFileSync(join(outDir, '.forecast-journal.json'), '{"format":');
  const got = await runCli(['recover', '--out-dir', outDir]);
  assert.equal(got.code, 2);
  assert.match(got.stderr, /\.forecast-journal\.json: not valid JSON .*remove it to give that publish up/);
  assert.deepEqual(localLeftovers(outDir), ['.forecast-journal.json']);
});
