import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings } from '../src/settings.js';

test('the environment parsed once: defaults when unset (or empty), typed values when set', () => {
  const defaults = parseSettings({ FORECAST_GCS_ENDPOINT: '' });
  assert.deepEqual(
    [
      defaults.gcsEndpoint,
      defaults.maxRetries,
      defaults.retryMaxDelayMs,
      defaults.bqExtractBytes,
      defaults.eventMaxAgeMs,
      defaults.platformTimeoutMs,
      defaults.cloudRunTask,
    ],
    [undefined, 5, 64_000, 268_435_456, 7_200_000, undefined, undefined],
  );
  const cases: [Record<string, string>, (s: ReturnType<typeof parseSettings>) => unknown, unknown][] = [
    [{ FORECAST_MAX_RETRIES: '0' }, (s) => s.maxRetries, 0],
    [{ FORECAST_RETRY_MAX_DELAY_MS: '20' }, (s) => s.retryMaxDelayMs, 20],
    [{ FORECAST_BQ_EXTRACT_BYTES: '1MiB' }, (s) => s.bqExtractBytes, 1_048_576],
    [{ FORECAST_BQ_EXTRACT_BYTES: '1000' }, (s) => s.bqExtractBytes, 1000],
    [{ FORECAST_EVENT_MAX_AGE: '30m' }, (s) => s.eventMaxAgeMs, 1_800_000],
    [{ FORECAST_EVENT_MAX_AGE: '1h' }, (s) => s.eventMaxAgeMs, 3_600_000],
    [{ GCLOUD_PROJECT: 'b' }, (s) => s.project, 'b'],
    [{ GOOGLE_CLOUD_PROJECT: 'a', GCLOUD_PROJECT: 'b' }, (s) => s.project, 'a'],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '300', FUNCTION_TIMEOUT_SEC: '60' }, (s) => s.platformTimeoutMs, 60_000],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '0' }, (s) => s.platformTimeoutMs, undefined],
    [{ CLOUD_RUN_TASK_INDEX: '2', CLOUD_RUN_TASK_COUNT: '4' }, (s) => s.cloudRunTask, { index: 2, count: 4 }],
    [{ CLOUD_RUN_TASK_INDEX: '2' }, (s) => s.cloudRunTask, undefined],
    [
      { HOME: '/h', CLOUDSDK_CONFIG: '/g' },
      (s) => s.credentials,
      { GOOGLE_APPLICATION_CREDENTIALS: undefined, CLOUDSDK_CONFIG: '/g', HOME: '/h', APPDATA: undefined },
    ],
  ];
  for (const [env, get, want] of cases) assert.deepEqual(get(parseSettings(env)), want, JSON.stringify(env));
});

test('a variable that does not parse is an error naming it and its value, not a silent default', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ FORECAST_MAX_RETRIES: 'five' }, /FORECAST_MAX_RETRIES='five'/],
    [{ FORECAST_RETRY_MAX_DELAY_MS: '-1' }, /FORECAST_RETRY_MAX_DELAY_MS='-1'/],
    [{ FORECAST_EVENT_MAX_AGE: '2 days' }, /FORECAST_EVENT_MAX_AGE '2 days'/],
    [{ FORECAST_BQ_EXTRACT_BYTES: 'lots' }, /FORECAST_BQ_EXTRACT_BYTES 'lots'/],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '60s' }, /CLOUD_RUN_TIMEOUT_SECONDS='60s'/],
    [{ CLOUD_RUN_TASK_INDEX: 'x', CLOUD_RUN_TASK_COUNT: '4' }, /CLOUD_RUN_TASK_INDEX='x'/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => parseSettings(env),
      (e: Error & { exitCode?: number }) => e.exitCode === 2 && message.test(e.message),
      JSON.stringify(env),
    );
  }
});
