import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { openBqRead, writeBqTable, type BqField } from '../../src/io/bigquery.js';
import { schema } from '../../src/pipeline/table-schema.js';
import { TABLES } from '../../src/pipeline/tables.js';
import { isForecastError } from '../../src/errors.js';
import { bqUri, cloudContext, readAll } from '../support/cloud-context.js';

/**
 * Names and schemas as BigQuery has them, through the real client against the double: column
 * names are checked before any job; appends add new columns with ALLOW_FIELD_ADDITION; a
 * whole-table overwrite takes the new schema; only DAY partitions take run_date appends; views
 * and external tables are read through a query.
 */
describe('BigQuery names and schemas', () => {
  let d: CloudDoubles;
  const ctx = () => cloudContext({ FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, FORECAST_GCS_ENDPOINT: d.gcsEndpoint });
  const api = () => `${d.bqEndpoint}/bigquery/v2/projects/test-project`;
  const post = (path: string, body: object) =>
    fetch(`${api()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  before(async () => {
    d = await startCloudDoubles();
    d.bq.ensureDataset('test-project', 'dash');
    d.gcs.ensureBucket('ext');
  });
  after(() => d.close());
  beforeEach(() => d.faults.clear());

  it('a 97.5 % level publishes as lower_97_5 / upper_97_5', async () => {
    const fields = schema(TABLES.predictions, [0.8, 0.975]);
    assert.deepEqual(
      fields.slice(-2).map((f) => f.name),
      ['lower_97_5', 'upper_97_5'],
    );
    const header = fields.map((f) => f.name).join(',');
    await writeBqTable(bqUri('bq://test-project.dash.predictions'), `${header}\ny,2020-05-31,,1,0,2,1,forecast,naive,2020-05-24,-1,3\n`, ctx(), {
      mode: 'overwrite',
      schema: fields,
    });
    assert.deepEqual(
      d.bq
        .find('test-project', 'dash', 'predictions')!
        .schema.slice(-2)
        .map((f) => f.name),
      ['lower_97_5', 'upper_97_5'],
    );
  });

  const badNames: [string[], RegExp][] = [
    [['run_date', 'lower_97.5'], /column 'lower_97\.5' is not a valid BigQuery column name/],
    [['run_date', 'my col'], /column 'my col' is not a valid BigQuery column name/],
    [['run_date', '9lives'], /column '9lives'/],
    [['run_date', 'Value', 'value'], /columns 'Value' and 'value' differ only in case/],
    [['run_date', '_PARTITIONTIME'], /starts with '_partition', which BigQuery reserves/],
  ];
  for (const [names, message] of badNames) {
    it(`names [${names.join(', ')}] fail before any request: ${message.source}`, async () => {
      const fields: BqField[] = names.map((name) => ({ name, type: name === 'run_date' ? 'DATE' : 'FLOAT64' }));
      const before = d.bq.tables.size;
      const server = d.bq;
      await assert.rejects(
        writeBqTable(bqUri('bq://test-project.dash.bad_names'), `${names.join(',')}\n`, ctx(), { mode: 'overwrite', schema: fields }),
        (e: unknown) =>
          isForecastError(e) && e.code === 'input.bad_column_name' && message.test(e.message) && e.message.includes('bq://test-project.dash.bad_names'),
      );
      assert.equal(server.tables.size, before, 'no table was created');
    });
  }

  it("the double applies BigQuery's column-name rules to tables.insert and load jobs", async () => {
    const bad = await post('/datasets/dash/tables', { tableReference: { tableId: 't_bad' }, schema: { fields: [{ name: 'lower_97.5', type: 'FLOAT64' }] } });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Invalid field name \\"lower_97\.5\\"/);
    const dup = await post('/datasets/dash/tables', {
      tableReference: { tableId: 't_dup' },
      schema: {
        fields: [
          { name: 'a', type: 'INT64' },
          { name: 'A', type: 'INT64' },
        ],
      },
    });
    assert.match(await dup.text(), /Duplicate\(Case Insensitive\) field names: a and A/);
    d.gcs.put('ext', 'x.csv', Buffer.from('1\n'), {});
    const load = (await (
      await post('/jobs', {
        configuration: {
          load: {
            destinationTable: { projectId: 'test-project', datasetId: 'dash', tableId: 't_load' },
            sourceUris: ['gs://ext/x.csv'],
            schema: { fields: [{ name: 'a-b', type: 'INT64' }] },
          },
        },
      })
    ).json()) as { status: { errorResult?: { reason: string; message: string } } };
    assert.equal(load.status.errorResult?.reason, 'invalid');
    assert.match(load.status.errorResult!.message, /Invalid field name "a-b"/);
  });

  const OLD: BqField[] = [
    { name: 'run_date', type: 'DATE' },
    { name: 'model', type: 'STRING' },
  ];
  const NEW: BqField[] = [...OLD, { name: 'coverage', type: 'FLOAT64' }];

  it('append: a column the table lacks is added (ALLOW_FIELD_ADDITION); earlier rows read it as empty', async () => {
    const u = bqUri('bq://test-project.dash.weekly_score');
    await writeBqTable(u, 'run_date,model\n2024-01-07,naive\n', ctx(), { mode: 'append', schema: OLD });
    await writeBqTable(u, 'run_date,model,coverage\n2024-01-14,ridge,0.8\n', ctx(), { mode: 'append', schema: NEW });
    const text = (await readAll(await openBqRead(u, ctx(), {}))).toString();
    assert.equal(text, 'run_date,model,coverage\n2024-01-07,naive,\n2024-01-14,ridge,0.8\n');
  });

  it("append into a table with columns in another order and one the rows lack keeps the table's columns", async () => {
    const u = bqUri('bq://test-project.dash.reordered');
    await writeBqTable(u, 'model,note,run_date\nnaive,kept,2024-01-07\n', ctx(), {
      mode: 'append',
      schema: [
        { name: 'model', type: 'STRING' },
        { name: 'note', type: 'STRING' },
        { name: 'run_date', type: 'DATE' },
      ],
    });
    await writeBqTable(u, 'run_date,model\n2024-01-14,ridge\n', ctx(), { mode: 'append', schema: OLD });
    assert.deepEqual(
      d.bq
        .find('test-project', 'dash', 'reordered')!
        .rows.map((r) => r.join('|'))
        .sort(),
      ['naive|kept|2024-01-07', 'ridge||2024-01-14'],
    );
  });

  it('append with a type that changed is a clear error naming the column', async () => {
    await assert.rejects(
      writeBqTable(bqUri('bq://test-project.dash.weekly_score'), 'run_date,model\n2024-01-21,3\n', ctx(), {
        mode: 'append',
        schema: [OLD[0], { name: 'model', type: 'INT64' }],
      }),
      (e: unknown) => isForecastError(e) && e.code === 'input.column_type' && /column 'model' is STRING in the table but INT64/.test(e.message),
    );
  });

  it('the double rejects an append that adds a column without ALLOW_FIELD_ADDITION, as BigQuery does', async () => {
    d.gcs.put('ext', 'add.csv', Buffer.from('2024-01-21,naive,0.5,1\n'), {});
    const r = (await (
      await post('/jobs', {
        configuration: {
          load: {
            destinationTable: { projectId: 'test-project', datasetId: 'dash', tableId: 'weekly_score$20240121' },
            sourceUris: ['gs://ext/add.csv'],
            schema: { fields: [...NEW, { name: 'extra', type: 'INT64' }] },
            writeDisposition: 'WRITE_TRUNCATE',
          },
        },
      })
    ).json()) as { status: { errorResult?: { message: string } } };
    assert.match(
      r.status.errorResult?.message ?? '',
      /Provided Schema does not match Table test-project:dash\.weekly_score\. Cannot add fields \(field: extra\)/,
    );
  });

  it("overwrite: a whole-table WRITE_TRUNCATE with a new schema replaces the table's schema", async () => {
    const u = bqUri('bq://test-project.dash.ranking');
    await writeBqTable(u, 'feature,rank\nx,1\n', ctx(), {
      mode: 'overwrite',
      schema: [
        { name: 'feature', type: 'STRING' },
        { name: 'rank', type: 'INT64' },
      ],
    });
    await writeBqTable(u, 'feature,coefficient\ny,0.5\n', ctx(), {
      mode: 'overwrite',
      schema: [
        { name: 'feature', type: 'STRING' },
        { name: 'coefficient', type: 'FLOAT64' },
      ],
    });
    const t = d.bq.find('test-project', 'dash', 'ranking')!;
    assert.deepEqual(
      t.schema.map((f) => `${f.name}:${f.type}`),
      ['feature:STRING', 'coefficient:FLOAT64'],
    );
    assert.deepEqual(t.rows, [['y', 0.5]]);
  });

  it('append into a MONTH-partitioned table fails the partition check, naming MONTH', async () => {
    d.bq.seed(
      'test-project',
      'dash',
      'monthly',
      [
        { name: 'run_date', type: 'DATE' },
        { name: 'model', type: 'STRING' },
      ],
      [],
      { type: 'MONTH', field: 'run_date' },
    );
    await assert.rejects(
      writeBqTable(bqUri('bq://test-project.dash.monthly'), 'run_date,model\n2024-01-07,naive\n', ctx(), { mode: 'append', schema: OLD }),
      (e: unknown) => isForecastError(e) && e.code === 'input.not_partitioned' && /by MONTH on 'run_date', not by DAY/.test(e.message),
    );
    assert.equal(d.bq.find('test-project', 'dash', 'monthly')!.rows.length, 0);
  });

  it('views and external tables: tabledata.list refuses them; forecast reads them through a query job', async () => {
    d.gcs.put('ext', 'series/part-1.csv', Buffer.from('date,v\n2024-01-07,1.5\n'), {});
    d.gcs.put('ext', 'series/part-2.csv', Buffer.from('date,v\n2024-01-14,2.5\n'), {});
    assert.equal(
      (
        await post('/datasets/dash/tables', {
          tableReference: { tableId: 'ext_series' },
          schema: {
            fields: [
              { name: 'date', type: 'DATE' },
              { name: 'v', type: 'FLOAT64' },
            ],
          },
          externalDataConfiguration: { sourceUris: ['gs://ext/series/*.csv'], sourceFormat: 'CSV', csvOptions: { skipLeadingRows: 1 } },
        })
      ).status,
      200,
    );
    assert.equal(
      (
        await post('/datasets/dash/tables', {
          tableReference: { tableId: 'curated' },
          view: { query: 'SELECT date, v FROM `test-project.dash.ext_series` WHERE v > 2', useLegacySql: false },
        })
      ).status,
      200,
    );
    for (const [table, type] of [
      ['ext_series', 'EXTERNAL'],
      ['curated', 'VIEW'],
    ]) {
      const list = await fetch(`${api()}/datasets/dash/tables/${table}/data`);
      assert.equal(list.status, 400);
      assert.match(await list.text(), new RegExp(`Cannot list a table of type ${type}`));
    }
    assert.equal(
      (await readAll(await openBqRead(bqUri('bq://test-project.dash.ext_series'), ctx(), {}))).toString(),
      'date,v\n2024-01-07,1.5\n2024-01-14,2.5\n',
    );
    assert.equal((await readAll(await openBqRead(bqUri('bq://test-project.dash.curated'), ctx(), {}))).toString(), 'date,v\n2024-01-14,2.5\n');
  });
});
