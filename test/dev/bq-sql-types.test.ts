import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';

/**
 * The BigQuery double checks types against BigQuery's signatures before reading a row: a query
 * BigQuery rejects is a 400 invalidQuery here too (on an empty table, and on a dry run), never
 * empty rows or a made-up value. Each case is raw jobs.insert, as any client would send it.
 */
describe('the BigQuery double type-checks queries as BigQuery does', () => {
  let d: CloudDoubles;
  before(async () => {
    d = await startCloudDoubles();
    d.bq.seed(
      'test-project',
      'ty',
      't',
      [
        { name: 'n', type: 'INT64' },
        { name: 'x', type: 'FLOAT64' },
        { name: 's', type: 'STRING' },
        { name: 'd', type: 'DATE' },
        { name: 'dt', type: 'DATETIME' },
        { name: 'ts', type: 'TIMESTAMP' },
        { name: 'b', type: 'BOOL' },
      ],
      [[20200105, 1.5, 'a;b', '2020-01-05', '2020-01-05T12:00:00', Date.parse('2020-01-05T12:00:00Z') * 1000, true]],
    );
    d.bq.seed(
      'test-project',
      'ty',
      'empty',
      [
        { name: 'n', type: 'INT64' },
        { name: 'ts', type: 'TIMESTAMP' },
      ],
      [],
    );
  });
  after(() => d.close());

  const run = async (query: string, params: [string, string, string][] = [], dryRun = false) => {
    const r = await fetch(`${d.bqEndpoint}/bigquery/v2/projects/test-project/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        configuration: {
          dryRun,
          query: {
            query,
            useLegacySql: false,
            parameterMode: 'NAMED',
            queryParameters: params.map(([name, type, value]) => ({ name, parameterType: { type }, parameterValue: { value } })),
          },
        },
      }),
    });
    return { status: r.status, body: await r.text() };
  };
  const rejected: [string, string, [string, string, string][], RegExp][] = [
    [
      "DATE_TRUNC of an INT64 (GDELT's DATE)",
      'SELECT DATE_TRUNC(n, WEEK(MONDAY)) AS w FROM `test-project.ty.t`',
      [],
      /No matching signature for function DATE_TRUNC for argument types: INT64, DATE_TIME_PART/,
    ],
    [
      'a TIMESTAMP against a DATE parameter',
      'SELECT n FROM `test-project.ty.t` WHERE ts >= @start',
      [['start', 'DATE', '2020-01-01']],
      /No matching signature for operator >= for argument types: TIMESTAMP, DATE/,
    ],
    [
      'DATE_ADD of a TIMESTAMP',
      'SELECT DATE_ADD(ts, INTERVAL 6 DAY) AS w FROM `test-project.ty.t`',
      [],
      /function DATE_ADD for argument types: TIMESTAMP, INTERVAL/,
    ],
    ['a DATE plus an INT64', 'SELECT d + 1 AS w FROM `test-project.ty.t`', [], /operator \+ for argument types: DATE, INT64/],
    ['SUM of a STRING', 'SELECT SUM(s) AS w FROM `test-project.ty.t`', [], /function SUM for argument types: STRING/],
    ['AVG of a BOOL', 'SELECT AVG(b) AS w FROM `test-project.ty.t`', [], /function AVG for argument types: BOOL/],
    ['a STRING compared with an INT64', 'SELECT n FROM `test-project.ty.t` WHERE s = n', [], /operator = for argument types: STRING, INT64/],
    ['PARSE_DATE of an INT64', "SELECT PARSE_DATE('%Y%m%d', n) AS w FROM `test-project.ty.t`", [], /function PARSE_DATE for argument types: STRING, INT64/],
    ['UNNEST of a STRING', 'SELECT i FROM `test-project.ty.t`, UNNEST(s) AS i', [], /Values referenced in UNNEST must be arrays/],
    ['an unknown column', 'SELECT nope FROM `test-project.ty.t`', [], /Unrecognized name: nope/],
    ['on an empty table: TIMESTAMP >= DATE', 'SELECT n FROM `test-project.ty.empty` WHERE ts >= @start', [['start', 'DATE', '2020-01-01']], /TIMESTAMP, DATE/],
  ];
  for (const [name, query, params, message] of rejected) {
    for (const dryRun of [false, true]) {
      it(`rejects ${name}${dryRun ? ' (dry run)' : ''} with 400 invalidQuery`, async () => {
        const r = await run(query, params, dryRun);
        assert.equal(r.status, 400, r.body);
        assert.match(r.body, /"reason":"invalidQuery"/);
        assert.match(r.body, message);
      });
    }
  }

  const accepted: [string, string, [string, string, string][], unknown[]][] = [
    [
      'DATETIME >= a DATE parameter (DATE coerces to DATETIME)',
      'SELECT n FROM `test-project.ty.t` WHERE dt >= @start',
      [['start', 'DATE', '2020-01-05']],
      ['20200105'],
    ],
    ['a TIMESTAMP against a STRING literal', "SELECT n FROM `test-project.ty.t` WHERE ts > '2020-01-05 11:00:00'", [], ['20200105']],
    ['INT64 yyyymmdd as a DATE', "SELECT PARSE_DATE('%Y%m%d', SUBSTR(CAST(n AS STRING), 1, 8)) AS w FROM `test-project.ty.t`", [], ['2020-01-05']],
    ['DATE of a TIMESTAMP and of a DATETIME', 'SELECT DATE(ts) AS a, DATE(dt) AS c FROM `test-project.ty.t`', [], ['2020-01-05', '2020-01-05']],
    ['DATE_TRUNC of a TIMESTAMP keeps its type', 'SELECT DATE(DATE_TRUNC(ts, MONTH)) AS w FROM `test-project.ty.t`', [], ['2020-01-01']],
    ['SPLIT and OFFSET', "SELECT SPLIT(s, ';')[OFFSET(1)] AS w, SPLIT(s, ';')[SAFE_OFFSET(5)] AS z FROM `test-project.ty.t`", [], ['b', null]],
  ];
  for (const [name, query, params, want] of accepted) {
    it(`accepts ${name}`, async () => {
      const r = await run(query, params);
      assert.equal(r.status, 200, r.body);
      const id = (JSON.parse(r.body) as { jobReference: { jobId: string } }).jobReference.jobId;
      const rows = (await (await fetch(`${d.bqEndpoint}/bigquery/v2/projects/test-project/queries/${id}`)).json()) as { rows?: { f: { v: unknown }[] }[] };
      assert.deepEqual(
        rows.rows?.[0].f.map((c) => c.v),
        want,
      );
    });
  }
});
