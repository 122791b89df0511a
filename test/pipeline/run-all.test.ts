import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type PipelineConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { ForecastError } from '../../src/errors.js';
import { localContext } from '../support/local-context.js';
import { tempDir } from '../support/run-cli.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

const demo: PipelineConfig = { ...loadConfig(readFileSync('fixtures/demo/pipeline.json', 'utf8'), 'demo', 'fixtures/demo'), report: false };
const csvRows = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1);

test('run-all writes every output, the manifest last, and re-running a week leaves one weekly_score row', async () => {
  const out = tempDir();
  const run = (runDate: string) => runAll({ config: demo, outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate(runDate), ctx: localContext() });
  const s = await run('2020-05-24');
  for (const f of ['predictions.csv', 'weekly_score.csv', 'feature_ranking.csv', 'removed_features.csv', 'backtest.csv', 'model.json', 'manifest.json']) {
    assert.ok(existsSync(join(out, f)), f);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.equal(manifest.runDate, '2020-05-24');
  assert.equal(manifest.outputs.length, s.outputs.length - 1);
  assert.equal(manifest.inputs.length, 2);
  const forecasts = csvRows(join(out, 'predictions.csv')).filter((l) => l.includes(',forecast,'));
  assert.equal(forecasts.length, 4);
  for (const l of forecasts) {
    const [, , , f, lo, hi] = l.split(',').map(Number);
    assert.ok(lo <= f && f <= hi, l);
  }
  const first = readFileSync(join(out, 'predictions.csv'));
  await run('2020-05-24');
  assert.equal(csvRows(join(out, 'weekly_score.csv')).length, 1, 'same week twice → one row');
  assert.deepEqual(readFileSync(join(out, 'predictions.csv')), first, 'same inputs → same bytes');
  await run('2020-05-31');
  assert.deepEqual(
    csvRows(join(out, 'weekly_score.csv')).map((l) => l.split(',')[0]),
    ['2020-05-24', '2020-05-31'],
  );
});

test('a tiny budget still publishes valid outputs, flagged deadline_hit', async () => {
  const out = tempDir();
  // A clock that advances 1 ms per reading: the run sees the same time pass on any machine, so
  // where the budget bites is deterministic (a full run reads it about 50 times).
  let t = 0;
  const stepClock = () => (t += 1);
  const s = await runAll({ config: demo, outDir: parseFolder(out), deadlineMs: 90, runDate: parseDate('2020-05-24'), ctx: localContext(), now: stepClock });
  assert.equal(s.deadlineHit, true);
  const score = readFileSync(join(out, 'weekly_score.csv'), 'utf8').trim().split('\n');
  const h = score[0].split(',');
  const row = score[1].split(',');
  assert.equal(row[h.indexOf('deadline_hit')], 'true');
  assert.notEqual(row[h.indexOf('skipped')], '');
  assert.equal(csvRows(join(out, 'predictions.csv')).filter((l) => l.includes(',forecast,')).length, 4);
  assert.equal(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).deadlineHit, true);
});

test('an impossible budget exits 4 with nothing written', async () => {
  const out = join(tempDir(), 'never');
  await assert.rejects(
    runAll({
      config: demo,
      outDir: parseFolder(out),
      deadlineMs: 3,
      runDate: parseDate('2020-05-24'),
      ctx: localContext(),
      now: (() => {
        let t = 0;
        return () => (t += 1);
      })(),
    }),
    (e: unknown) => e instanceof ForecastError && e.exitCode === 4 && /deadline/.test(e.message),
  );
  assert.equal(existsSync(out) ? readdirSync(out).length : 0, 0);
});

test('a memory limit below the process size fails clean with exit 4 and nothing written', async () => {
  const out = join(tempDir(), 'never');
  await assert.rejects(
    runAll({ config: { ...demo, maxMemoryBytes: 1024 }, outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: localContext() }),
    (e: unknown) => e instanceof ForecastError && e.exitCode === 4 && /memory limit/.test(e.message),
  );
  assert.equal(existsSync(out), false);
});

test('a run that finds the out dir locked by a live run fails clean (exit 3) and writes nothing; a stale lock is taken over', async () => {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const out = tempDir();
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '.forecast.lock'), JSON.stringify({ owner: 'someone', runDate: '2020-05-24', expiresAt: Date.now() + 60_000 }));
  await assert.rejects(
    runAll({ config: demo, outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: localContext() }),
    (e: unknown) => e instanceof ForecastError && e.exitCode === 3 && e.code === 'cloud.locked' && /another run is publishing/.test(e.message),
  );
  assert.deepEqual(readdirSync(out), ['.forecast.lock']);
  writeFileSync(join(out, '.forecast.lock'), JSON.stringify({ owner: 'someone', runDate: '2020-05-24', expiresAt: Date.now() - 1 }));
  await runAll({ config: demo, outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: localContext() });
  assert.ok(existsSync(join(out, 'manifest.json')));
  assert.equal(existsSync(join(out, '.forecast.lock')), false, 'the lock is released');
});

test('output names cannot escape the out dir', async () => {
  const { SAFE_NAME } = await import('../../src/pipeline/publish-run.js');
  for (const ok of ['predictions.csv', 'report.html', 'features.png']) assert.ok(SAFE_NAME.test(ok), ok);
  for (const bad of ['../x.csv', 'a/b.csv', '.hidden', '..', 'x\\..\\y', '', 'a b.csv']) assert.equal(SAFE_NAME.test(bad), false, bad);
});

test('knownSchema recognises the tables run-all writes, with extra interval levels', async () => {
  const { knownSchema, header } = await import('../../src/pipeline/table-schema.js');
  const { TABLES } = await import('../../src/pipeline/tables.js');
  const s = knownSchema(header(TABLES.predictions, [0.8, 0.95]));
  assert.deepEqual(s?.map((f) => `${f.name}:${f.type}`).slice(-3), ['run_date:DATE', 'lower_95:FLOAT64', 'upper_95:FLOAT64']);
  assert.equal(s?.find((f) => f.name === 'actual')?.type, 'FLOAT64');
  assert.equal(knownSchema(header(TABLES.weeklyScore))?.find((f) => f.name === 'deadline_hit')?.type, 'BOOL');
  assert.equal(knownSchema(['run_date', 'mae']), undefined);
});
