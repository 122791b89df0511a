import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failureDecision, isStale } from '../../src/function/retry-policy.js';
import { invocationDeadlineMs } from '../../src/function/run-from-env.js';
import { parseSettings } from '../../src/settings.js';
import { cloudError, inputError, limitError } from '../../src/errors.js';

test('failureDecision: retry what may succeed later, acknowledge what never will', () => {
  const cases: [string, unknown, boolean, 'retry' | 'ack'][] = [
    ['cloud outage', cloudError('gcs', 'x'), false, 'retry'],
    ['another run holds the lock', cloudError('locked', 'x'), true, 'retry'],
    ['first deadline hit', limitError('deadline', 'x'), false, 'retry'],
    ['second deadline hit for the event', limitError('deadline', 'x'), true, 'ack'],
    ['memory limit', limitError('memory', 'x'), false, 'ack'],
    ['bytes billed cap', limitError('bytes_billed', 'x'), false, 'ack'],
    ['bad config', inputError('bad_config', 'x'), false, 'ack'],
    ['a bug', new TypeError('x'), false, 'ack'],
  ];
  for (const [name, err, seen, want] of cases) assert.equal(failureDecision(err, seen).action, want, name);
});

test('isStale: events older than the cut-off, by their CloudEvent time', () => {
  const now = Date.parse('2026-11-30T08:00:00Z');
  const cases: [string | undefined, boolean][] = [
    ['2026-11-30T06:00:01Z', false],
    ['2026-11-30T05:59:59Z', true],
    ['2026-11-29T08:00:00Z', true],
    [undefined, false],
    ['not a time', false],
    ['2026-11-30T08:30:00Z', false],
  ];
  for (const [time, want] of cases) assert.equal(isStale(time, now, 2 * 3600_000), want, String(time));
});

test('invocationDeadlineMs honours CLOUD_RUN_TIMEOUT_SECONDS (what functions-framework 5 reads), then FUNCTION_TIMEOUT_SEC', () => {
  const cases: [Record<string, string>, number][] = [
    [{}, 55_000],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '120' }, 115_000],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '20' }, 15_000],
    [{ FUNCTION_TIMEOUT_SEC: '90' }, 85_000],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '300', FUNCTION_TIMEOUT_SEC: '60' }, 55_000],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '0' }, 55_000],
    [{ CLOUD_RUN_TIMEOUT_SECONDS: '3' }, 1_000],
  ];
  for (const [env, want] of cases) assert.equal(invocationDeadlineMs(parseSettings(env)), want, JSON.stringify(env));
});
