import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { functionConfig } from '../support/function-config.js';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { listen } from '../support/cloud-context.js';

/**
 * The real functions-framework server (getTestServer) with the real handlers, pointed at the
 * local cloud doubles: a Pub/Sub CloudEvent runs the pipeline and publishes to gs://; the same
 * event redelivered does not run again.
 */
const config = functionConfig('gs://fc-out/run');

function pubsubEvent(id: string, data: string, time = new Date().toISOString()): { headers: Record<string, string>; body: string } {
  return {
    headers: {
      'content-type': 'application/json',
      'ce-id': id,
      'ce-specversion': '1.0',
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      'ce-source': '//pubsub.googleapis.com/projects/test-project/topics/forecast-weekly',
      'ce-time': time,
    },
    body: JSON.stringify({ message: { data: Buffer.from(data).toString('base64'), messageId: id }, subscription: 'projects/test-project/subscriptions/s' }),
  };
}

describe('Cloud Function handlers on the real functions-framework server', () => {
  let d: CloudDoubles;
  let pubsub: Server;
  let http: Server;
  let pubsubUrl = '';
  let httpUrl = '';
  const saved = { ...process.env };

  before(async () => {
    d = await startCloudDoubles();
    d.gcs.ensureBucket('fc-out');
    Object.assign(process.env, {
      FORECAST_GCS_ENDPOINT: d.gcsEndpoint,
      FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint,
      GOOGLE_CLOUD_PROJECT: 'test-project',
      FORECAST_CONFIG: JSON.stringify(config),
      FUNCTION_TIMEOUT_SEC: '60',
      FORECAST_RETRY_MAX_DELAY_MS: '20',
    });
    await import('../../src/function/index.js');
    const { getTestServer } = await import('@google-cloud/functions-framework/testing');
    pubsub = getTestServer('forecastPubsub');
    http = getTestServer('forecastHttp');
    pubsubUrl = await listen(pubsub);
    httpUrl = await listen(http);
  });
  after(async () => {
    for (const s of [pubsub, http]) {
      s?.closeAllConnections();
      await new Promise((r) => s?.close(r));
    }
    await d?.close();
    process.env = saved;
  });

  // The top-level outputs; each run's own copies sit in its run folder under run/runs/ (the current and the previous run's are kept).
  const outputs = () =>
    new Map(
      d.gcs
        .list('fc-out', { prefix: 'run/' })
        .items.filter((o) => !/^run\/(_events|runs)\//.test(o.name))
        .map((o) => [o.name, o.generation]),
    );
  const runFolders = () => new Set(d.gcs.list('fc-out', { prefix: 'run/runs/' }).items.map((o) => o.name.split('/')[2]));

  it('a Pub/Sub event runs the pipeline and publishes; a redelivery does not run twice', async () => {
    const ev = pubsubEvent('evt-1001', JSON.stringify({ runDate: '2020-05-24' }));
    const r1 = await fetch(pubsubUrl, { method: 'POST', headers: ev.headers, body: ev.body });
    assert.ok(r1.status >= 200 && r1.status < 300, `status ${r1.status}: ${await r1.text()}`);
    const first = outputs();
    assert.ok(first.size > 0, 'outputs were published to gs://fc-out/run/');
    assert.ok(d.gcs.find('fc-out', 'run/_events/evt-1001'), 'the event marker exists');
    const r2 = await fetch(pubsubUrl, { method: 'POST', headers: ev.headers, body: ev.body });
    assert.ok(r2.status >= 200 && r2.status < 300);
    assert.deepEqual(outputs(), first, 'no object was rewritten by the redelivery');
  });

  it('a new event for the same week does not duplicate outputs', async () => {
    const before = outputs();
    const ev = pubsubEvent('evt-1002', JSON.stringify({ runDate: '2020-05-24' }));
    const r = await fetch(pubsubUrl, { method: 'POST', headers: ev.headers, body: ev.body });
    assert.ok(r.status >= 200 && r.status < 300);
    assert.deepEqual([...outputs().keys()].sort(), [...before.keys()].sort());
    assert.equal(runFolders().size, 2, "this run's folder and the previous one");
  });

  it('a poison message (not JSON) is acknowledged, not retried forever, and its log line carries the trace', async () => {
    const ev = pubsubEvent('evt-bad', 'not json');
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const lines: string[] = [];
    const write = process.stdout.write;
    // A tee, not a capture: the test runner reports through stdout too.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(String(chunk));
      return write.call(process.stdout, chunk, ...rest);
    }) as typeof process.stdout.write;
    let status: number;
    try {
      status = (await fetch(pubsubUrl, { method: 'POST', headers: { ...ev.headers, traceparent: `00-${traceId}-00f067aa0ba902b7-01` }, body: ev.body })).status;
    } finally {
      process.stdout.write = write;
    }
    assert.ok(status >= 200 && status < 300, `status ${status}`);
    // stdout also carries the test runner's own messages: keep our JSON log lines.
    const logged = (lines.join('').match(/\{"severity"[^\n]*/g) ?? []).map((l) => JSON.parse(l) as Record<string, unknown>);
    const rejected = logged.find((l) => String(l.message).includes('rejected the event'));
    assert.ok(rejected, lines.join(''));
    assert.equal(rejected['logging.googleapis.com/trace'], `projects/test-project/traces/${traceId}`);
    assert.equal(rejected.eventId, 'evt-bad');
  });

  it('a persistent Cloud Storage outage makes the event fail so Pub/Sub retries', async () => {
    d.faults.add({ status: 503, count: 100_000 });
    try {
      const ev = pubsubEvent('evt-outage', JSON.stringify({ runDate: '2020-05-31' }));
      const r = await fetch(pubsubUrl, { method: 'POST', headers: ev.headers, body: ev.body });
      assert.ok(r.status >= 500, `status ${r.status}`);
    } finally {
      d.faults.clear();
    }
    assert.equal(d.gcs.find('fc-out', 'run/_events/evt-outage'), undefined);
  });

  const deliver = (ev: ReturnType<typeof pubsubEvent>) => fetch(pubsubUrl, { method: 'POST', headers: ev.headers, body: ev.body });
  /** Run `work` with extra process env (the handlers read it per invocation), then restore it. */
  async function withEnv<T>(extra: Record<string, string>, work: () => Promise<T>): Promise<T> {
    const kept = Object.fromEntries(Object.keys(extra).map((k) => [k, process.env[k]]));
    Object.assign(process.env, extra);
    try {
      return await work();
    } finally {
      for (const [k, v] of Object.entries(kept))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  }

  it('an event older than FORECAST_EVENT_MAX_AGE (2h) is acknowledged without running', async () => {
    const before = outputs();
    const ev = pubsubEvent('evt-old', JSON.stringify({ runDate: '2020-06-14' }), new Date(Date.now() - 3 * 3600_000).toISOString());
    const r = await deliver(ev);
    assert.ok(r.status >= 200 && r.status < 300, `status ${r.status}`);
    assert.deepEqual(outputs(), before, 'nothing ran');
    assert.equal(d.gcs.find('fc-out', 'run/_events/evt-old'), undefined);
  });

  it('a setting that does not parse (FORECAST_EVENT_MAX_AGE=2d) is acknowledged and logged, not retried, and nothing runs', async () => {
    const before = outputs();
    const r = await withEnv({ FORECAST_EVENT_MAX_AGE: '2d' }, () => deliver(pubsubEvent('evt-bad-setting', JSON.stringify({ runDate: '2020-06-14' }))));
    assert.ok(r.status >= 200 && r.status < 300, `status ${r.status}`);
    assert.deepEqual(outputs(), before, 'nothing ran');
    assert.equal(d.gcs.find('fc-out', 'run/_events/evt-bad-setting'), undefined);
  });

  it('the memory limit is acknowledged: a redelivery could never fit', async () => {
    const cfg = JSON.stringify({ ...config, maxMemory: '10MiB' });
    const r = await withEnv({ FORECAST_CONFIG: cfg }, () => deliver(pubsubEvent('evt-memory', JSON.stringify({ runDate: '2020-06-21' }))));
    assert.ok(r.status >= 200 && r.status < 300, `status ${r.status}`);
  });

  it('the deadline (CLOUD_RUN_TIMEOUT_SECONDS): the first hit is retried, the second for the same event acknowledged', async () => {
    const ev = pubsubEvent('evt-deadline', JSON.stringify({ runDate: '2020-06-28' }));
    // A 1 s timeout, and a slow Storage answer before the run (the check for an earlier delivery) uses it up.
    d.faults.add({ method: 'GET', pathRegex: '_events%2Fevt-deadline(\\?|$)', mode: 'slow', delayMs: 1200, count: 2 });
    const [first, second] = await withEnv({ CLOUD_RUN_TIMEOUT_SECONDS: '1' }, async () => [await deliver(ev), await deliver(ev)]);
    assert.ok(first.status >= 500, `first delivery: status ${first.status}`);
    assert.ok(second.status >= 200 && second.status < 300, `second delivery: status ${second.status}`);
    assert.ok(d.gcs.find('fc-out', 'run/_events/evt-deadline.deadline'), 'the first hit was recorded');
  });

  it('HTTP: a run answers 200 with the summary; bad input is 400', async () => {
    const r = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cloud-trace-context': '0123456789abcdef0123456789abcdef/1;o=1' },
      body: JSON.stringify({ runDate: '2020-05-24' }),
    });
    const body = (await r.json()) as { runDate?: string; winner?: string };
    assert.equal(r.status, 200, JSON.stringify(body));
    assert.equal(body.runDate, '2020-05-24');
    const bad = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ runDate: 'soon' }) });
    assert.equal(bad.status, 400);
  });

  it('HTTP: GET and other methods answer 405 and run nothing', async () => {
    const before = outputs();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await fetch(httpUrl, { method });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.get('allow'), 'POST');
      assert.equal(((await r.json()) as { error?: string }).error, 'method_not_allowed');
    }
    assert.deepEqual(outputs(), before, 'nothing published');
  });
});
