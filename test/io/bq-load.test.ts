import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { writeBqTable, type BqField } from '../../src/io/bigquery.js';
import { isForecastError } from '../../src/errors.js';
import { bqUri, cloudContext } from '../support/cloud-context.js';

/**
 * Loads that never go stale, through the real BigQuery client against the double, which keeps
 * job ids the way BigQuery does (for months: a second insert of an id is 409, whatever became of
 * the first job) and finds a job outside the US and EU only with its location.
 */
const SCHEMA: BqField[] = [
  { name: 'feature', type: 'STRING' },
  { name: 'rank', type: 'INT64' },
];
const DATED: BqField[] = [
  { name: 'run_date', type: 'DATE' },
  { name: 'mae', type: 'FLOAT64' },
];

describe('BigQuery loads: one job id per load, found where it lives', () => {
  let d: CloudDoubles;
  const ctx = () => cloudContext({ FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, FORECAST_GCS_ENDPOINT: d.gcsEndpoint });
  const rows = (project: string, dataset: string, table: string) =>
    d.bq
      .find(project, dataset, table)!
      .rows.map((r) => r.join('|'))
      .sort();

  before(async () => {
    d = await startCloudDoubles();
    d.bq.ensureDataset('test-project', 'dash', 'US');
    d.bq.ensureDataset('other-project', 'dash', 'EU');
    d.bq.ensureDataset('test-project', 'dash_ew1', 'europe-west1');
  });
  after(() => d.close());
  beforeEach(() => d.faults.clear());

  const contents = { A: 'feature,rank\nx,1\ny,2\n', B: 'feature,rank\nz,1\n' };
  it('overwrite: publishing A, then B, then A again leaves A (not B with a "loaded" log)', async () => {
    const u = bqUri('bq://test-project.dash.feature_ranking');
    for (const v of ['A', 'B', 'A'] as const) await writeBqTable(u, contents[v], ctx(), { mode: 'overwrite', schema: SCHEMA });
    assert.deepEqual(rows('test-project', 'dash', 'feature_ranking'), ['x|1', 'y|2']);
  });

  it("append: a backfill that repeats an earlier week's content replaces that week again", async () => {
    const u = bqUri('bq://test-project.dash.weekly_score');
    for (const mae of ['1.5', '2.5', '1.5']) await writeBqTable(u, `run_date,mae\n2024-01-07,${mae}\n`, ctx(), { mode: 'append', schema: DATED });
    assert.deepEqual(rows('test-project', 'dash', 'weekly_score'), ['2024-01-07|1.5']);
  });

  it('a load job that failed for a retryable reason is resubmitted under a new id', async () => {
    d.faults.add({ method: 'POST', pathRegex: '^/upload/bigquery/', mode: 'jobError', reason: 'backendError', count: 1 });
    const c = ctx();
    await writeBqTable(bqUri('bq://test-project.dash.resubmitted'), contents.A, c, { mode: 'overwrite', schema: SCHEMA });
    assert.deepEqual(rows('test-project', 'dash', 'resubmitted'), ['x|1', 'y|2']);
    const resubmit = c.lines.find((l) => /resubmitting it under a new id/.test(String(l.message)));
    assert.ok(resubmit, 'the failed job was resubmitted');
    const loaded = c.lines.find((l) => /^loaded /.test(String(l.message)));
    assert.notEqual(loaded?.jobId, resubmit.jobId, 'under a new job id');
  });

  it('a load job that failed for a reason another job would meet too (invalid) is not resubmitted', async () => {
    d.faults.add({ method: 'POST', pathRegex: '^/upload/bigquery/', mode: 'jobError', reason: 'invalid', count: 1 });
    const c = ctx();
    await assert.rejects(
      writeBqTable(bqUri('bq://test-project.dash.rejected'), contents.A, c, { mode: 'overwrite', schema: SCHEMA }),
      (e: unknown) => isForecastError(e) && e.exitCode === 2 && /invalid/.test(e.message),
    );
    assert.equal(c.lines.filter((l) => /resubmitting/.test(String(l.message))).length, 0);
  });

  const places = [
    { name: "a table in another project than the client's", uri: 'bq://other-project.dash.scores', project: 'other-project', dataset: 'dash' },
    { name: 'a single-region dataset (europe-west1)', uri: 'bq://test-project.dash_ew1.scores', project: 'test-project', dataset: 'dash_ew1' },
  ];
  for (const p of places) {
    for (const mode of ['overwrite', 'append'] as const) {
      it(`${mode} into ${p.name}: a lost upload answer is retried, and the 409 job is found where it lives`, async () => {
        d.faults.add({ method: 'POST', pathRegex: '^/upload/bigquery/', mode: 'lose', count: 1 });
        const c = ctx();
        const [schema, csv] = mode === 'append' ? [DATED, 'run_date,mae\n2024-01-14,3\n'] : [SCHEMA, contents.B];
        const uri = `${p.uri}_${mode}`;
        await writeBqTable(bqUri(uri), csv, c, { mode, schema });
        assert.equal(d.faults.list().length, 0, 'the response was lost once');
        assert.ok(
          c.lines.some((l) => /already exists/.test(String(l.message))),
          'the retry met its own job (409)',
        );
        assert.equal(d.bq.find(p.project, p.dataset, `scores_${mode}`)!.rows.length, 1);
        await writeBqTable(bqUri(uri), mode === 'append' ? 'run_date,mae\n2024-01-14,4\n' : contents.A, ctx(), {
          mode,
          schema: mode === 'append' ? DATED : SCHEMA,
        });
      });
    }
  }

  it('the double keeps job ids as BigQuery does: 409 on reuse, even of a failed job; jobs.get needs the location outside US/EU', async () => {
    const api = `${d.bqEndpoint}/bigquery/v2/projects/test-project`;
    const insert = (jobId: string, location?: string) =>
      fetch(`${api}/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jobReference: { jobId, location },
          configuration: { query: { query: 'SELECT feature FROM `test-project.dash_ew1.scores_overwrite`', useLegacySql: false } },
        }),
      });
    d.faults.add({ method: 'POST', pathRegex: '/jobs$', mode: 'jobError', reason: 'backendError', count: 1 });
    const failed = (await (await insert('job_once')).json()) as { status: { errorResult?: { reason: string } }; jobReference: { location: string } };
    assert.equal(failed.status.errorResult?.reason, 'backendError');
    assert.equal(failed.jobReference.location, 'US');
    assert.equal((await insert('job_once')).status, 409, 'a failed job keeps its id');
    assert.equal((await insert('job_ew1', 'europe-west1')).status, 200);
    assert.equal((await fetch(`${api}/jobs/job_ew1`)).status, 404);
    assert.equal((await fetch(`${api}/jobs/job_ew1?location=europe-west1`)).status, 200);
    assert.equal((await fetch(`${api}/jobs/job_once`)).status, 200, 'a US job is found without its location');
  });
});
