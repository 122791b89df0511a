import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type PipelineConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { runShard } from '../../src/pipeline/run-shard.js';
import { gather } from '../../src/pipeline/gather.js';
import { openRun } from '../../src/pipeline/run-stages.js';
import { cloudContext } from '../support/cloud-context.js';
import { tempDir } from '../support/run-cli.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

const config: PipelineConfig = {
  ...loadConfig(readFileSync('fixtures/demo/pipeline.json', 'utf8'), 'demo', 'fixtures/demo'),
  report: false,
  targets: ['desempleo', 'paro', 'sepe', 'erte', 'zoom', 'yoga'],
  candidates: ['naive', 'theta', 'ridge_ar'],
};
const base = { deadlineMs: 300_000, runDate: parseDate('2020-05-24'), workers: 1 };
const shard = (outDir: string, index: number, count: number, c = config, ctx = cloudContext({})) =>
  runShard({ ...base, config: c, outDir: parseFolder(outDir), ctx, shard: { index, count }, gather: true });
const TABLES = ['predictions.csv', 'backtest.csv', 'feature_ranking.csv', 'removed_features.csv', 'scores.csv', 'model.json', 'merged.csv'];
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const withoutElapsed = (csv: string) => {
  const rows = csv
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const i = rows[0].indexOf('elapsed_ms');
  return rows.map((r) => r.filter((_, j) => j !== i).join(','));
};

test("three shards at once: the sources merged once, the last one gathers, the tables are a single process's", async () => {
  const out = tempDir();
  const ctxs = [0, 1, 2].map(() => cloudContext({}));
  const done = await Promise.all([0, 1, 2].map((i) => shard(out, i, 3, config, ctxs[i])));
  const merges = ctxs.flatMap((c) => c.lines).filter((l) => l.message === 'merged table written for the shards');
  assert.equal(merges.length, 1, 'one shard merged the sources; the others read its table');
  assert.deepEqual(
    done.map((s) => s.targets).reduce((a, b) => a + b),
    6,
  );
  assert.equal(done.filter((s) => s.gather === 'published').length, 1, done.map((s) => s.gather).join());

  const single = tempDir();
  await runAll({ ...base, config, outDir: parseFolder(single), ctx: cloudContext({}) });
  for (const f of TABLES) assert.equal(read(out, f), read(single, f), f);
  assert.deepEqual(withoutElapsed(read(out, 'weekly_score.csv')), withoutElapsed(read(single, 'weekly_score.csv')));
  const manifest = JSON.parse(read(out, 'manifest.json'));
  assert.equal(manifest.shards, 3);
  assert.deepEqual(manifest.targets, ['desempleo', 'erte', 'paro', 'sepe', 'yoga', 'zoom']);
});

test('a shard run again with the same results is not gathered twice; a shard missing or of another config is named', async () => {
  const out = tempDir();
  assert.equal((await shard(out, 0, 2)).gather, 'waiting');
  const manual = openRun({ ...base, config, outDir: parseFolder(out), ctx: cloudContext({}) }, { start() {}, tick() {}, done() {} });
  await assert.rejects(
    gather(manual, { auto: false }),
    (e: Error & { code?: string }) => e.code === 'input.shards_missing' && /shards 1 of 2 have not finished/.test(e.message),
  );
  assert.equal((await shard(out, 1, 2)).gather, 'published');
  const rows = () => read(out, 'weekly_score.csv').trim().split('\n').length - 1;
  assert.equal(rows(), 6);
  assert.equal((await shard(out, 1, 2)).gather, 'already', 'the same results: nothing to publish');
  assert.equal((await gather(manual, { auto: false })).status, 'published', 'by hand it publishes again');
  assert.equal(rows(), 6, 'publishing the run date again replaces its rows');
  const other = { ...config, horizon: 2 };
  await shard(out, 0, 2, other);
  await assert.rejects(
    gather(manual, { auto: false }),
    (e: Error & { code?: string }) => e.code === 'input.bad_shard' && /shard 0\/2 was run with another config/.test(e.message),
  );
});
