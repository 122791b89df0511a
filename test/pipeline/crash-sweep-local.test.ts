import { test } from 'node:test';
import { join } from 'node:path';
import { crashSweep, localLeftovers } from '../support/crash-sweep.js';
import { localContext } from '../support/local-context.js';
import { tempDir } from '../support/run-cli.js';

/** The crash sweep on a local out dir, with an extra local destination for weekly_score. */
test('killed at every publish step, a local out dir shows the whole old or new run, and the next run cleans up and succeeds', async (t) => {
  const root = tempDir('forecast-sweep-local-');
  const r = await crashSweep(
    (k) => {
      const [outDir, extra] = [join(root, `out${k}`), join(root, `dashboard${k}`)];
      return {
        outDir,
        publish: { weeklyScore: join(extra, 'weekly_score.csv') },
        env: {},
        ctx: () => localContext(),
        leftovers: async () => [...localLeftovers(outDir), ...localLeftovers(extra)],
      };
    },
    { kill: 'process', chains: 2 },
  );
  t.diagnostic(`local: ${r.kills} kills, one at each of the ${r.steps.length} publish steps, in ${r.ms} ms`);
});
