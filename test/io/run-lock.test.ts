import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { acquireRunLock } from '../../src/io/run-lock.js';
import { cloudContext } from '../support/cloud-context.js';

/**
 * The gs:// out-dir lock is released only while it is still this run's: the delete carries the
 * generation that was read as ours, so a lock another run took over in between is left alone.
 */
let d: CloudDoubles;
before(async () => {
  d = await startCloudDoubles();
  d.gcs.ensureBucket('lock-out');
});
after(() => d.close());

test('release deletes the lock with a generation precondition: a lock taken over meanwhile survives', async () => {
  const ctx = cloudContext({ FORECAST_GCS_ENDPOINT: d.gcsEndpoint });
  const release = await acquireRunLock('gs://lock-out/weekly', ctx, { runDate: '2020-05-24', expiresAt: Date.now() + 60_000 });
  assert.ok(d.gcs.find('lock-out', 'weekly/.forecast.lock'));
  // The delete is held up; meanwhile another run (whose clock says ours expired) takes the lock over.
  d.faults.add({ method: 'DELETE', pathRegex: '\\.forecast\\.lock', mode: 'slow', delayMs: 300, count: 1 });
  const releasing = release();
  await new Promise((r) => setTimeout(r, 100));
  const theirs = Buffer.from(JSON.stringify({ owner: 'another-run', runDate: '2020-05-24', expiresAt: Date.now() + 60_000 }));
  d.gcs.put('lock-out', 'weekly/.forecast.lock', theirs, { contentType: 'application/json' });
  await releasing;
  assert.deepEqual(d.gcs.find('lock-out', 'weekly/.forecast.lock')?.data, theirs, "the other run's lock is still there");
  assert.ok(ctx.lines.some((l) => /could not release the output lock/.test(String(l.message))), 'the failed release was logged');

  const again = await acquireRunLock('gs://lock-out/mine', ctx, { runDate: '2020-05-24', expiresAt: Date.now() + 60_000 });
  await again();
  assert.equal(d.gcs.find('lock-out', 'mine/.forecast.lock'), undefined, 'an untouched lock is released');
});
