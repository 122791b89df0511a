import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const run = ['--config', 'fixtures/demo/pipeline.json', '--target', 'paro,sepe', '--run-date', '2020-05-24'];

test('prepare merges once; a Cloud Run task is a shard by its environment; gather by hand publishes; a missing shard is named', async () => {
  const out = tempDir();
  const p = await runCli(['prepare', ...run, '--out-dir', out]);
  assert.equal(p.code, 0, p.stderr);
  assert.deepEqual((({ built, rows, columns }) => ({ built, rows, columns }))(JSON.parse(p.stdout)), { built: true, rows: 73, columns: 86 });
  assert.ok(existsSync(join(out, 'shards/2020-05-24/merged.frame')));
  assert.equal(JSON.parse((await runCli(['prepare', ...run, '--out-dir', out])).stdout).built, false, 'there already');

  const g0 = await runCli(['gather', ...run, '--out-dir', out, '--shards', '2']);
  assert.equal(g0.code, 2);
  assert.match(g0.stderr, /\[input\.shards_missing\] .*shards 0, 1 of 2 have not finished/);

  // paro → shard 0 of 2, sepe → shard 1 (shard-spec.test.ts)
  const env = { CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '2' };
  const s0 = await runCli(['run-all', ...run, '--out-dir', out, '--no-report', '--no-gather'], { env });
  assert.equal(s0.code, 0, s0.stderr);
  assert.deepEqual((({ shard, targets, gather }) => ({ shard, targets, gather }))(JSON.parse(s0.stdout)), { shard: '0/2', targets: 1, gather: 'off' });
  const s1 = await runCli(['run-all', ...run, '--out-dir', out, '--no-report', '--shard', '1/2', '--no-gather']);
  assert.equal(JSON.parse(s1.stdout).gather, 'off');
  assert.equal(existsSync(join(out, 'manifest.json')), false, 'nothing published yet');
  const g = await runCli(['gather', ...run, '--out-dir', out, '--no-report']);
  assert.equal(g.code, 0, g.stderr);
  assert.equal(JSON.parse(g.stdout).status, 'published');
  assert.ok(existsSync(join(out, 'manifest.json')));
});
