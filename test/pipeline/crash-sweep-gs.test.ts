import { after, before, test } from 'node:test';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { cloudContext } from '../support/cloud-context.js';
import { crashSweep } from '../support/crash-sweep.js';

/** The crash sweep on a gs:// out dir, with an extra gs:// destination for weekly_score, against the Storage double. */
let d: CloudDoubles;
before(async () => {
  d = await startCloudDoubles();
  d.gcs.ensureBucket('sweep-out');
  d.gcs.ensureBucket('sweep-dash');
});
after(() => d.close());

test('killed at every publish step, a gs:// out dir shows the whole old or new run, and the next run cleans up and succeeds', async (t) => {
  const env = { FORECAST_GCS_ENDPOINT: d.gcsEndpoint, GOOGLE_CLOUD_PROJECT: 'test-project', FORECAST_RETRY_MAX_DELAY_MS: '20' };
  const r = await crashSweep(
    (k) => ({
      outDir: `gs://sweep-out/chain${k}`,
      publish: { weeklyScore: `gs://sweep-dash/chain${k}/weekly_score.csv` },
      env,
      ctx: () => cloudContext(env),
      leftovers: async () => {
        const names = (bucket: string) => d.gcs.list(bucket, { prefix: `chain${k}/` }).items.map((o) => o.name);
        const runs = new Set(
          names('sweep-out')
            .filter((n) => n.startsWith(`chain${k}/runs/`))
            .map((n) => n.split('/')[2]),
        );
        return [
          ...[...names('sweep-out'), ...names('sweep-dash')].filter((n) => /\/\.[^/]*\.tmp$|\/\.forecast-journal\.json$|\/\.forecast\.lock$/.test(n)),
          ...(runs.size > 2 ? [`${runs.size} run folders`] : []),
        ];
      },
    }),
    { kill: 'in-process', chains: 2 },
  );
  t.diagnostic(`gs: ${r.kills} kills, one at each of the ${r.steps.length} publish steps, in ${r.ms} ms`);
});
