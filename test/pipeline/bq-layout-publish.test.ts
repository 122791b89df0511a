import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { loadConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { tempDir } from '../support/run-cli.js';
import { cloudContext } from '../support/cloud-context.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

/**
 * The long tables in BigQuery, through the real client against the double: partitioned by
 * run_date where they have one, clustered by target, idempotent per run_date; and a table an
 * older, one-target version made keeps working, says how to migrate, and migrates.
 */
let d: CloudDoubles;
let env: Record<string, string>;
const TABLES = ['predictions', 'weekly_score', 'backtest', 'feature_ranking', 'removed_features'];

before(async () => {
  d = await startCloudDoubles();
  env = { FORECAST_GCS_ENDPOINT: d.gcsEndpoint, FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint };
  d.bq.ensureDataset('test-project', 'dashboard', 'EU');
  d.bq.ensureDataset('test-project', 'old', 'EU');
});
after(() => d.close());

const config = (dataset: string) => ({
  ...loadConfig(readFileSync('fixtures/demo/pipeline.json', 'utf8'), 'demo', 'fixtures/demo'),
  report: false,
  targets: ['paro', 'sepe'],
  candidates: ['naive', 'theta', 'ridge_ar'],
  publish: {
    predictions: `bq://test-project.${dataset}.predictions`,
    weeklyScore: `bq://test-project.${dataset}.weekly_score`,
    backtest: `bq://test-project.${dataset}.backtest`,
    featureRanking: `bq://test-project.${dataset}.feature_ranking`,
    removedFeatures: `bq://test-project.${dataset}.removed_features`,
  },
});
const table = (dataset: string, name: string) => d.bq.find('test-project', dataset, name)!;
const column = (dataset: string, name: string, col: string) => {
  const t = table(dataset, name);
  const i = t.schema.findIndex((f) => f.name === col);
  return t.rows.map((r) => r[i]);
};
const run = (dataset: string, runDate: string, ctx = cloudContext(env)) =>
  runAll({ config: config(dataset), outDir: parseFolder(tempDir()), deadlineMs: 120_000, runDate: parseDate(runDate), ctx, workers: 2 });

test('new tables: clustered by target, partitioned by run_date where they have one; a week published twice is there once', async () => {
  await run('dashboard', '2020-05-24');
  const layouts = Object.fromEntries(
    TABLES.map((n) => [n, [table('dashboard', n).timePartitioning?.field ?? '-', table('dashboard', n).clustering?.fields.join() ?? '-']]),
  );
  assert.deepEqual(layouts, {
    predictions: ['run_date', 'target'],
    weekly_score: ['run_date', 'target'],
    backtest: ['-', 'target'],
    feature_ranking: ['-', 'target'],
    removed_features: ['-', 'target'],
  });
  assert.deepEqual(column('dashboard', 'weekly_score', 'target'), ['paro', 'sepe']);
  await run('dashboard', '2020-05-24');
  assert.deepEqual(column('dashboard', 'weekly_score', 'run_date'), ['2020-05-24', '2020-05-24'], 'the same week again replaces its partition');
  await run('dashboard', '2020-05-31');
  assert.deepEqual(column('dashboard', 'weekly_score', 'run_date').sort(), ['2020-05-24', '2020-05-24', '2020-05-31', '2020-05-31']);
  assert.deepEqual([...new Set(column('dashboard', 'predictions', 'run_date'))], ['2020-05-31'], 'predictions: the latest run, whole');
  assert.deepEqual([...new Set(column('dashboard', 'predictions', 'target'))], ['paro', 'sepe']);
});

test('a one-target table of an older version keeps working and says how to migrate; migrated, it is clustered', async () => {
  // As the previous version created them: weekly_score partitioned by run_date (with its target column), predictions plain.
  const oldScore = [
    { name: 'run_date', type: 'DATE' },
    { name: 'model', type: 'STRING' },
    { name: 'target', type: 'STRING' },
  ];
  d.bq.seed('test-project', 'old', 'weekly_score', oldScore, [['2020-05-17', 'combo', 'desempleo']], { type: 'DAY', field: 'run_date' });
  d.bq.seed(
    'test-project',
    'old',
    'predictions',
    [
      { name: 'date', type: 'DATE' },
      { name: 'forecast', type: 'FLOAT64' },
      { name: 'run_date', type: 'DATE' },
    ],
    [['2020-05-24', 1, '2020-05-17']],
  );
  const ctx = cloudContext(env);
  await run('old', '2020-05-24', ctx);
  const warned = ctx.lines.filter((l) => /docs\/targets\.md#migrating-a-one-target-bigquery-table/.test(String(l.message))).map((l) => l.table);
  assert.deepEqual(warned.sort(), ['bq://test-project.old.predictions', 'bq://test-project.old.weekly_score']);
  assert.deepEqual(column('old', 'weekly_score', 'run_date'), ['2020-05-17', '2020-05-24', '2020-05-24'], 'the old week is kept, the new one appended');
  assert.equal(table('old', 'weekly_score').clustering, undefined);
  assert.ok(
    table('old', 'predictions').schema.some((f) => f.name === 'target'),
    'an overwrite takes the new columns',
  );

  // The migration docs/targets.md gives: cluster weekly_score (bq update), drop the tables every run rewrites.
  table('old', 'weekly_score').clustering = { fields: ['target'] };
  d.bq.delete('test-project', 'old', 'predictions');
  const again = cloudContext(env);
  await run('old', '2020-05-31', again);
  assert.equal(again.lines.filter((l) => /migrating/.test(String(l.message))).length, 0);
  assert.deepEqual([table('old', 'predictions').timePartitioning?.field, table('old', 'predictions').clustering?.fields], ['run_date', ['target']]);
});
