import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { cloudContext } from '../support/cloud-context.js';
import { crashSweep, localLeftovers } from '../support/crash-sweep.js';
import { bqTableRows } from '../support/run-reader.js';
import { tempDir } from '../support/run-cli.js';

/**
 * The crash sweep with BigQuery destinations (a local out dir: a table cannot hold the report or
 * the manifest), against the BigQuery double: weekly_score appended into its run_date partition,
 * predictions overwritten. After each kill a query of each table sees the old or the new run.
 */
let d: CloudDoubles;
before(async () => {
  d = await startCloudDoubles();
  d.bq.ensureDataset('test-project', 'sweep', 'EU');
});
after(() => d.close());

const runDates = (csv: Buffer) =>
  csv
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);

test('killed at every publish step, BigQuery tables show the whole old or new run, and the next run cleans up and succeeds', async (t) => {
  const env = { FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, GOOGLE_CLOUD_PROJECT: 'test-project', FORECAST_RETRY_MAX_DELAY_MS: '20' };
  const ctx = () => cloudContext(env);
  const root = tempDir('forecast-sweep-bq-');
  const r = await crashSweep(
    (k) => {
      const [weekly, predictions] = [`bq://test-project.sweep.weekly_${k}`, `bq://test-project.sweep.predictions_${k}`];
      const outDir = join(root, `out${k}`);
      return {
        outDir,
        publish: { weeklyScore: weekly, predictions },
        env,
        ctx,
        stores: async ({ old, killed, committed }) => {
          // The week's partition: absent (old run) or, once committed, the new week's one row; the other weeks untouched.
          const weeks = (await bqTableRows(weekly, ctx())).map((row) => row.run_date).sort();
          const before = runDates(old.files.get('weekly_score.csv')!).sort();
          const allowed = committed ? [before, [...before, killed].sort()] : [before];
          assert.ok(
            allowed.some((w) => JSON.stringify(w) === JSON.stringify(weeks)),
            `weekly_score has ${weeks.join(' ')}`,
          );
          // The overwritten table: all of one run's rows.
          const rows = await bqTableRows(predictions, ctx());
          const dates = new Set(rows.map((row) => row.run_date));
          assert.ok(dates.size === 1 && (dates.has(old.runDate) || (committed && dates.has(killed))), `predictions has run dates ${[...dates].join(' ')}`);
          assert.equal(rows.length, runDates(old.files.get('predictions.csv')!).length);
        },
        leftovers: async () => [...localLeftovers(outDir), ...[...d.bq.tables.keys()].filter((id) => id.includes(`_${k}__stage_`))],
      };
    },
    { kill: 'in-process', chains: 2 },
  );
  t.diagnostic(`bq: ${r.kills} kills, one at each of the ${r.steps.length} publish steps, in ${r.ms} ms`);
});
