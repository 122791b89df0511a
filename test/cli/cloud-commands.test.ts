import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { runCli } from '../support/run-cli.js';
import { doublesEnv } from '../support/cloud-context.js';

/**
 * The real bin against the local doubles (as with `npm run cloud:local`): BigQuery events
 * aggregated by push-down (and its SQL shown by --dry-run), parameterised extracts, and
 * publish to gs:// and bq://.
 */
let d: CloudDoubles;
let env: Record<string, string>;

before(async () => {
  d = await startCloudDoubles();
  env = doublesEnv(d);
  d.gcs.ensureBucket('dash');
  d.bq.ensureDataset('test-project', 'dashboard');
  // theme T: 2 events in the week ending 2020-01-05 (tones 1, 3), 1 in the next (tone 5); U: one event
  d.bq.seed(
    'test-project',
    'gdelt',
    'events',
    [
      { name: 'theme', type: 'STRING' },
      { name: 'Date', type: 'DATE' },
      { name: 'Sentiment', type: 'FLOAT64' },
    ],
    [
      ['T', '2019-12-30', 1],
      ['T', '2020-01-05', 3],
      ['T', '2020-01-06', 5],
      ['U', '2020-01-01', -2],
    ],
  );
});

after(() => d.close());

test('merge --dry-run shows the push-down SQL and bytes, without running it', async () => {
  const r = await runCli(['merge', '--source', 'bq://test-project.gdelt.events?format=events&agg=count_x_mean&value=Sentiment', '--dry-run'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /aggregated in BigQuery \(push-down\); \d+ bytes processed/);
  assert.match(r.stdout, /GROUP BY/i);
  assert.match(r.stdout, /`test-project\.gdelt\.events`/);
});

test('merge aggregates a BigQuery events table inside BigQuery (hand-computed)', async () => {
  const r = await runCli(['merge', '--source', 'bq://test-project.gdelt.events?format=events&agg=count_x_mean&value=Sentiment&prefix=g_'], { env });
  assert.equal(r.code, 0, r.stderr);
  // week ending 2020-01-05: T count 2 × mean 2 = 4, U 1 × -2 = -2; week ending 2020-01-12: T 1 × 5 = 5, U no events → 0
  assert.equal(r.stdout, 'date,g_T,g_U\n2020-01-05,4,-2\n2020-01-12,5,0\n');
});

test('extract --query with named parameters, then publish to gs:// and bq:// (append, idempotent)', async () => {
  const q = await runCli(
    ['extract', '--query', 'SELECT theme, Sentiment FROM `test-project.gdelt.events` WHERE Sentiment > @min ORDER BY Sentiment', '--param', 'min=0'],
    { env },
  );
  assert.equal(q.code, 0, q.stderr);
  assert.equal(q.stdout, 'theme,Sentiment\nT,1\nT,3\nT,5\n');
  const score = 'run_date,model,mae\n2020-05-24,naive,1.5\n';
  for (const to of ['gs://dash/weekly_score.csv', 'bq://test-project.dashboard.weekly_score']) {
    for (let i = 0; i < 2; i++) {
      const p = await runCli(['publish', '--to', to, '--mode', 'append'], { env, stdin: score });
      assert.equal(p.code, 0, `${to}: ${p.stderr}`);
    }
    const back = await runCli(['extract', '--from', to], { env });
    assert.equal(back.code, 0, back.stderr);
    assert.equal(back.stdout.trim().split('\n').length, 2, `${to} holds one row after two identical appends`);
  }
});

test('a persistent cloud failure is exit 3 naming the service and operation', async () => {
  await fetch(`${d.gcsEndpoint}/_faults`, { method: 'POST', body: JSON.stringify({ status: 503, count: 1000 }) });
  const r = await runCli(['extract', '--from', 'gs://dash/weekly_score.csv'], { env: { ...env, FORECAST_MAX_RETRIES: '2' } });
  await fetch(`${d.gcsEndpoint}/_faults`, { method: 'DELETE' });
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /Cloud Storage .*gs:\/\/dash\/weekly_score\.csv.*503/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('a missing dataset or bucket is a configuration error (exit 2) naming it, not retried as an outage', async () => {
  const cases: [string, RegExp][] = [
    ['bq://test-project.nosuchdataset.t', /BigQuery .*test-project.*nosuchdataset.*404/],
    ['gs://no-such-bucket/x.csv', /Cloud Storage .*gs:\/\/no-such-bucket\/x\.csv.*404/],
  ];
  for (const [to, re] of cases) {
    const r = await runCli(['publish', '--to', to], { env, stdin: 'run_date,x\n2020-05-24,1\n' });
    assert.equal(r.code, 2, `${to}: ${r.stderr}`);
    assert.match(r.stderr, re);
  }
});

test('secrets in URI query strings are redacted in every message and log line (--from, publish --to)', async () => {
  const cases: { args: string[]; stdin?: string; code: number; re: RegExp; faults?: object }[] = [
    {
      args: ['extract', '--from', 'gs://dash/missing.csv?access_token=ya29.SECRET'],
      code: 2,
      re: /gs:\/\/dash\/missing\.csv\?access_token=\[redacted\] does not exist/,
    },
    {
      args: ['--log-level', 'debug', 'publish', '--to', 'gs://dash/x.csv?X-Goog-Signature=SECRET&X-Goog-Credential=SECRET'],
      stdin: 'run_date,x\n2020-05-24,1\n',
      code: 3,
      re: /X-Goog-Signature=\[redacted\]&X-Goog-Credential=\[redacted\].*503/,
      faults: { status: 503, count: 1000 },
    },
  ];
  for (const c of cases) {
    if (c.faults) await fetch(`${d.gcsEndpoint}/_faults`, { method: 'POST', body: JSON.stringify(c.faults) });
    const r = await runCli(c.args, { env: { ...env, FORECAST_MAX_RETRIES: '1' }, stdin: c.stdin });
    if (c.faults) await fetch(`${d.gcsEndpoint}/_faults`, { method: 'DELETE' });
    assert.equal(r.code, c.code, r.stderr);
    assert.match(r.stderr, c.re);
    assert.doesNotMatch(r.stderr + r.stdout, /SECRET/);
  }
});
