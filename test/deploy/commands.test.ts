import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/run-cli.js';

/**
 * The deploy: `npm run deploy:commands` prints the whole setup for a project and region, the
 * deploy guide (docs/deploy.md) shows exactly that script, and the script runs through (against stand-in gcloud and bq
 * that record their arguments) making every call the function needs to work once deployed.
 */
const print = (args: string[]) => spawnSync(process.execPath, ['dist/deploy/print-commands.js', ...args], { encoding: 'utf8' });

test('docs/deploy.md shows the script deploy:commands prints for my-project / europe-west1', () => {
  const r = print(['--project', 'my-project', '--region', 'europe-west1']);
  assert.equal(r.status, 0, r.stderr);
  const guide = readFileSync('docs/deploy.md', 'utf8');
  assert.ok(guide.includes('```sh\n' + r.stdout + '```'), 'docs/deploy.md shows the printed script verbatim');
});

test('bad options are named, exit 2', () => {
  const r = print(['--project', 'My_Project', '--region', 'europe']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--project 'My_Project' is not a project id/);
  assert.match(r.stderr, /--region 'europe' is not a region/);
});

test('the script runs through and makes every call a working weekly function needs', () => {
  const dir = tempDir('forecast-deploy-');
  const log = join(dir, 'calls.log');
  for (const tool of ['gcloud', 'bq']) {
    const fake = join(dir, tool);
    writeFileSync(
      fake,
      `#!/bin/sh\necho "${tool} $*" >> "${log}"\ncase "$*" in *"projects describe"*) echo 123456;; *"config get-value"*) echo me@example.com;; esac\n`,
    );
    chmodSync(fake, 0o755);
  }
  const script = print(['--project', 'acme-forecast', '--region', 'europe-west1', '--bq-location', 'EU', '--timeout', '120']).stdout;
  const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
  assert.equal(run.status, 0, run.stderr);
  const calls = readFileSync(log, 'utf8').trim().split('\n');
  const call = (re: RegExp) => {
    const c = calls.find((l) => re.test(l));
    assert.ok(c, `a call matching ${re}:\n${calls.join('\n')}`);
    return c;
  };
  const apis = call(/^gcloud services enable /);
  for (const api of ['cloudfunctions', 'run', 'cloudbuild', 'eventarc', 'pubsub', 'cloudscheduler', 'bigquery', 'artifactregistry'])
    assert.match(apis, new RegExp(`${api}\\.googleapis\\.com`));
  call(/^gcloud storage buckets create gs:\/\/acme-forecast-forecast-config gs:\/\/acme-forecast-forecast-out .*--location europe-west1/);
  call(/^bq .*mk --dataset --location=EU acme-forecast:dashboard/);
  call(/add-iam-policy-binding gs:\/\/acme-forecast-forecast-out .*roles\/storage\.objectUser/);
  call(/add-iam-policy-binding acme-forecast .*roles\/bigquery\.jobUser/);
  call(/bq add-iam-policy-binding .*roles\/bigquery\.dataEditor acme-forecast:dashboard/);
  call(/forecast-runner@acme-forecast\.iam\.gserviceaccount\.com .*--member user:me@example\.com --role roles\/iam\.serviceAccountUser/);
  call(/forecast-trigger@acme-forecast\.iam\.gserviceaccount\.com .*--member user:me@example\.com --role roles\/iam\.serviceAccountUser/);
  const deploy = call(/^gcloud functions deploy forecast-weekly /);
  for (const flag of [
    '--gen2',
    '--runtime nodejs22',
    '--retry',
    '--memory 4GiB',
    '--timeout 120s',
    '--entry-point forecastPubsub',
    '--trigger-topic forecast-weekly',
    '--trigger-service-account forecast-trigger@acme-forecast.iam.gserviceaccount.com',
    '--service-account forecast-runner@acme-forecast.iam.gserviceaccount.com',
  ])
    assert.ok(deploy.includes(flag), `${flag} in: ${deploy}`);
  const env = /--set-env-vars (\S+)/.exec(deploy)?.[1].split(',') ?? [];
  assert.deepEqual(env.sort(), [
    'FORECAST_CONFIG=gs://acme-forecast-forecast-config/pipeline.json',
    'FORECAST_EVENT_MARKERS=gs://acme-forecast-forecast-out/_events',
    'FORECAST_EVENT_MAX_AGE=2h',
    'FUNCTION_TIMEOUT_SEC=120',
    'GOOGLE_CLOUD_PROJECT=acme-forecast',
  ]);
  call(/^gcloud functions add-invoker-policy-binding forecast-weekly .*--member serviceAccount:forecast-trigger@/);
  call(/service-123456@gcp-sa-cloudscheduler\.iam\.gserviceaccount\.com --role roles\/pubsub\.publisher/);
  call(/^gcloud scheduler jobs create pubsub forecast-weekly .*--location europe-west1 .*--topic forecast-weekly/);
  assert.ok(calls.indexOf(deploy) < calls.findIndex((l) => /add-invoker-policy-binding/.test(l)), 'the invoker binding follows the deploy');
});
