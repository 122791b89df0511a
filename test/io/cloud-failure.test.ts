import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import type { FaultRule } from '../../src/dev/faults.js';
import { openBqRead } from '../../src/io/bigquery.js';
import { openGcsRead } from '../../src/io/gcs.js';
import { isForecastError } from '../../src/errors.js';
import { bqUri, cloudContext, gsUri, readAll } from '../support/cloud-context.js';

/**
 * BigQuery reports rate and quota limits as HTTP 403 with a reason (rateLimitExceeded,
 * quotaExceeded), and some backend errors too. Those are the service's trouble: retried, and
 * exit 3 when they persist. A 403 for a missing permission stays a configuration error (exit 2).
 * Through the real clients against the doubles' 403 fault injection.
 */
describe('403 from the services: quota and rate limits are cloud failures, permissions are not', () => {
  let d: CloudDoubles;
  const ctx = () => cloudContext({ FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, FORECAST_GCS_ENDPOINT: d.gcsEndpoint, FORECAST_MAX_RETRIES: '3' });
  const reads = {
    bigquery: () => openBqRead(bqUri('bq://test-project.fc.t'), ctx(), {}).then(readAll),
    storage: () => openGcsRead(gsUri('gs://fc-403/t.csv'), ctx()).then(readAll),
  };
  const path = { bigquery: '/tables/t', storage: '/o/t.csv' };

  before(async () => {
    d = await startCloudDoubles();
    d.bq.seed('test-project', 'fc', 't', [{ name: 'a', type: 'INT64' }], [[1]]);
    d.gcs.ensureBucket('fc-403');
    d.gcs.put('fc-403', 't.csv', Buffer.from('a\n1\n'), { contentType: 'text/csv' });
  });
  after(() => d.close());
  beforeEach(() => d.faults.clear());

  for (const service of ['bigquery', 'storage'] as const) {
    for (const reason of ['rateLimitExceeded', 'quotaExceeded', 'backendError']) {
      it(`${service}: two 403 ${reason} are retried and the read succeeds`, async () => {
        d.faults.add({ method: 'GET', pathRegex: path[service], status: 403, reason, count: 2 });
        assert.match((await reads[service]()).toString(), /^a\n1\n$/);
        assert.equal(d.faults.list().length, 0, 'both faults fired');
      });
    }

    const persistent: [string, number, RegExp][] = [
      ['quotaExceeded', 3, /^cloud\./],
      ['rateLimitExceeded', 3, /^cloud\./],
      ['backendError', 3, /^cloud\./],
      ['accessDenied', 2, /^input\./],
      ['forbidden', 2, /^input\./],
    ];
    for (const [reason, exit, code] of persistent) {
      it(`${service}: a persistent 403 ${reason} is exit ${exit}`, async () => {
        const rule: FaultRule = { method: 'GET', pathRegex: path[service], status: 403, reason, count: 1000 };
        d.faults.add(rule);
        await assert.rejects(reads[service](), (e: unknown) => {
          assert.ok(isForecastError(e), String(e));
          assert.equal(e.exitCode, exit, e.message);
          assert.match(e.code, code);
          assert.match(e.message, new RegExp(`403 ${reason}`));
          return true;
        });
      });
    }
  }
});
