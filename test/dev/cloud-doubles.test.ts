import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { Storage } from '@google-cloud/storage';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { crc32c } from '../../src/dev/crc32c.js';

describe('local cloud doubles: real Storage client and raw HTTP', () => {
  let d: CloudDoubles;
  let storage: Storage;
  before(async () => {
    d = await startCloudDoubles();
    storage = new Storage({ apiEndpoint: d.gcsEndpoint, projectId: 'test-project', retryOptions: { autoRetry: false } });
    await storage.createBucket('dbl-bucket');
    d.bq.ensureDataset('test-project', 'ds');
  });
  after(() => d.close());
  beforeEach(() => d.faults.clear());

  it('crc32c matches the RFC 3720 check value', () => {
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  });

  it('resumable, multipart and media uploads round-trip with hashes', async () => {
    const data = Buffer.from('x'.repeat(300_000));
    await storage.bucket('dbl-bucket').file('big.bin').save(data, { resumable: true });
    await storage.bucket('dbl-bucket').file('small.bin').save('abc', { resumable: false });
    const [got] = await storage.bucket('dbl-bucket').file('big.bin').download();
    assert.equal(got.length, data.length);
    const media = await fetch(`${d.gcsEndpoint}/upload/storage/v1/b/dbl-bucket/o?uploadType=media&name=m.txt`, {
      method: 'POST',
      body: 'hi',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(media.status, 200);
    const r = await fetch(`${d.gcsEndpoint}/storage/v1/b/dbl-bucket/o/m.txt?alt=media`);
    assert.equal(await r.text(), 'hi');
    assert.match(r.headers.get('x-goog-hash')!, new RegExp(`md5=${createHash('md5').update('hi').digest('base64').replace(/[+/]/g, '\\$&')}`));
    assert.ok(r.headers.get('x-goog-generation'));
  });

  it('lists with prefix and paging', async () => {
    for (const n of ['p/a', 'p/b', 'p/c', 'q/d']) await storage.bucket('dbl-bucket').file(n).save(n, { resumable: false });
    const [page1, next] = await storage.bucket('dbl-bucket').getFiles({ prefix: 'p/', maxResults: 2, autoPaginate: false });
    assert.deepEqual(
      page1.map((f) => f.name),
      ['p/a', 'p/b'],
    );
    const [page2] = await storage.bucket('dbl-bucket').getFiles({ ...(next as object), autoPaginate: false });
    assert.deepEqual(
      page2.map((f) => f.name),
      ['p/c'],
    );
  });

  it('preconditions: 412 on generation mismatch, 404 on a missing object', async () => {
    const [meta] = await storage.bucket('dbl-bucket').file('p/a').getMetadata();
    const base = `${d.gcsEndpoint}/storage/v1/b/dbl-bucket/o/${encodeURIComponent('p/a')}`;
    assert.equal((await fetch(`${base}?ifGenerationMatch=${meta.generation}`)).status, 200);
    assert.equal((await fetch(`${base}?ifGenerationMatch=1`)).status, 412);
    assert.equal((await fetch(`${base}?ifGenerationNotMatch=${meta.generation}`)).status, 412);
    assert.equal((await fetch(`${base}?ifMetagenerationMatch=2`)).status, 412);
    assert.equal((await fetch(`${d.gcsEndpoint}/storage/v1/b/dbl-bucket/o/nope`)).status, 404);
    const create = await fetch(`${d.gcsEndpoint}/upload/storage/v1/b/dbl-bucket/o?uploadType=media&name=p%2Fa&ifGenerationMatch=0`, {
      method: 'POST',
      body: 'x',
    });
    assert.equal(create.status, 412);
    assert.equal((await fetch(base, { method: 'DELETE' })).status, 204);
  });

  it('gzip objects: stored as given, served gzip when accepted, transcoded otherwise', async () => {
    d.gcs.put('dbl-bucket', 'z.csv', gzipSync('a,b\n1,2\n'), { contentType: 'text/csv', contentEncoding: 'gzip' });
    const url = `${d.gcsEndpoint}/storage/v1/b/dbl-bucket/o/z.csv?alt=media`;
    const raw = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(raw.headers.get('content-encoding'), null);
    assert.equal(raw.headers.get('x-goog-stored-content-encoding'), 'gzip');
    assert.equal(await raw.text(), 'a,b\n1,2\n');
    const [viaClient] = await storage.bucket('dbl-bucket').file('z.csv').download();
    assert.equal(viaClient.toString(), 'a,b\n1,2\n');
  });

  it('fault control endpoint: POST /_faults arms rules that fire per request', async () => {
    const add = await fetch(`${d.gcsEndpoint}/_faults`, {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', pathRegex: '/b/dbl-bucket$', status: 429, count: 1 }),
    });
    assert.equal(add.status, 200);
    assert.equal((await fetch(`${d.gcsEndpoint}/storage/v1/b/dbl-bucket`)).status, 429);
    assert.equal((await fetch(`${d.gcsEndpoint}/storage/v1/b/dbl-bucket`)).status, 200);
    assert.equal((await fetch(`${d.gcsEndpoint}/_faults`, { method: 'DELETE' })).status, 204);
  });

  it('BigQuery: duplicate job id is 409; WRITE_EMPTY and partition decorators behave as documented', async () => {
    const job = (jobId: string, load: object) =>
      fetch(`${d.bqEndpoint}/bigquery/v2/projects/test-project/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jobReference: { jobId }, configuration: { load } }),
      });
    d.gcs.put('dbl-bucket', 'in.csv', Buffer.from('d,v\n2024-01-07,1\n'), {});
    const load = {
      destinationTable: { projectId: 'test-project', datasetId: 'ds', tableId: 't$20240107' },
      sourceUris: ['gs://dbl-bucket/in*.csv'],
      schema: {
        fields: [
          { name: 'd', type: 'DATE' },
          { name: 'v', type: 'INT64' },
        ],
      },
      skipLeadingRows: 1,
      timePartitioning: { type: 'DAY', field: 'd' },
      writeDisposition: 'WRITE_TRUNCATE',
    };
    const r1 = await job('j1', load);
    assert.equal(((await r1.json()) as { status: { state: string } }).status.state, 'DONE');
    assert.equal((await job('j1', load)).status, 409);
    const r3 = (await (await job('j3', { ...load, writeDisposition: 'WRITE_EMPTY' })).json()) as { status: { errorResult?: { reason: string } } };
    assert.equal(r3.status.errorResult?.reason, 'duplicate');
    const wrong = (await (await job('j4', { ...load, destinationTable: { ...load.destinationTable, tableId: 't$20240114' } })).json()) as {
      status: { errorResult?: { reason: string } };
    };
    assert.equal(wrong.status.errorResult?.reason, 'invalid');
    await job('j5', load);
    assert.equal(d.bq.find('test-project', 'ds', 't')!.rows.length, 1);
    const rows = (await (await fetch(`${d.bqEndpoint}/bigquery/v2/projects/test-project/datasets/ds/tables/t/data`)).json()) as {
      rows: { f: { v: string }[] }[];
    };
    assert.deepEqual(
      rows.rows[0].f.map((c) => c.v),
      ['2024-01-07', '1'],
    );
  });

  it('BigQuery: queries it cannot evaluate are a loud 400, and dry runs report bytes', async () => {
    const q = (query: string, dryRun = false) =>
      fetch(`${d.bqEndpoint}/bigquery/v2/projects/test-project/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ configuration: { dryRun, query: { query, useLegacySql: false } } }),
      });
    const bad = await q('SELECT d FROM `test-project.ds.t` JOIN `test-project.ds.u` USING (d)');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /the local BigQuery double cannot evaluate/);
    const dry = (await (await q('SELECT v FROM `test-project.ds.t`', true)).json()) as { statistics: { totalBytesProcessed: string } };
    assert.equal(dry.statistics.totalBytesProcessed, '8');
  });
});
