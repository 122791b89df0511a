import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

/**
 * A malformed service-account key read through the real bin: exit 2 ("fix the input") naming
 * the credential source, before any request, for Storage and BigQuery alike; not exit 3
 * ("retry later"). No endpoint variables are set, so the real credential lookup runs.
 */
test('malformed credentials are exit 2 naming the source (GOOGLE_APPLICATION_CREDENTIALS or the ADC file)', async () => {
  const dir = tempDir('forecast-creds-cli-');
  const key = join(dir, 'key.json');
  writeFileSync(key, JSON.stringify({ type: 'service_account', private_key: 'nope' }));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.config', 'gcloud'), { recursive: true });
  writeFileSync(join(home, '.config', 'gcloud', 'application_default_credentials.json'), '{"type": "authorized_user", "client_id": ');
  const base = { GOOGLE_CLOUD_PROJECT: 'test-project', FORECAST_GCS_ENDPOINT: '', FORECAST_BIGQUERY_ENDPOINT: '', CLOUDSDK_CONFIG: '', HOME: home };
  const cases: [Record<string, string>, string[], RegExp][] = [
    [
      { GOOGLE_APPLICATION_CREDENTIALS: key },
      ['extract', '--from', 'gs://bucket-x/x.csv'],
      /the GOOGLE_APPLICATION_CREDENTIALS file .*key\.json \(type service_account\) has no client_email field/,
    ],
    [{ GOOGLE_APPLICATION_CREDENTIALS: key }, ['extract', '--from', 'bq://test-project.ds.t'], /the GOOGLE_APPLICATION_CREDENTIALS file .*key\.json/],
    [
      { GOOGLE_APPLICATION_CREDENTIALS: '' },
      ['publish', '--to', 'gs://bucket-x/x.csv'],
      /the Application Default Credentials file .*application_default_credentials\.json is not JSON/,
    ],
  ];
  for (const [env, args, re] of cases) {
    const r = await runCli(args, { env: { ...base, ...env }, stdin: 'run_date,x\n2020-05-24,1\n', timeoutMs: 60_000 });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});
