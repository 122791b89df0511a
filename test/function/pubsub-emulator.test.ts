import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { functionConfig } from '../support/function-config.js';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { tempDir } from '../support/run-cli.js';

/**
 * The deployed shape, end to end on this machine: the built function on the real
 * functions-framework (as `npm run function:local` serves it), the Pub/Sub emulator delivering a
 * push subscription to it (with a retry policy, as a --retry deployment has), the Storage and
 * BigQuery doubles behind it. Between the emulator and the function sits a small proxy that
 * records every delivery and can lose the function's answer, as a network can.
 *
 * Needs the emulator (`google-cloud-cli-pubsub-emulator`, Java 17): .ci/run installs it, and in CI
 * (CI=true) its absence fails the test; elsewhere the test is skipped, saying why.
 */
const config = functionConfig('gs://fc-e2e/run');
const PROJECT = 'test-project';
const TOPIC = 'forecast-weekly';

function emulatorMissing(): string | undefined {
  const r = spawnSync('gcloud', ['info', '--format=value(installation.sdk_root)'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'gcloud is not installed';
  if (spawnSync('java', ['-version']).error) return 'java is not installed';
  const bin = `${r.stdout.trim()}/platform/pubsub-emulator/bin/cloud-pubsub-emulator`;
  return spawnSync('test', ['-x', bin]).status === 0 ? undefined : `the Pub/Sub emulator is not installed (${bin})`;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Resolve when `test` holds, polling; fail after `ms` naming `what`. */
async function waitFor(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Start a child and resolve once `ready` appears on its output; all output is kept in `lines`. */
function startChild(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, lines: string[]): Promise<ChildProcess> {
  return new Promise((done, reject) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start: ${lines.slice(-5).join(' | ')}`)), 60_000);
    const on = (chunk: Buffer) => {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(l);
      if (ready.test(chunk.toString('utf8'))) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.on('error', reject);
  });
}

interface Delivery {
  messageId: string;
  runDate?: string;
  status: number;
  lost: boolean;
}

describe('Pub/Sub emulator → push subscription → functions-framework → the doubles', () => {
  const missing = emulatorMissing();
  if (missing && process.env.CI) {
    it('runs in CI', () => assert.fail(`the end-to-end test cannot run in CI: ${missing}; .ci/run installs it`));
    return;
  }
  let d: CloudDoubles;
  let emulator: ChildProcess;
  let framework: ChildProcess;
  let proxy: Server;
  let api = '';
  const functionLog: string[] = [];
  const emulatorLog: string[] = [];
  const deliveries: Delivery[] = [];
  /** Run dates whose first answer the proxy loses (the function ran; the emulator never hears so). */
  const loseFirstAnswer = new Set<string>();

  before(async () => {
    if (missing) return;
    d = await startCloudDoubles();
    d.gcs.ensureBucket('fc-e2e');
    const [fnPort, emuPort] = [await freePort(), await freePort()];
    framework = await startChild(
      process.execPath,
      [
        'node_modules/@google-cloud/functions-framework/build/src/main.js',
        '--source=dist/function/index.js',
        '--target=forecastPubsub',
        '--signature-type=cloudevent',
        `--port=${fnPort}`,
      ],
      {
        ...process.env,
        TZ: 'UTC',
        FORECAST_GCS_ENDPOINT: d.gcsEndpoint,
        FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint,
        GOOGLE_CLOUD_PROJECT: PROJECT,
        FORECAST_CONFIG: JSON.stringify(config),
        FORECAST_RETRY_MAX_DELAY_MS: '20',
        FORECAST_MAX_RETRIES: '1',
      },
      /Serving function/,
      functionLog,
    );
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        const msg = (JSON.parse(body.toString('utf8')) as { message: { messageId: string; data?: string } }).message;
        let runDate: string | undefined;
        try {
          runDate = (JSON.parse(Buffer.from(msg.data ?? '', 'base64').toString('utf8')) as { runDate?: string }).runDate;
        } catch {
          /* a poison message */
        }
        const r = await fetch(`http://127.0.0.1:${fnPort}${req.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await r.text();
        const lost = r.ok && runDate !== undefined && loseFirstAnswer.delete(runDate);
        deliveries.push({ messageId: msg.messageId, runDate, status: r.status, lost });
        if (lost) req.socket.destroy();
        else res.writeHead(r.status).end(text);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyPort = (proxy.address() as AddressInfo).port;
    emulator = await startChild(
      'gcloud',
      ['beta', 'emulators', 'pubsub', 'start', `--host-port=127.0.0.1:${emuPort}`, `--data-dir=${tempDir('pubsub-emulator-')}`],
      process.env,
      /Server started/,
      emulatorLog,
    );
    api = `http://127.0.0.1:${emuPort}/v1/projects/${PROJECT}`;
    const put = async (path: string, body: object) => {
      const r = await fetch(`${api}/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(r.status, 200, await r.text());
    };
    await put(`topics/${TOPIC}`, {});
    await put('subscriptions/forecast-weekly-push', {
      topic: `projects/${PROJECT}/topics/${TOPIC}`,
      ackDeadlineSeconds: 60,
      pushConfig: { pushEndpoint: `http://127.0.0.1:${proxyPort}/projects/${PROJECT}/topics/${TOPIC}` },
      retryPolicy: { minimumBackoff: '1s', maximumBackoff: '2s' },
    });
  });

  after(async () => {
    for (const child of [emulator, framework]) {
      if (child?.pid)
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
    }
    if (proxy) {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
    await d?.close();
  });

  async function publish(data: string): Promise<string> {
    const r = await fetch(`${api}/topics/${TOPIC}:publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ data: Buffer.from(data).toString('base64') }] }),
    });
    return ((await r.json()) as { messageIds: string[] }).messageIds[0];
  }
  const of = (id: string) => deliveries.filter((x) => x.messageId === id);
  const answered = (id: string) => of(id).some((x) => x.status >= 200 && x.status < 300 && !x.lost);
  const object = (name: string) => d.gcs.find('fc-e2e', name);

  it('a first delivery runs the week and publishes; its event marker is written', { skip: missing }, async () => {
    const id = await publish(JSON.stringify({ runDate: '2020-05-24' }));
    await waitFor(`delivery of ${id}`, () => answered(id));
    assert.equal(of(id).length, 1);
    assert.ok(object('run/weekly_score.csv'), 'outputs published');
    assert.ok(object(`run/_events/${id}`), 'event marker written');
  });

  it('a delivery that fails (Storage down) is thrown, redelivered by Pub/Sub, and succeeds', { skip: missing }, async () => {
    d.faults.add({ status: 503, count: 1_000_000 });
    const id = await publish(JSON.stringify({ runDate: '2020-05-31' }));
    await waitFor(`a failed delivery of ${id}`, () => of(id).some((x) => x.status >= 500));
    d.faults.clear();
    await waitFor(`the redelivery of ${id}`, () => answered(id));
    assert.ok(of(id).length >= 2, `deliveries: ${JSON.stringify(of(id))}`);
    assert.match(object('run/weekly_score.csv')!.data.toString(), /2020-05-31/);
    assert.ok(object(`run/_events/${id}`));
  });

  it('a redelivery of an event that already ran (its answer was lost) is skipped, rewriting nothing', { skip: missing }, async () => {
    loseFirstAnswer.add('2020-06-07');
    const id = await publish(JSON.stringify({ runDate: '2020-06-07' }));
    await waitFor(`the lost answer of ${id}`, () => of(id).some((x) => x.lost));
    const generation = object('run/weekly_score.csv')!.generation;
    await waitFor(`the redelivery of ${id}`, () => answered(id));
    assert.equal(of(id).length, 2);
    assert.equal(object('run/weekly_score.csv')!.generation, generation, 'nothing rewritten');
    assert.ok(
      functionLog.some((l) => l.includes(`event ${id} was already handled`)),
      'the function skipped it',
    );
  });

  it('a poison message is acknowledged once and never redelivered', { skip: missing }, async () => {
    const id = await publish('not json');
    await waitFor(`delivery of ${id}`, () => answered(id));
    await new Promise((r) => setTimeout(r, 4000)); // longer than the retry policy's backoff
    assert.equal(of(id).length, 1);
    assert.ok(
      functionLog.some((l) => l.includes('rejected the event') && l.includes(id)),
      'logged as rejected',
    );
    assert.equal(object(`run/_events/${id}`), undefined);
  });
});
