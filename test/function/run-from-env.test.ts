import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { invocationContext, runDeadlineMs, runFromEnv } from '../../src/function/run-from-env.js';
import { parseSettings } from '../../src/settings.js';
import { loadConfig } from '../../src/pipeline/config.js';

test("the function's run deadline is the config's, within the invocation's", () => {
  const cases: [string, number, number, number, number][] = [
    ['the config asks for less than the timeout allows', 20_000, 55_000, 55_000, 20_000],
    ['the config asks for more', 120_000, 55_000, 55_000, 55_000],
    ['the invocation has already spent time', 60_000, 55_000, 30_000, 30_000],
  ];
  for (const [name, config, invocation, remaining, want] of cases) assert.equal(runDeadlineMs(config, invocation, remaining), want, name);
});

test("runFromEnv honours the config's deadline (it used to run under the platform's only)", async () => {
  const config = loadConfig(
    JSON.stringify({
      sources: [{ uri: 'fixtures/google_trends_spain_2019_2020.csv', key: 'keyword', value: 'trend_index' }],
      target: 'desempleo',
      deadline: '1ms',
      report: false,
      outDir: 'out-never-written',
    }),
    'inline',
  );
  const ctx = invocationContext(parseSettings({}), pino({ level: 'silent' }), 55_000);
  const t0 = performance.now();
  await assert.rejects(runFromEnv(ctx, config, 55_000), (e: Error & { code?: string }) => e.code === 'limit.deadline');
  assert.ok(performance.now() - t0 < 5_000, 'stopped by the 1 ms deadline, not the 55 s one');
});
