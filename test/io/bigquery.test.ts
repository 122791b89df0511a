import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { aggregateEventsInBigQuery, eventsPushdownSql, openBqRead, writeBqTable, dryRunQuery, type BqField } from '../../src/io/bigquery.js';
import { parseUri } from '../../src/io/uri.js';
import { isForecastError } from '../../src/errors.js';
import { cloudContext, readAll } from '../support/cloud-context.js';

const bqUri = (t: string) => parseUri(t) as Extract<ReturnType<typeof parseUri>, { kind: 'bq' }>;
const SCHEMA: BqField[] = [
  { name: 'run_date', type: 'DATE', description: 'week the run belongs to' },
  { name: 'series', type: 'STRING' },
  { name: 'value', type: 'FLOAT64' },
];

describe('BigQuery tables through the real client and the local double', () => {
  let d: CloudDoubles;
  const ctx = () => cloudContext({ FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, FORECAST_GCS_ENDPOINT: d.gcsEndpoint });
  before(async () => {
    d = await startCloudDoubles({ rowsPerShard: 3 });
    d.bq.ensureDataset('test-project', 'fc');
    d.bq.ensureDataset('test-project', 'eu', 'EU');
    d.gcs.ensureBucket('fc-tmp');
    d.bq.seed(
      'test-project',
      'fc',
      'events',
      [
        { name: 'topic', type: 'STRING' },
        { name: 'day', type: 'DATE' },
        { name: 'tone', type: 'FLOAT64' },
      ],
      [
        ['a', '2024-01-01', 1],
        ['a', '2024-01-07', 3],
        ['a', '2024-01-08', 5],
        ['b', '2024-01-02', 2],
        ['b', '2024-01-03', null],
        ['a', '2024-02-01', 7],
      ],
    );
  });
  after(() => d.close());
  beforeEach(() => d.faults.clear());

  it('overwrite creates the table with descriptions and reads back as CSV', async () => {
    const u = bqUri('bq://test-project.fc.plain');
    await writeBqTable(u, 'series,run_date,value\nx,2024-01-07,1.5\ny,2024-01-07,\n', ctx(), { mode: 'overwrite', schema: SCHEMA });
    const t = d.bq.find('test-project', 'fc', 'plain')!;
    assert.equal(t.schema[0].description, 'week the run belongs to');
    const text = (await readAll(await openBqRead(u, ctx(), {}))).toString();
    assert.equal(text, 'run_date,series,value\n2024-01-07,x,1.5\n2024-01-07,y,\n');
  });

  it('append writes one partition per run_date with WRITE_TRUNCATE: the same week twice leaves one copy', async () => {
    const u = bqUri('bq://test-project.fc.hist');
    const c = ctx();
    await writeBqTable(u, 'run_date,series,value\n2024-01-07,x,1\n2024-01-14,x,2\n', c, { mode: 'append', schema: SCHEMA });
    await writeBqTable(u, 'run_date,series,value\n2024-01-14,x,3\n', c, { mode: 'append', schema: SCHEMA });
    await writeBqTable(u, 'run_date,series,value\n2024-01-14,x,3\n', c, { mode: 'append', schema: SCHEMA });
    const t = d.bq.find('test-project', 'fc', 'hist')!;
    assert.deepEqual(t.timePartitioning, { type: 'DAY', field: 'run_date' });
    assert.deepEqual(t.rows.map((r) => r.join('|')).sort(), ['2024-01-07|x|1', '2024-01-14|x|3']);
  });

  it('reads large tables through an extract job to gzip shards (wildcard URI), and deletes the shards once read', async () => {
    const c = ctx();
    const text = (
      await readAll(await openBqRead(bqUri('bq://test-project.fc.events'), c, { extractVia: 'gs://fc-tmp/exports', extractAboveBytes: 10 }))
    ).toString();
    assert.equal(text.split('\n').filter(Boolean).length, 7);
    assert.ok(text.startsWith('topic,day,tone\n'));
    assert.ok(Number(c.lines.find((l) => /extract of .* done/.test(String(l.message)))?.shards) >= 2, 'several shards were read');
    assert.deepEqual(
      d.gcs.list('fc-tmp', { prefix: 'exports/' }).items.map((o) => o.name),
      [],
      'no shard is left behind',
    );
  });

  it('queries use named parameters, page through results and report bytes on dry run', async () => {
    const q = { query: 'SELECT topic, day FROM `test-project.fc.events` WHERE day >= @from ORDER BY day DESC LIMIT 2', params: { from: '2024-01-03' } };
    const text = (await readAll(await openBqRead(null, ctx(), q))).toString();
    assert.equal(text, 'topic,day\na,2024-02-01\na,2024-01-08\n');
    const totalBytesProcessed = await dryRunQuery(null, ctx(), q);
    assert.equal(totalBytesProcessed, 6 * (2 + 1) + 6 * 8);
  });

  it('maximumBytesBilled exceeded is a limit error (exit 4)', async () => {
    await assert.rejects(
      openBqRead(null, ctx(), { query: 'SELECT * FROM `test-project.fc.events`', maxBytesBilled: 1000 }),
      (e: unknown) => isForecastError(e) && e.exitCode === 4 && /bytesBilledLimitExceeded/.test(e.message),
    );
  });

  it('per-source location: a query in the wrong location fails naming the dataset', async () => {
    await assert.rejects(
      openBqRead(null, ctx(), { query: 'SELECT * FROM `test-project.fc.events`', location: 'EU' }),
      (e: unknown) => isForecastError(e) && /was not found in location EU/.test(e.message),
    );
  });

  it('unsupported SQL fails loudly in the double', async () => {
    await assert.rejects(
      openBqRead(null, ctx(), { query: 'SELECT topic FROM `test-project.fc.events` WHERE topic IN (@a)', params: { a: 'x' } }),
      (e: unknown) => isForecastError(e) && /cannot evaluate/.test(e.message),
    );
  });

  const cases = [
    { agg: 'mean' as const, freq: 'W-SUN' as const, want: ['a,2024-01-07,2', 'a,2024-01-14,5', 'a,2024-02-04,7', 'b,2024-01-07,2'] },
    { agg: 'count' as const, freq: 'W-SUN' as const, want: ['a,2024-01-07,2', 'a,2024-01-14,1', 'a,2024-02-04,1', 'b,2024-01-07,2'] },
    { agg: 'sum' as const, freq: 'MS' as const, want: ['a,2024-01-01,9', 'a,2024-02-01,7', 'b,2024-01-01,2'] },
    { agg: 'last' as const, freq: 'MS' as const, want: ['a,2024-01-01,5', 'a,2024-02-01,7', 'b,2024-01-01,'] },
    { agg: 'count_x_mean' as const, freq: 'W-SUN' as const, want: ['a,2024-01-07,4', 'a,2024-01-14,5', 'a,2024-02-04,7', 'b,2024-01-07,4'] },
  ];
  for (const c of cases) {
    it(`events push-down ${c.agg} ${c.freq} (hand-computed)`, async () => {
      const spec = { table: 'test-project.fc.events', key: 'topic', date: 'day', value: 'tone', agg: c.agg, freq: c.freq };
      const r = await aggregateEventsInBigQuery(null, spec, ctx());
      const lines = (await readAll(r)).toString().trim().split('\n');
      assert.deepEqual(lines, ['key,date,value', ...c.want]);
    });
  }

  it('events push-down: params not interpolated, identifiers validated, dry run returns bytes', async () => {
    const s = eventsPushdownSql({
      table: 'test-project.fc.events',
      key: 'topic',
      date: 'day',
      value: 'tone',
      agg: 'mean',
      freq: 'W-SUN',
      start: '2024-01-01',
      end: '2024-01-31',
    });
    assert.ok(!s.sql.includes('2024-01-01'));
    assert.deepEqual(s.params, { start: '2024-01-01', end: '2024-01-31' });
    assert.throws(() => eventsPushdownSql({ table: 'test-project.fc.events', key: 'topic`; DROP', date: 'day', agg: 'count', freq: 'D' }), /letters, digits/);
    const r = await aggregateEventsInBigQuery(
      null,
      { table: 'test-project.fc.events', key: 'topic', date: 'day', agg: 'count', freq: 'D', start: '2024-01-02' },
      ctx(),
      { dryRun: true },
    );
    assert.match(r.sql, /GROUP BY 1, 2/);
    assert.equal(r.totalBytesProcessed, 6 * 3 + 6 * 8);
  });

  const transient = [
    { name: 'tables.get 503', rule: { method: 'GET', pathRegex: '/tables/plain(\\?|$)', status: 503 as const, count: 2 } },
    { name: 'tabledata.list 429', rule: { method: 'GET', pathRegex: '/data', status: 429 as const, count: 2 } },
    { name: 'dropped tabledata.list', rule: { method: 'GET', pathRegex: '/data', mode: 'drop' as const, count: 1 } },
    { name: 'jobs.insert 503 (query)', rule: { method: 'POST', pathRegex: '/bigquery/v2/projects/[^/]+/jobs', status: 503 as const, count: 2 } },
    { name: 'getQueryResults 503', rule: { method: 'GET', pathRegex: '/queries/', status: 503 as const, count: 2 } },
  ];
  for (const t of transient) {
    it(`retries a transient ${t.name}`, async () => {
      d.faults.add(t.rule);
      const c = ctx();
      assert.match((await readAll(await openBqRead(bqUri('bq://test-project.fc.plain'), c, {}))).toString(), /^run_date,series,value\n/);
      await readAll(await openBqRead(null, c, { query: 'SELECT topic FROM `test-project.fc.events` LIMIT 1' }));
      assert.equal(d.faults.list().length, 0);
    });
  }

  for (const rule of [
    { method: 'POST', pathRegex: '^/upload/', status: 503 as const, count: 2 },
    { method: 'POST', pathRegex: '^/upload/', mode: 'drop' as const, count: 1 },
  ]) {
    it(`retries a load upload after ${rule.status ?? rule.mode}`, async () => {
      d.faults.add(rule);
      await writeBqTable(bqUri('bq://test-project.fc.retry'), 'run_date,series,value\n2024-01-07,x,1\n', ctx(), { mode: 'append', schema: SCHEMA });
      assert.equal(d.bq.find('test-project', 'fc', 'retry')!.rows.length, 1);
    });
  }

  for (const [name, run] of [
    ['read', (c: ReturnType<typeof ctx>) => openBqRead(bqUri('bq://test-project.fc.plain'), c, {}).then(readAll)],
    ['query', (c: ReturnType<typeof ctx>) => openBqRead(null, c, { query: 'SELECT topic FROM `test-project.fc.events`' }).then(readAll)],
    [
      'load',
      (c: ReturnType<typeof ctx>) =>
        writeBqTable(bqUri('bq://test-project.fc.plain'), 'run_date,series,value\n2024-01-07,x,1\n', c, { mode: 'overwrite', schema: SCHEMA }),
    ],
  ] as const) {
    it(`a persistent 503 on ${name} ends in an exit-3 cloudError naming the table`, async () => {
      d.faults.add({ status: 503, count: 10_000 });
      await assert.rejects(run(ctx()), (e: unknown) => {
        assert.ok(isForecastError(e), String(e));
        assert.equal(e.exitCode, 3, e.message);
        assert.match(e.message, /^BigQuery \w+/);
        return true;
      });
    });
  }
});
