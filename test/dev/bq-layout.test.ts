import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { layoutConflict, layoutSpec } from '../../src/dev/bq-layout.js';

/**
 * Clustering in the BigQuery double, through the real client, as BigQuery documents it: at most
 * four top-level columns of clusterable types, changeable by tables.patch; a load or whole-table
 * copy that brings another partitioning or clustering than the table's is refused.
 */
describe('partitioning and clustering in the BigQuery double', () => {
  let d: CloudDoubles;
  let bq: BigQuery;
  const schema = {
    fields: [
      { name: 'run_date', type: 'DATE' },
      { name: 'target', type: 'STRING' },
      { name: 'v', type: 'FLOAT64' },
      { name: 'n', type: 'INT64' },
    ],
  };
  before(async () => {
    d = await startCloudDoubles();
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'local' });
    bq = new BigQuery({ apiEndpoint: d.bqEndpoint, projectId: 'test-project', authClient: auth as never });
    d.bq.ensureDataset('test-project', 'ds', 'EU');
  });
  after(() => d.close());

  it('tables.insert keeps a valid clustering and refuses the ones BigQuery refuses', async () => {
    const ds = bq.dataset('ds');
    const [t] = await ds.createTable('p', { schema, timePartitioning: { type: 'DAY', field: 'run_date' }, clustering: { fields: ['target'] } } as never);
    const [meta] = await t.getMetadata();
    assert.deepEqual([meta.timePartitioning, meta.clustering], [{ type: 'DAY', field: 'run_date' }, { fields: ['target'] }]);
    const refused: [string[], RegExp][] = [
      [['v'], /Field v is of type FLOAT64, which is not supported for clustering/],
      [['nope'], /cannot be found in the schema. Invalid field: nope/],
      [['target', 'n', 'run_date', 'target'], /Duplicate clustering field: target/],
      [['target', 'n', 'run_date', 'target', 'n'], /Too many clustering fields: 5, only 4 are allowed/],
    ];
    for (const [fields, re] of refused) {
      await assert.rejects(
        ds.createTable(`bad_${fields.length}_${fields[0]}`, { schema, clustering: { fields } } as never),
        (e: Error & { code?: number }) => e.code === 400 && re.test(e.message),
        fields.join(),
      );
    }
  });

  it('tables.patch changes or removes the clustering (how a one-target table migrates)', async () => {
    const [t] = await bq.dataset('ds').createTable('old', { schema, timePartitioning: { type: 'DAY', field: 'run_date' } } as never);
    await t.setMetadata({ clustering: { fields: ['target'] } } as never);
    assert.deepEqual(d.bq.find('test-project', 'ds', 'old')!.clustering, { fields: ['target'] });
    await t.setMetadata({ clustering: null } as never);
    assert.equal(d.bq.find('test-project', 'ds', 'old')!.clustering, undefined);
  });

  it('a load naming another specification, or a whole table copied over one laid out differently, is refused', async () => {
    d.bq.seed('test-project', 'ds', 'flat', schema.fields, [['2020-05-24', 'a', 1, 1]]);
    const ds = bq.dataset('ds');
    const copy = (from: string, to: string) =>
      ds
        .table(from)
        .createCopyJob(ds.table(to), { writeDisposition: 'WRITE_TRUNCATE' })
        .then(
          () => '',
          (e: { errors?: { message: string }[] }) => e.errors?.[0]?.message ?? 'failed',
        );
    assert.match(
      await copy('flat', 'p'),
      /^Incompatible table partitioning specification\. Expects partitioning specification interval\(type:day,field:run_date\) clustering\(target\), but input partitioning specification is none$/,
    );
    const load = (metadata: object) =>
      new Promise<string>((resolve) => {
        const ws = ds.table('p').createWriteStream({ sourceFormat: 'CSV', schema, writeDisposition: 'WRITE_TRUNCATE', ...metadata } as never);
        ws.on('error', (e: { errors?: { message: string }[]; message?: string }) => resolve(e.errors?.[0]?.message ?? e.message ?? 'failed'));
        ws.on('complete', () => resolve(''));
        ws.end('2020-05-24,a,1,1\n');
      });
    assert.match(
      await load({ clustering: { fields: ['n'] }, timePartitioning: { type: 'DAY', field: 'run_date' } }),
      /Expects partitioning specification interval\(type:day,field:run_date\) clustering\(target\), but input partitioning specification is interval\(type:day,field:run_date\) clustering\(n\)/,
    );
    assert.equal(await load({}), '', "a load that names no specification keeps the table's");
    assert.equal(await load({ clustering: { fields: ['target'] }, timePartitioning: { type: 'DAY', field: 'run_date' } }), '');
  });

  it('specifications as BigQuery writes them', () => {
    const cases: [Parameters<typeof layoutSpec>, string][] = [
      [[undefined, undefined], 'none'],
      [[{ type: 'DAY', field: 'run_date' }, undefined], 'interval(type:day,field:run_date)'],
      [[{ type: 'DAY', field: 'run_date' }, { fields: ['target', 'n'] }], 'interval(type:day,field:run_date) clustering(target,n)'],
      [[undefined, { fields: ['target'] }], 'clustering(target)'],
    ];
    for (const [args, want] of cases) assert.equal(layoutSpec(...args), want);
    assert.equal(layoutConflict({ clustering: { fields: ['Target'] } }, { clustering: { fields: ['target'] } }), undefined, 'names compare regardless of case');
    assert.equal(layoutConflict({ clustering: { fields: ['target'] } }, {}), undefined, "a load naming nothing keeps the table's");
    assert.match(layoutConflict({ clustering: { fields: ['target'] } }, {}, true) ?? '', /but input partitioning specification is none/);
  });
});
