import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shardsLocal } from '../../src/dev/shards-local.js';

/**
 * The local proof of a sharded run: shard processes of the real bin against the Storage and
 * BigQuery doubles, one killed in the middle of its training and run again, then a finished
 * shard run again: every table published (out dir on gs:// and BigQuery) equals the single
 * process's, row for row. Targets by shard of 3 (shard-spec.ts): paro, erte, netflix, amazon → 0;
 * desempleo, sepe, zoom, yoga → 2; none → 1.
 */
test('three shard processes, one killed midway and run again, publish what one process publishes', async () => {
  const r = await shardsLocal({
    config: 'fixtures/demo/pipeline.json',
    target: 'desempleo,paro,sepe,erte,zoom,yoga,netflix,amazon',
    shards: 3,
    runDate: '2020-05-24',
    kill: 2,
    repeat: true,
  });
  assert.ok(
    r.equal,
    r.checks
      .filter((c) => !c.equal)
      .map((c) => `${c.what}: ${c.firstDiff}`)
      .join('\n'),
  );
  assert.equal(r.checks.length, 13);
  const [s0, s1, killed, rerun, repeat] = r.shards;
  assert.deepEqual([s0.summary?.targets, s1.summary?.targets, killed.signal], [4, 0, 'SIGKILL']);
  assert.deepEqual([s0.summary?.gather, s1.summary?.gather], ['waiting', 'waiting'], 'nothing is published while a shard is missing');
  assert.deepEqual([rerun.code, rerun.summary?.gather], [0, 'published'], 'the shard run again is the last, and gathers');
  assert.deepEqual([repeat.code, repeat.summary?.gather], [0, 'already'], 'a finished shard run again changes nothing');
});
