import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShard, shardName, shardOf, shardOfTask, shardTargets } from '../../src/pipeline/shard-spec.js';
import { parseSettings } from '../../src/settings.js';

const shardFromEnv = (env: Record<string, string>) => shardOfTask(parseSettings(env).cloudRunTask);

test('--shard I/N: 0 <= I < N <= 10000; anything else is exit 2 naming it', () => {
  assert.deepEqual(parseShard('3/8'), { index: 3, count: 8 });
  assert.deepEqual(parseShard(' 0 / 1 '), { index: 0, count: 1 });
  for (const bad of ['8/8', '1/0', '-1/4', '1', 'a/b', '1/10001', '']) {
    assert.throws(
      () => parseShard(bad),
      (e: Error & { exitCode?: number }) => e.exitCode === 2 && e.message.includes(`'${bad}'`),
      bad,
    );
  }
});

test('a Cloud Run job task is a shard when both CLOUD_RUN_TASK_INDEX and CLOUD_RUN_TASK_COUNT are set', () => {
  assert.deepEqual(shardFromEnv({ CLOUD_RUN_TASK_INDEX: '2', CLOUD_RUN_TASK_COUNT: '4' }), { index: 2, count: 4 });
  assert.equal(shardFromEnv({ CLOUD_RUN_TASK_INDEX: '2' }), undefined);
  assert.equal(shardFromEnv({}), undefined);
  assert.throws(() => shardFromEnv({ CLOUD_RUN_TASK_INDEX: '4', CLOUD_RUN_TASK_COUNT: '4' }), /CLOUD_RUN_TASK_INDEX\/CLOUD_RUN_TASK_COUNT '4\/4'/);
});

test("a target's shard is the first 4 bytes of SHA-256 of its name mod N (values from `printf %s NAME | sha256sum`)", () => {
  // desempleo 90e31392 = 2430800786; paro 0420c600 = 69256704; sepe 2c783ea3 = 746077859;
  // 'banco alimentos' c2b31d9c = 3266518428; gdelt_ECON 6bed7d0f = 1810726159.
  const cases: [string, number, number, number][] = [
    ['desempleo', 0, 2, 2],
    ['paro', 0, 0, 0],
    ['sepe', 1, 2, 3],
    ['banco alimentos', 0, 0, 4],
    ['gdelt_ECON', 1, 1, 7],
  ];
  for (const [name, of2, of3, of8] of cases) assert.deepEqual([shardOf(name, 2), shardOf(name, 3), shardOf(name, 8)], [of2, of3, of8], name);
  const all = cases.map((c) => c[0]);
  const shards = [0, 1, 2].map((index) => shardTargets(all, { index, count: 3 }));
  assert.deepEqual(shards, [['paro', 'banco alimentos'], ['gdelt_ECON'], ['desempleo', 'sepe']]);
  assert.deepEqual(shards.flat().sort(), [...all].sort(), 'every target in exactly one shard');
  assert.equal(shardName({ index: 3, count: 8 }), 'shard-3-of-8');
});
