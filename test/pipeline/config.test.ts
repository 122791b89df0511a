import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadConfig } from '../../src/pipeline/config.js';
import { ForecastError } from '../../src/errors.js';

const ok = { sources: [{ uri: 'a.csv' }], target: 'y' };

test('the demo config loads, with defaults and source paths relative to the config', () => {
  const c = loadConfig(readFileSync('fixtures/demo/pipeline.json', 'utf8'), 'pipeline.json', 'fixtures/demo');
  assert.deepEqual(c.targets, ['desempleo']);
  assert.equal(c.sources[0].uri.text, 'fixtures/google_trends_spain_2019_2020.csv');
  assert.equal(c.deadlineMs, 60_000);
  assert.equal(c.maxMemoryBytes, Math.round(3.5 * 1024 ** 3));
  const d = loadConfig(JSON.stringify(ok), 'c.json');
  assert.deepEqual(
    [d.freq, d.horizon, d.metric, d.levels, d.outDir, d.report],
    ['W-SUN', 4, 'mae', [0.8, 0.95], { kind: 'file', text: 'out', path: 'out' }, true],
  );
  assert.deepEqual(d.limits, { maxFieldChars: 2 ** 20, maxLineChars: 2 ** 26 });
  assert.deepEqual(loadConfig(JSON.stringify({ ...ok, maxFieldSize: '64KiB', maxLineLength: '1000' }), 'c.json').limits, {
    maxFieldChars: 65536,
    maxLineChars: 1000,
  });
});

test('target: a name, "*", a glob or an array of them; a comma is part of a name here', () => {
  const cases: [unknown, string[]][] = [
    ['y', ['y']],
    ['*', ['*']],
    ['gdelt_*', ['gdelt_*']],
    [
      ['desempleo', 'paro'],
      ['desempleo', 'paro'],
    ],
    ['a,b', ['a,b']],
  ];
  for (const [target, want] of cases) assert.deepEqual(loadConfig(JSON.stringify({ ...ok, target }), 'c.json').targets, want);
});

test('bad fields are named', () => {
  const cases: [unknown, RegExp][] = [
    [{ ...ok, horizon: 0 }, /'horizon' must be a whole number from 1/],
    [{ ...ok, freq: 'weekly' }, /'freq' 'weekly' is not one of/],
    [{ ...ok, target: undefined }, /'target' is required/],
    [{ ...ok, sources: [] }, /'sources' must be a non-empty array/],
    [{ ...ok, sources: [{ uri: 'a.csv', agg: 'avg' }] }, /sources\[0\]: agg 'avg'/],
    [{ ...ok, sources: [{ uri: 'a.csv', colour: 1 }] }, /'sources\[0\]\.colour' is not a source field/],
    [{ ...ok, levels: [80] }, /'levels' must be/],
    [{ ...ok, publish: { weekly: 'bq://p.d.t' } }, /'publish\.weekly' is not a publishable table/],
    [{ ...ok, deadline: 'soon' }, /'deadline' 'soon' is not a duration/],
    [{ ...ok, end: '2019-02-30' }, /'end' '2019-02-30' must be a date/],
    [{ ...ok, targte: 'y' }, /'targte' is not a config field/],
    [{ ...ok, candidates: ['naive', 'rigde'] }, /'candidates' 'rigde' is not a candidate model; candidates are: naive, snaive/],
    [{ ...ok, start: '2020-02-01', end: '2020-01-01' }, /'start' 2020-02-01 is after 'end' 2020-01-01/],
    [{ ...ok, start: '0000-01-01' }, /'start' '0000-01-01' is outside the dates 0001-01-01 … 9999-12-31/],
    [{ ...ok, end: '9999-12-31' }, /'end' '9999-12-31' falls in the period ending 10000-01-02/],
    [{ ...ok, maxLineLength: 'long' }, /c\.json: 'maxLineLength' 'long' is not a size/],
    [{ ...ok, maxFieldSize: '0' }, /c\.json: 'maxFieldSize' '0' must be at least 1 character/],
    ['[1,2]', /expected a JSON object/],
    [{ ...ok, target: [] }, /'target' must be a column name, "\*", a glob/],
    [{ ...ok, target: ['a', 3] }, /'target\[1\]' must be a column name/],
    [{ ...ok, target: ' ' }, /'target' must be a column name/],
    [{ ...ok, outDir: 'bq://my-project.d.t' }, /^c\.json: 'outDir' 'bq:\/\/my-project\.d\.t' must be a local folder or a gs:\/\/ prefix/],
    [{ ...ok, outDir: 'gs://Bad_Bucket/weekly' }, /^c\.json: 'outDir' 'gs:\/\/Bad_Bucket\/weekly': 'Bad_Bucket' is not a valid Cloud Storage bucket name$/],
  ];
  for (const [raw, re] of cases) {
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    assert.throws(
      () => loadConfig(text, 'c.json'),
      (e: unknown) => e instanceof ForecastError && e.exitCode === 2 && re.test(e.message) && e.message.startsWith('c.json'),
      text,
    );
  }
  assert.throws(() => loadConfig('{"sources": [', 'c.json'), /c\.json: not valid JSON/);
});

test('the config loader never throws anything but a ForecastError (property)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.json(),
        fc.string(),
        fc
          .record({ sources: fc.array(fc.record({ uri: fc.string(), format: fc.string(), agg: fc.string() })), target: fc.anything(), horizon: fc.anything() })
          .map((o) => JSON.stringify(o)),
      ),
      (text) => {
        try {
          loadConfig(text, 'c.json');
        } catch (e) {
          return e instanceof ForecastError;
        }
        return true;
      },
    ),
    { numRuns: 300 },
  );
});
