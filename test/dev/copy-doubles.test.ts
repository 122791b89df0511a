import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Storage } from '@google-cloud/storage';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';

/**
 * The doubles' copies, through the real clients, as Google documents them: objects.rewrite with a
 * generation precondition on the destination, and BigQuery copy jobs into a whole table or a
 * `$YYYYMMDD` partition, plus the schema patch that adds a column.
 */
describe('copies in the local doubles', () => {
  let d: CloudDoubles;
  let storage: Storage;
  let bq: BigQuery;
  before(async () => {
    d = await startCloudDoubles();
    storage = new Storage({ apiEndpoint: d.gcsEndpoint, projectId: 'test-project', retryOptions: { autoRetry: false } });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'local' });
    bq = new BigQuery({ apiEndpoint: d.bqEndpoint, projectId: 'test-project', authClient: auth as never });
    d.gcs.ensureBucket('cp');
    d.bq.ensureDataset('test-project', 'ds', 'EU');
  });
  after(() => d.close());
  beforeEach(() => d.faults.clear());

  it('rewrite copies bytes and metadata; ifGenerationMatch guards the destination (0 = create only)', async () => {
    d.gcs.put('cp', 'src.csv', Buffer.from('a\n1\n'), { contentType: 'text/csv', contentEncoding: 'gzip' });
    const [, resp] = await storage
      .bucket('cp')
      .file('src.csv')
      .copy(storage.bucket('cp').file('dst.csv'), { preconditionOpts: { ifGenerationMatch: 0 } });
    const dst = d.gcs.find('cp', 'dst.csv')!;
    assert.equal((resp as { resource: { generation: string } }).resource.generation, dst.generation);
    assert.deepEqual([dst.data.toString(), dst.contentType, dst.contentEncoding], ['a\n1\n', 'text/csv', 'gzip']);
    await assert.rejects(
      storage
        .bucket('cp')
        .file('src.csv')
        .copy(storage.bucket('cp').file('dst.csv'), { preconditionOpts: { ifGenerationMatch: 0 } }),
      (e: { code?: number }) => e.code === 412,
    );
    await storage
      .bucket('cp')
      .file('src.csv')
      .copy(storage.bucket('cp').file('dst.csv'), { preconditionOpts: { ifGenerationMatch: Number(dst.generation) } });
    assert.notEqual(d.gcs.find('cp', 'dst.csv')!.generation, dst.generation);
    await assert.rejects(storage.bucket('cp').file('missing').copy(storage.bucket('cp').file('x')), (e: { code?: number }) => e.code === 404);
  });

  it('copy jobs: a partition is replaced with WRITE_TRUNCATE, a whole table takes the source; wrong partitions and schemas fail', async () => {
    const fields = [
      { name: 'run_date', type: 'DATE' },
      { name: 'v', type: 'INT64' },
    ];
    d.bq.seed(
      'test-project',
      'ds',
      'scores',
      fields,
      [
        ['2020-05-17', 1],
        ['2020-05-24', 2],
      ],
      { type: 'DAY', field: 'run_date' },
    );
    d.bq.seed('test-project', 'ds', 'stage', fields, [['2020-05-24', 9]]);
    const ds = bq.dataset('ds');
    // The client turns a job that ran and failed (status.errorResult) into a rejection carrying its errors.
    const copy = (dest: string, metadata: object) =>
      ds
        .table('stage')
        .createCopyJob(ds.table(dest), metadata)
        .then(
          () => undefined,
          (e: { errors?: { reason: string }[] }) => e.errors?.[0]?.reason,
        );
    assert.equal(await copy('scores$20200524', { writeDisposition: 'WRITE_TRUNCATE' }), undefined);
    assert.deepEqual(d.bq.find('test-project', 'ds', 'scores')!.rows, [
      ['2020-05-17', 1],
      ['2020-05-24', 9],
    ]);
    assert.equal(await copy('scores$20200517', { writeDisposition: 'WRITE_TRUNCATE' }), 'invalid', 'rows of another partition');
    assert.equal(await copy('scores$20200524', { writeDisposition: 'WRITE_EMPTY' }), 'duplicate');
    assert.equal(await copy('nope$20200524', { writeDisposition: 'WRITE_TRUNCATE' }), 'notFound');
    assert.equal(await copy('whole', { writeDisposition: 'WRITE_TRUNCATE' }), undefined);
    assert.deepEqual(d.bq.find('test-project', 'ds', 'whole')!.rows, [['2020-05-24', 9]]);
    d.bq.seed('test-project', 'ds', 'narrow', [{ name: 'run_date', type: 'DATE' }], [], { type: 'DAY', field: 'run_date' });
    assert.equal(await copy('narrow$20200524', { writeDisposition: 'WRITE_TRUNCATE' }), 'invalid', 'schema mismatch');
  });

  it('a schema patch adds NULLABLE columns (NULL in the rows there) and refuses to drop or retype one', async () => {
    d.bq.seed('test-project', 'ds', 'grow', [{ name: 'a', type: 'INT64' }], [[1]]);
    const t = bq.dataset('ds').table('grow');
    await t.setMetadata({
      schema: {
        fields: [
          { name: 'a', type: 'INT64' },
          { name: 'b', type: 'STRING' },
        ],
      },
    } as never);
    const g = d.bq.find('test-project', 'ds', 'grow')!;
    assert.deepEqual([g.schema.map((f) => f.name), g.rows], [['a', 'b'], [[1, null]]]);
    await assert.rejects(t.setMetadata({ schema: { fields: [{ name: 'b', type: 'STRING' }] } } as never), /Field a is missing/);
    await assert.rejects(
      t.setMetadata({
        schema: {
          fields: [
            { name: 'a', type: 'STRING' },
            { name: 'b', type: 'STRING' },
          ],
        },
      } as never),
      /changed type/,
    );
  });
});
