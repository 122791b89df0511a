import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gsObject, joinUri, parseGsUri, parseUri, resolveUri } from '../../src/io/uri.js';
import { ForecastError } from '../../src/errors.js';

test('parseUri accepts the four kinds', () => {
  assert.deepEqual(parseUri('-'), { kind: 'stdio', text: '-' });
  assert.equal(parseUri('out/a.csv').kind, 'file');
  assert.deepEqual(parseUri('gs://my-bucket/a/b.csv.gz'), { kind: 'gs', text: 'gs://my-bucket/a/b.csv.gz', bucket: 'my-bucket', object: 'a/b.csv.gz' });
  assert.deepEqual(parseUri('bq://my-project.trends.weekly_score'), {
    kind: 'bq',
    text: 'bq://my-project.trends.weekly_score',
    project: 'my-project',
    dataset: 'trends',
    table: 'weekly_score',
  });
});

test('parseUri rejects bad identifiers before any request, naming them', () => {
  const bad: [string, RegExp][] = [
    ['gs://UPPER/x.csv', /bucket name/],
    ['gs://bucket', /non-empty object/],
    ['bq://p.d', /PROJECT\.DATASET\.TABLE/],
    ['bq://my-project.bad-dataset.t', /dataset name/],
    ['bq://my-project.d.t;DROP', /table name/],
    ['bq://1project.d.t', /project id/],
    ['s3://b/k', /unsupported scheme/],
    ['', /empty/],
  ];
  for (const [text, re] of bad) {
    assert.throws(
      () => parseUri(text),
      (e: unknown) => e instanceof ForecastError && e.exitCode === 2 && re.test(e.message),
      text,
    );
  }
});

test('joinUri', () => {
  assert.equal(joinUri('gs://b/runs/', 'x.csv'), 'gs://b/runs/x.csv');
  assert.equal(joinUri('out', 'x.csv'), 'out/x.csv');
  assert.equal(joinUri('/', 'x.csv'), '/x.csv');
  assert.equal(joinUri('', 'x.csv'), 'x.csv');
});

test('parseGsUri insists on gs://; gsObject builds one without parsing; resolveUri resolves only relative paths', () => {
  assert.deepEqual(parseGsUri('gs://b-1/x.csv'), gsObject('b-1', 'x.csv'));
  assert.throws(
    () => parseGsUri('out/x.csv', 'event marker'),
    (e: unknown) => e instanceof ForecastError && /^event marker 'out\/x\.csv': expected a gs:\/\/BUCKET\/OBJECT URI$/.test(e.message),
  );
  assert.deepEqual(resolveUri(parseUri('a.csv'), 'cfg'), { kind: 'file', text: 'cfg/a.csv', path: 'cfg/a.csv' });
  for (const text of ['/abs/a.csv', '-', 'gs://b-1/a.csv']) assert.deepEqual(resolveUri(parseUri(text), 'cfg'), parseUri(text));
});
