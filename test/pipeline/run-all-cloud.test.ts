import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { writeGcsObject, readGcsObject } from '../../src/io/gcs.js';
import { writeBqTable, openBqRead } from '../../src/io/bigquery.js';
import { loadConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { bqUri, cloudContext, gsUri, readAll } from '../support/cloud-context.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

/**
 * Issue 4's end-to-end check, through the real Storage and BigQuery clients against the local
 * doubles: sources in two buckets (EU trends, US events, gzipped) plus a BigQuery table in an EU
 * dataset; outputs to gs:// and bq://. The same week run twice leaves one weekly_score row.
 */
let d: CloudDoubles;
let env: Record<string, string>;

before(async () => {
  d = await startCloudDoubles();
  env = { FORECAST_GCS_ENDPOINT: d.gcsEndpoint, FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint };
  for (const b of ['trends-eu', 'gdelt-us', 'forecast-out']) d.gcs.ensureBucket(b);
  d.bq.ensureDataset('test-project', 'signals_eu', 'EU');
  d.bq.ensureDataset('test-project', 'dashboard', 'US');
  const ctx = cloudContext(env);
  await writeGcsObject(gsUri('gs://trends-eu/google/trends.csv'), readFileSync('fixtures/google_trends_spain_2019_2020.csv'), ctx, { contentType: 'text/csv' });
  await writeGcsObject(gsUri('gs://gdelt-us/events/gdelt.csv.gz'), gzipSync(readFileSync('fixtures/gdelt_events_synthetic.csv')), ctx, {
    contentType: 'application/gzip',
  });
  const extra =
    [
      'date,paro_registrado_idx',
      ...Array.from({ length: 73 }, (_, i) => {
        const day = new Date(Date.UTC(2019, 0, 6 + 7 * i)).toISOString().slice(0, 10);
        return `${day},${(50 + 10 * Math.sin(i / 5)).toFixed(3)}`;
      }),
    ].join('\n') + '\n';
  await writeBqTable(bqUri('bq://test-project.signals_eu.labour'), extra, ctx, {
    mode: 'overwrite',
    schema: [
      { name: 'date', type: 'DATE' },
      { name: 'paro_registrado_idx', type: 'FLOAT64' },
    ],
  });
});

after(() => d.close());

const config = () =>
  loadConfig(
    JSON.stringify({
      sources: [
        { uri: 'gs://trends-eu/google/trends.csv', format: 'long', key: 'keyword', date: 'date', value: 'trend_index' },
        { uri: 'gs://gdelt-us/events/gdelt.csv.gz', format: 'events', key: 'theme', date: 'Date', value: 'Sentiment', agg: 'count_x_mean', prefix: 'gdelt_' },
        { uri: 'bq://test-project.signals_eu.labour', format: 'wide', location: 'EU' },
      ],
      target: 'desempleo',
      horizon: 4,
      folds: 4,
      report: false,
      outDir: 'gs://forecast-out/weekly',
      publish: { weeklyScore: 'bq://test-project.dashboard.weekly_score', predictions: 'bq://test-project.dashboard.predictions' },
    }),
    'cloud.json',
  );

async function weeklyScoreRunDates(): Promise<string[]> {
  const csv = (await readAll(await openBqRead(bqUri('bq://test-project.dashboard.weekly_score'), cloudContext(env), {}))).toString('utf8');
  const [head, ...rows] = csv.trim().split('\n');
  const i = head.split(',').indexOf('run_date');
  return rows.map((r) => r.split(',')[i]).sort();
}

test('run-all from gs:// (two buckets) and bq:// to gs:// and bq://, idempotent per week', async () => {
  const s = await runAll({ config: config(), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: cloudContext(env) });
  assert.ok(s.outputs.includes('gs://forecast-out/weekly/manifest.json'));
  assert.ok(s.outputs.includes('bq://test-project.dashboard.weekly_score'));
  const manifest = JSON.parse((await readGcsObject(gsUri('gs://forecast-out/weekly/manifest.json'), cloudContext(env)))!.data.toString('utf8'));
  assert.deepEqual(
    manifest.inputs.map((i: { uri: string }) => i.uri),
    ['gs://trends-eu/google/trends.csv', 'gs://gdelt-us/events/gdelt.csv.gz', 'bq://test-project.signals_eu.labour'],
  );
  const merged = (await readGcsObject(gsUri('gs://forecast-out/weekly/merged.csv'), cloudContext(env)))!.data.toString('utf8');
  assert.match(merged.split('\n')[0], /desempleo.*gdelt_HEALTH_PANDEMIC.*paro_registrado_idx/);
  assert.deepEqual(await weeklyScoreRunDates(), ['2020-05-24']);

  await runAll({ config: config(), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: cloudContext(env) });
  assert.deepEqual(await weeklyScoreRunDates(), ['2020-05-24'], 'same week twice → one row in BigQuery');
  const gcsScore = (await readGcsObject(gsUri('gs://forecast-out/weekly/weekly_score.csv'), cloudContext(env)))!.data.toString('utf8');
  assert.equal(gcsScore.trim().split('\n').length, 2, 'same week twice → one row in gs://');

  await runAll({ config: config(), deadlineMs: 60_000, runDate: parseDate('2020-05-31'), ctx: cloudContext(env) });
  assert.deepEqual(await weeklyScoreRunDates(), ['2020-05-24', '2020-05-31']);
});

test('two runs at once on the same gs:// outputs never interleave: each finishes or fails clean with cloud.locked', async () => {
  const cfg = { ...config(), outDir: parseFolder('gs://forecast-out/concurrent'), publish: {} };
  const results = await Promise.allSettled(
    [0, 1].map(() => runAll({ config: cfg, deadlineMs: 60_000, runDate: parseDate('2020-06-07'), ctx: cloudContext(env) })),
  );
  for (const r of results) {
    if (r.status === 'rejected') assert.equal((r.reason as { code?: string }).code, 'cloud.locked', String(r.reason));
  }
  assert.ok(results.some((r) => r.status === 'fulfilled'));
  const score = (await readGcsObject(gsUri('gs://forecast-out/concurrent/weekly_score.csv'), cloudContext(env)))!.data.toString('utf8');
  assert.equal(score.trim().split('\n').length, 2, 'one weekly_score row');
  assert.equal(await readGcsObject(gsUri('gs://forecast-out/concurrent/.forecast.lock'), cloudContext(env)), null, 'lock released');
});
