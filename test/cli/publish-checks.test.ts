import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { sweepConfig } from '../support/crash-sweep.js';
import { runCli } from '../support/run-cli.js';
import { doublesEnv } from '../support/cloud-context.js';

/**
 * Issue 15, defect 1: everything is checked before the first write. A run date BigQuery cannot
 * hold used to exit 2 only after the out dir's files had been replaced in gs://.
 */
let d: CloudDoubles;
let env: Record<string, string>;
before(async () => {
  d = await startCloudDoubles();
  env = doublesEnv(d);
  d.gcs.ensureBucket('checked-out');
  d.bq.ensureDataset('test-project', 'dash', 'EU');
});
after(() => d.close());

const cases: { runDate: string; message: RegExp }[] = [
  { runDate: '9999-12-31', message: /run date '9999-12-31' falls in the period ending 10000-01-02, past 9999-12-31/ },
  { runDate: '0000-01-01', message: /run date '0000-01-01' is outside the dates 0001-01-01 … 9999-12-31/ },
];

for (const c of cases) {
  test(`--run-date ${c.runDate}: exit 2 before any write to gs:// or BigQuery`, async () => {
    const config = sweepConfig({ weeklyScore: 'bq://test-project.dash.weekly_score' });
    const r = await runCli(['run-all', '--config', config, '--out-dir', 'gs://checked-out/weekly', '--run-date', c.runDate], { env, timeoutMs: 30_000 });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, c.message);
    assert.deepEqual(
      d.gcs.list('checked-out', {}).items.map((o) => o.name),
      [],
    );
    assert.deepEqual([...d.bq.tables.keys()], []);
  });
}
