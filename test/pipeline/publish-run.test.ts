import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { loadConfig, type PipelineConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { cloudContext } from '../support/cloud-context.js';
import { localContext } from '../support/local-context.js';
import { bqTableRows, readRun, topLevelDiffers } from '../support/run-reader.js';
import { tempDir } from '../support/run-cli.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

/**
 * Issue 15, defects 1 and 4: a publish is one transaction, and the manifest tells the truth.
 * A small run (one source, the naive model) keeps these fast.
 */
const config = (o: Record<string, unknown> = {}): PipelineConfig =>
  loadConfig(
    JSON.stringify({
      sources: [{ uri: 'fixtures/google_trends_spain_2019_2020.csv', format: 'long', key: 'keyword', date: 'date', value: 'trend_index' }],
      target: 'desempleo',
      horizon: 4,
      folds: 2,
      candidates: ['naive'],
      report: false,
      end: '2020-05-24',
      ...o,
    }),
    'publish-test.json',
  );
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('local out dir', () => {
  test('every checksum in the manifest is of the bytes written, weekly_score.csv (appended) included, run after run', async () => {
    const out = tempDir();
    for (const runDate of ['2020-05-17', '2020-05-24']) {
      await runAll({ config: config(), outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate(runDate), ctx: localContext() });
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { uri: string; sha256: string }[] };
      for (const o of manifest.outputs) assert.equal(o.sha256, sha(readFileSync(o.uri)), `${o.uri} after the run of ${runDate}`);
      const run = (await readRun(out, localContext()))!;
      assert.equal(run.runDate, runDate);
      assert.deepEqual(await topLevelDiffers(out, run, localContext()), []);
    }
    assert.equal(readFileSync(join(out, 'weekly_score.csv'), 'utf8').trim().split('\n').length, 3, 'two weeks appended');
  });

  test('--no-report after a run with a report leaves no report.html or chart beside the new manifest', async () => {
    const out = tempDir();
    await runAll({ config: config({ report: true }), outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate('2020-05-17'), ctx: localContext() });
    assert.ok(existsSync(join(out, 'report.html')));
    await runAll({ config: config(), outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: localContext() });
    const left = readdirSync(out).filter((f) => f === 'report.html' || f.endsWith('.png'));
    assert.deepEqual(left, []);
    const run = (await readRun(out, localContext()))!;
    assert.deepEqual(
      [...run.files.keys()].filter((f) => f === 'report.html' || f.endsWith('.png')),
      [],
    );
  });

  test('temps a killed run left (half-written files, a journal temp, a lock temp, one beside an extra target) are removed by the next run', async () => {
    const out = tempDir();
    const dash = join(tempDir(), 'dash');
    mkdirSync(dash, { recursive: true });
    const temps = [
      '.predictions.csv.0a1b2c3d4e5f.tmp',
      '.forecast-journal.json.00aa11bb22cc.tmp',
      '.forecast.lock.1234567890abcdef.tmp',
      '.manifest.json.ffeeddccbbaa.tmp',
    ];
    for (const t of temps) writeFileSync(join(out, t), 'partial');
    // Beside an extra destination only that file's temps are the run's to remove.
    writeFileSync(join(dash, '.weekly_score.csv.0a1b2c3d4e5f.tmp'), 'partial');
    writeFileSync(join(dash, '.someone-else.csv.0a1b2c3d4e5f.tmp'), 'not ours');
    await runAll({
      config: config({ publish: { weeklyScore: join(dash, 'weekly_score.csv') } }),
      outDir: parseFolder(out),
      deadlineMs: 60_000,
      runDate: parseDate('2020-05-24'),
      ctx: localContext(),
    });
    assert.deepEqual(
      readdirSync(out).filter((f) => f.endsWith('.tmp')),
      [],
    );
    assert.deepEqual(readdirSync(dash).sort(), ['.someone-else.csv.0a1b2c3d4e5f.tmp', 'weekly_score.csv']);
    assert.equal((await readRun(out, localContext()))!.runDate, '2020-05-24');
  });
});

describe('gs:// out dir with BigQuery destinations', () => {
  let d: CloudDoubles;
  let env: Record<string, string>;
  before(async () => {
    d = await startCloudDoubles();
    env = { FORECAST_GCS_ENDPOINT: d.gcsEndpoint, FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint };
    d.gcs.ensureBucket('fc-out');
    d.bq.ensureDataset('test-project', 'dash', 'EU');
  });
  after(() => d.close());
  const ctx = () => cloudContext(env);
  const cloudConfig = (dir: string) =>
    config({
      outDir: `gs://fc-out/${dir}`,
      publish: { weeklyScore: `bq://test-project.dash.${dir}_weekly`, predictions: `bq://test-project.dash.${dir}_predictions` },
    });
  const run = (dir: string, runDate: string) => runAll({ config: cloudConfig(dir), deadlineMs: 60_000, runDate: parseDate(runDate), ctx: ctx() });
  const objects = (prefix: string) =>
    d.gcs
      .list('fc-out', { prefix })
      .items.map((o) => `${o.name}#${o.generation}`)
      .sort();

  test('a persistent 503 on the manifest: readers still see the whole old run; the next run completes the new one first', async () => {
    await run('m503', '2020-05-17');
    const old = (await readRun('gs://fc-out/m503', ctx()))!;
    d.faults.add({ method: 'POST', pathRegex: 'name=m503%2Fmanifest\\.json', status: 503, count: 1000 });
    await assert.rejects(run('m503', '2020-05-24'), (e: { code?: string; exitCode?: number }) => e.exitCode === 3);
    d.faults.clear();
    const seen = (await readRun('gs://fc-out/m503', ctx()))!;
    assert.equal(seen.runDate, '2020-05-17');
    assert.deepEqual(seen.files, old.files, 'the whole old run, byte for byte');
    assert.deepEqual(
      (await bqTableRows('bq://test-project.dash.m503_weekly', ctx())).map((r) => r.run_date).sort(),
      ['2020-05-17', '2020-05-24'],
      'BigQuery has the new week: the manifest is the last step',
    );
    assert.ok(d.gcs.find('fc-out', 'm503/.forecast-journal.json'), 'the committed journal waits for the next run');
    await run('m503', '2020-05-31');
    const now = (await readRun('gs://fc-out/m503', ctx()))!;
    assert.equal(now.runDate, '2020-05-31');
    assert.deepEqual(await topLevelDiffers('gs://fc-out/m503', now, ctx()), []);
    const weeks = now.files
      .get('weekly_score.csv')!
      .toString()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    assert.deepEqual(weeks, ['2020-05-17', '2020-05-24', '2020-05-31'], 'the interrupted week was completed, not lost');
    assert.equal(d.gcs.find('fc-out', 'm503/.forecast-journal.json'), undefined);
  });

  test('a target that cannot take the rows fails before the first write: nothing changes anywhere', async () => {
    await run('early', '2020-05-17');
    // The weekly table is replaced by one that is not partitioned: an append cannot go into it.
    d.bq.delete('test-project', 'dash', 'early_weekly');
    d.bq.seed('test-project', 'dash', 'early_weekly', [{ name: 'run_date', type: 'DATE' }], [['2020-05-17']]);
    const before = objects('early/');
    const predictions = await bqTableRows('bq://test-project.dash.early_predictions', ctx());
    await assert.rejects(run('early', '2020-05-24'), (e: { code?: string }) => e.code === 'input.not_partitioned');
    assert.deepEqual(objects('early/'), before, 'no object written, replaced or left behind');
    assert.deepEqual(await bqTableRows('bq://test-project.dash.early_predictions', ctx()), predictions);
    assert.deepEqual(
      [...d.bq.tables.keys()].filter((k) => k.includes('__stage_')),
      [],
      'no staging table',
    );
  });

  test('a failure while staging removes what was staged: the out dir and the tables are as before', async () => {
    await run('stagefail', '2020-05-17');
    const before = objects('stagefail/');
    d.faults.add({ method: 'POST', pathRegex: '/upload/bigquery/v2/.*', mode: 'jobError', reason: 'backendError', count: 10 });
    await assert.rejects(run('stagefail', '2020-05-24'), (e: { exitCode?: number }) => e.exitCode === 3);
    d.faults.clear();
    assert.deepEqual(objects('stagefail/'), before);
    assert.deepEqual(
      [...d.bq.tables.keys()].filter((k) => k.includes('__stage_')),
      [],
    );
    assert.deepEqual(
      (await bqTableRows('bq://test-project.dash.stagefail_weekly', ctx())).map((r) => r.run_date),
      ['2020-05-17'],
    );
  });
});
