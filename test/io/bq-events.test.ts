import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { aggregateEventsInBigQuery, type EventsSpec } from '../../src/io/bigquery.js';
import { loadConfig } from '../../src/pipeline/config.js';
import { mergeSources } from '../../src/pipeline/merge.js';
import { isForecastError } from '../../src/errors.js';
import { bqUri, cloudContext, readAll } from '../support/cloud-context.js';

/**
 * The events push-down reads the date column's type (tables.get) and wraps it so BigQuery accepts
 * the SQL; a key column of delimited lists (GDELT's V2Themes) is split. The double type-checks
 * the SQL as BigQuery does, so the old DATE-only SQL fails here as it fails there.
 *
 * Four events (hand-computed, weeks ending Sunday):
 *   Mon 2020-01-06 10:30 and Wed 2020-01-08 → week ending 2020-01-12; Mon 2020-01-13 09:15 →
 *   2020-01-19; Sun 2020-01-05 23:59:59 → 2020-01-05, outside the bounds 2020-01-06..2020-01-19.
 */
const TIMES = ['2020-01-06T10:30:00', '2020-01-08T00:00:00', '2020-01-13T09:15:00', '2020-01-05T23:59:59'];
const KEYS = ['a', 'a', 'b', 'a'];
const WANT = ['key,date,value', 'a,2020-01-12,2', 'b,2020-01-19,1'];

const asType: Record<string, (iso: string) => string | number> = {
  DATE: (iso) => iso.slice(0, 10),
  DATETIME: (iso) => iso,
  TIMESTAMP: (iso) => Date.parse(`${iso}Z`) * 1000,
  'INT64 (yyyymmdd)': (iso) => Number(iso.slice(0, 10).replace(/-/g, '')),
  'INT64 (yyyymmddhhmmss)': (iso) => Number(iso.replace(/[-T:]/g, '')),
};

describe('events push-down over every date column type, and delimited keys', () => {
  let d: CloudDoubles;
  const ctx = () => cloudContext({ FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, FORECAST_GCS_ENDPOINT: d.gcsEndpoint });
  before(async () => {
    d = await startCloudDoubles();
    for (const [name, conv] of Object.entries(asType)) {
      const id = name.replace(/\W+/g, '_').replace(/_$/, '').toLowerCase();
      d.bq.seed(
        'test-project',
        'ev',
        id,
        [
          { name: 'topic', type: 'STRING' },
          { name: 'day', type: name.split(' ')[0] },
        ],
        TIMES.map((t, i) => [KEYS[i], conv(t)]),
      );
    }
    // GDELT's public GKG table, shaped as it is: DATE INT64 yyyymmddhhmmss, V2Themes `THEME,offset;...`.
    d.bq.seed(
      'gdelt-bq',
      'gdeltv2',
      'gkg',
      [
        { name: 'GKGRECORDID', type: 'STRING' },
        { name: 'DATE', type: 'INTEGER' },
        { name: 'SourceCommonName', type: 'STRING' },
        { name: 'V2Themes', type: 'STRING' },
        { name: 'V2Tone', type: 'STRING' },
      ],
      [
        ['20200106103000-1', 20200106103000, 'a.es', 'ECON_UNEMPLOYMENT,120;TAX_FNCACT_WORKER,45;ECON_UNEMPLOYMENT,300;', '-2.1,1,3.1,4,0,0,120'],
        ['20200108000000-2', 20200108000000, 'b.es', 'ECON_UNEMPLOYMENT,12', '1.5,2,0.5,2.5,0,0,80'],
        ['20200113091500-3', 20200113091500, 'c.es', 'TAX_FNCACT_WORKER,7;', '0,1,1,2,0,0,50'],
        ['20200113120000-4', 20200113120000, 'd.es', null, '0,0,0,0,0,0,10'],
      ],
      undefined,
    );
  });
  after(() => d.close());

  for (const name of Object.keys(asType)) {
    it(`date column of type ${name}: count per W-SUN week within start/end`, async () => {
      const table = `test-project.ev.${name.replace(/\W+/g, '_').replace(/_$/, '').toLowerCase()}`;
      const spec: EventsSpec = { table, key: 'topic', date: 'day', agg: 'count', freq: 'W-SUN', start: '2020-01-06', end: '2020-01-19' };
      const text = (await readAll(await aggregateEventsInBigQuery(bqUri(`bq://${table}`), spec, ctx()))).toString();
      assert.deepEqual(text.trim().split('\n'), WANT);
    });
  }

  it('a STRING date column is a clear error naming the table, column and type', async () => {
    d.bq.seed(
      'test-project',
      'ev',
      'text_dates',
      [
        { name: 'topic', type: 'STRING' },
        { name: 'day', type: 'STRING' },
      ],
      [['a', '2020-01-06']],
    );
    const spec: EventsSpec = { table: 'test-project.ev.text_dates', key: 'topic', date: 'day', agg: 'count', freq: 'W-SUN' };
    await assert.rejects(
      aggregateEventsInBigQuery(bqUri('bq://test-project.ev.text_dates'), spec, ctx()),
      (e: unknown) => isForecastError(e) && e.code === 'input.bad_date_type' && /'day' of bq:\/\/test-project\.ev\.text_dates is STRING/.test(e.message),
    );
  });

  it('GDELT GKG: V2Themes split on ;, each article counted once per theme, INT64 DATE', async () => {
    const spec: EventsSpec = { table: 'gdelt-bq.gdeltv2.gkg', key: 'V2Themes', date: 'DATE', agg: 'count', freq: 'W-SUN', split: ';' };
    const text = (await readAll(await aggregateEventsInBigQuery(bqUri('bq://gdelt-bq.gdeltv2.gkg'), spec, ctx()))).toString();
    assert.deepEqual(text.trim().split('\n'), [
      'key,date,value',
      'ECON_UNEMPLOYMENT,2020-01-12,2',
      'TAX_FNCACT_WORKER,2020-01-12,1',
      'TAX_FNCACT_WORKER,2020-01-19,1',
    ]);
  });

  it("the README's GDELT source runs against GDELT's public GKG schema", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /```json\n(\{[\s\S]*?\n\})\n```/.exec(readme)?.[1];
    assert.ok(block, 'the README has a config example');
    const gdelt = loadConfig(block, 'README.md').sources.find((s) => s.uri.text === 'bq://gdelt-bq.gdeltv2.gkg');
    assert.ok(gdelt, 'the README example reads bq://gdelt-bq.gdeltv2.gkg');
    const merged = await mergeSources([gdelt], { freq: 'W-SUN' }, ctx());
    const names = merged.frame.names;
    assert.deepEqual(names.filter((n) => /UNEMPLOYMENT|WORKER/.test(n)).sort(), [
      `${gdelt.prefix ?? ''}ECON_UNEMPLOYMENT`,
      `${gdelt.prefix ?? ''}TAX_FNCACT_WORKER`,
    ]);
  });
});
