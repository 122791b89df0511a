import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createGcsDouble } from '../../src/dev/gcs-double.js';
import { openGcsRead, readGcsObject, writeGcsTable, createGcsObjectIfAbsent } from '../../src/io/gcs.js';
import { parseUri } from '../../src/io/uri.js';
import { isForecastError } from '../../src/errors.js';
import { close, cloudContext, listen, readAll } from '../support/cloud-context.js';

const gs = (text: string) => parseUri(text) as Extract<ReturnType<typeof parseUri>, { kind: 'gs' }>;

describe('gcs tables through the real client and the local double', () => {
  const double = createGcsDouble();
  let endpoint = '';
  const ctx = () => cloudContext({ FORECAST_GCS_ENDPOINT: endpoint });

  before(async () => {
    endpoint = await listen(double.server);
    double.store.ensureBucket('fc-bucket');
  });
  after(() => close(double.server));
  beforeEach(() => double.faults.clear());

  it('writes then reads back a plain CSV', async () => {
    await writeGcsTable(gs('gs://fc-bucket/t/plain.csv'), 'a,b\n1,2\n', ctx(), { mode: 'overwrite' });
    const text = (await readAll(await openGcsRead(gs('gs://fc-bucket/t/plain.csv'), ctx()))).toString();
    assert.equal(text, 'a,b\n1,2\n');
    const stored = double.store.find('fc-bucket', 't/plain.csv')!;
    assert.equal(stored.contentType, 'text/csv');
  });

  it('gzips .gz targets with Content-Encoding gzip and reads them back decompressed', async () => {
    await writeGcsTable(gs('gs://fc-bucket/t/z.csv.gz'), 'a\n1\n', ctx(), { mode: 'overwrite' });
    const stored = double.store.find('fc-bucket', 't/z.csv.gz')!;
    assert.equal(stored.contentEncoding, 'gzip');
    assert.equal(stored.data[0], 0x1f);
    assert.equal((await readAll(await openGcsRead(gs('gs://fc-bucket/t/z.csv.gz'), ctx()))).toString(), 'a\n1\n');
    assert.equal((await readGcsObject(gs('gs://fc-bucket/t/z.csv.gz'), ctx()))!.data.toString(), 'a\n1\n');
  });

  it('gunzips a .gz object stored without Content-Encoding', async () => {
    double.store.put('fc-bucket', 'raw.csv.gz', gzipSync('x\n7\n'), { contentType: 'application/gzip' });
    assert.equal((await readAll(await openGcsRead(gs('gs://fc-bucket/raw.csv.gz'), ctx()))).toString(), 'x\n7\n');
  });

  it('a truncated gzip is an error, not a short table', async () => {
    const z = gzipSync(Buffer.from('x\n'.repeat(5000)));
    double.store.put('fc-bucket', 'trunc.csv.gz', z.subarray(0, z.length - 20), { contentType: 'application/gzip' });
    await assert.rejects(
      async () => readAll(await openGcsRead(gs('gs://fc-bucket/trunc.csv.gz'), ctx())),
      (e: unknown) => isForecastError(e) && e.code === 'input.bad_gzip' && e.message.includes('gs://fc-bucket/trunc.csv.gz'),
    );
  });

  it('readGcsObject returns null for a missing object and the generation for a present one', async () => {
    assert.equal(await readGcsObject(gs('gs://fc-bucket/none.csv'), ctx()), null);
    const o = double.store.put('fc-bucket', 'g.csv', Buffer.from('a\n'), {});
    assert.equal((await readGcsObject(gs('gs://fc-bucket/g.csv'), ctx()))!.generation, o.generation);
  });

  it('openGcsRead on a missing object is input.not_found naming it', async () => {
    await assert.rejects(
      openGcsRead(gs('gs://fc-bucket/none.csv'), ctx()),
      (e: unknown) => isForecastError(e) && e.exitCode === 2 && e.message.includes('gs://fc-bucket/none.csv'),
    );
  });

  it('openGcsRead in a bucket that does not exist is input.not_found naming the bucket, not the object', async () => {
    await assert.rejects(
      openGcsRead(gs('gs://no-such-bucket/none.csv'), ctx()),
      (e: unknown) => isForecastError(e) && e.code === 'input.not_found' && /bucket 'no-such-bucket' does not exist/.test(e.message),
    );
    await assert.rejects(
      openGcsRead(gs('gs://fc-bucket/none.csv'), ctx()),
      (e: unknown) => isForecastError(e) && /object gs:\/\/fc-bucket\/none\.csv does not exist/.test(e.message),
    );
  });

  it('append merges rows by key, so the same run twice leaves one copy', async () => {
    const u = gs('gs://fc-bucket/hist.csv');
    await writeGcsTable(u, 'run_date,v\n2024-01-07,1\n', ctx(), { mode: 'append', key: ['run_date'] });
    await writeGcsTable(u, 'run_date,v\n2024-01-14,2\n', ctx(), { mode: 'append', key: ['run_date'] });
    await writeGcsTable(u, 'run_date,v\n2024-01-14,3\n', ctx(), { mode: 'append', key: ['run_date'] });
    const text = double.store.find('fc-bucket', 'hist.csv')!.data.toString();
    assert.deepEqual(text.trim().split(/\r?\n/), ['run_date,v', '2024-01-07,1', '2024-01-14,3']);
  });

  it('a concurrent writer between read and write is a cloud.conflict naming the object', async () => {
    const u = gs('gs://fc-bucket/race.csv');
    double.store.put('fc-bucket', 'race.csv', Buffer.from('run_date,v\n2024-01-07,1\n'), {});
    // Another writer lands after our read and before our upload is stored: the slow fault holds
    // the upload once it has arrived (the fault is then used up), and the other write lands then.
    // Waiting for the upload to arrive, not for a fixed time, keeps this right on a busy machine.
    double.faults.add({ method: 'POST', pathRegex: '^/upload/', mode: 'slow', delayMs: 500, count: 1 });
    const p = writeGcsTable(u, 'run_date,v\n2024-01-14,2\n', ctx(), { mode: 'append', key: ['run_date'] });
    while (double.faults.list().length > 0) await new Promise((r) => setTimeout(r, 2));
    double.store.put('fc-bucket', 'race.csv', Buffer.from('run_date,v\n2024-01-07,9\n'), {});
    await assert.rejects(
      p,
      (e: unknown) => isForecastError(e) && e.code === 'cloud.conflict' && e.exitCode === 3 && e.message.includes('gs://fc-bucket/race.csv'),
    );
  });

  it('a 412 after a retried write whose first attempt landed is success (md5 matches)', async () => {
    const u = gs('gs://fc-bucket/lost.csv');
    // The first upload is stored but its response is lost (connection dropped after the write):
    // emulate by dropping the response of the first upload after the store has it.
    const orig = double.store.put.bind(double.store);
    let first = true;
    double.store.put = (b, n, d, m, p) => {
      const o = orig(b, n, d, m, p);
      if (first && n === 'lost.csv') {
        first = false;
        throw Object.assign(new Error('drop'), { status: 0 });
      }
      return o;
    };
    try {
      await writeGcsTable(u, 'a\n1\n', ctx(), { mode: 'overwrite' });
    } finally {
      double.store.put = orig;
    }
    assert.equal(double.store.find('fc-bucket', 'lost.csv')!.data.toString(), 'a\n1\n');
  });

  it('create-only markers: first call creates, a second delivery sees it exists', async () => {
    const u = gs('gs://fc-bucket/_events/abc');
    assert.equal(await createGcsObjectIfAbsent(u, Buffer.from('{"t":1}'), ctx()), true);
    assert.equal(await createGcsObjectIfAbsent(u, Buffer.from('{"t":2}'), ctx()), false);
  });

  const transient = [
    { name: '429 on metadata', rule: { method: 'GET', pathRegex: '/o/', status: 429 as const, count: 2 } },
    { name: '503 on media download', rule: { method: 'GET', pathRegex: 'alt=media', status: 503 as const, count: 2 } },
    { name: 'dropped connection on download', rule: { method: 'GET', pathRegex: 'alt=media', mode: 'drop' as const, count: 2 } },
    { name: '503 on upload', rule: { method: 'POST', pathRegex: '^/upload/', status: 503 as const, count: 2 } },
    { name: 'dropped upload', rule: { method: 'POST', pathRegex: '^/upload/', mode: 'drop' as const, count: 1 } },
  ];
  for (const t of transient) {
    it(`retries a transient ${t.name}`, async () => {
      double.store.put('fc-bucket', 'r.csv', Buffer.from('a\n1\n'), {});
      double.faults.add(t.rule);
      const c = ctx();
      await writeGcsTable(gs('gs://fc-bucket/w.csv'), 'a\n2\n', c, { mode: 'overwrite' });
      assert.equal((await readAll(await openGcsRead(gs('gs://fc-bucket/r.csv'), c))).toString(), 'a\n1\n');
      assert.equal(double.faults.list().length, 0, 'the fault fired');
      assert.equal(double.store.find('fc-bucket', 'w.csv')!.data.toString(), 'a\n2\n');
    });
  }

  const persistent = [
    {
      op: 'read',
      rule: { method: 'GET', status: 503 as const, count: 1000 },
      run: (c: ReturnType<typeof ctx>) => openGcsRead(gs('gs://fc-bucket/r.csv'), c).then(readAll),
    },
    {
      op: 'media read',
      rule: { method: 'GET', pathRegex: 'alt=media', mode: 'drop' as const, count: 1000 },
      run: (c: ReturnType<typeof ctx>) => openGcsRead(gs('gs://fc-bucket/r.csv'), c).then(readAll),
    },
    {
      op: 'write',
      rule: { method: 'POST', status: 503 as const, count: 1000 },
      run: (c: ReturnType<typeof ctx>) => writeGcsTable(gs('gs://fc-bucket/w.csv'), 'a\n', c, { mode: 'overwrite' }),
    },
    {
      op: 'append',
      rule: { method: 'GET', status: 429 as const, count: 1000 },
      run: (c: ReturnType<typeof ctx>) => writeGcsTable(gs('gs://fc-bucket/w.csv'), 'a\n', c, { mode: 'append', key: ['a'] }),
    },
  ];
  for (const t of persistent) {
    it(`a persistent failure on ${t.op} ends in exit-3 cloudError naming the object`, async () => {
      double.store.put('fc-bucket', 'r.csv', Buffer.from('a\n1\n'), {});
      double.faults.add(t.rule);
      await assert.rejects(t.run(ctx()), (e: unknown) => {
        assert.ok(isForecastError(e), String(e));
        assert.equal(e.exitCode, 3, e.message);
        assert.match(e.message, /^Cloud Storage \w+ gs:\/\/fc-bucket\/\w+\.csv failed: /);
        return true;
      });
    });
  }
});
