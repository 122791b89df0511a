import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  childUri,
  folderPrefix,
  gsObject,
  localFolder,
  parseFolder,
  parseGsUri,
  parseUri,
  resolveUri,
  subFolder,
  type Folder,
  type Uri,
} from '../../src/io/uri.js';
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

test('parseFolder: a local folder as given, or a gs:// bucket and the prefix its objects start with', () => {
  const cases: [string, Folder][] = [
    ['out', { kind: 'file', text: 'out', path: 'out' }],
    ['runs/o/', { kind: 'file', text: 'runs/o/', path: 'runs/o/' }],
    ['/srv/forecast', { kind: 'file', text: '/srv/forecast', path: '/srv/forecast' }],
    ['/', { kind: 'file', text: '/', path: '/' }],
    ['gs://my-bucket', { kind: 'gs', text: 'gs://my-bucket', bucket: 'my-bucket', prefix: '' }],
    ['gs://my-bucket/', { kind: 'gs', text: 'gs://my-bucket/', bucket: 'my-bucket', prefix: '' }],
    ['gs://my-bucket/weekly', { kind: 'gs', text: 'gs://my-bucket/weekly', bucket: 'my-bucket', prefix: 'weekly/' }],
    ['gs://my-bucket/weekly/runs//', { kind: 'gs', text: 'gs://my-bucket/weekly/runs//', bucket: 'my-bucket', prefix: 'weekly/runs/' }],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseFolder(text, '--out-dir'), want, text);
});

test('parseFolder refuses what cannot hold files, input.bad_uri naming the option and the text', () => {
  const bad: [string, RegExp][] = [
    ['gs://Bad_Bucket/weekly', /^--out-dir 'gs:\/\/Bad_Bucket\/weekly': 'Bad_Bucket' is not a valid Cloud Storage bucket name$/],
    ['gs://ab', /^--out-dir 'gs:\/\/ab': 'ab' is not a valid Cloud Storage bucket name$/],
    ['gs://my-bucket/a\nb', /^--out-dir 'gs:\/\/my-bucket\/a.b': expected gs:\/\/BUCKET or gs:\/\/BUCKET\/PREFIX/],
    ['bq://my-project.d.t', /^--out-dir 'bq:\/\/my-project\.d\.t' must be a local folder or a gs:\/\/ prefix/],
    ['-', /^--out-dir '-' must be a local folder or a gs:\/\/ prefix/],
    ['s3://b/k', /^--out-dir 's3:\/\/b\/k': unsupported scheme/],
    ['', /^--out-dir is empty$/],
  ];
  for (const [text, re] of bad) {
    assert.throws(
      () => parseFolder(text, '--out-dir'),
      (e: unknown) => e instanceof ForecastError && e.code === 'input.bad_uri' && e.exitCode === 2 && re.test(e.message),
      text,
    );
  }
});

test('childUri: a file inside a folder, slashes as a path join gives them, not parsed again', () => {
  const cases: [string, string, Uri][] = [
    ['out', 'x.csv', { kind: 'file', text: 'out/x.csv', path: 'out/x.csv' }],
    ['out/', 'x.csv', { kind: 'file', text: 'out/x.csv', path: 'out/x.csv' }],
    ['out//', 'runs/a/x.csv', { kind: 'file', text: 'out/runs/a/x.csv', path: 'out/runs/a/x.csv' }],
    ['.', 'x.csv', { kind: 'file', text: './x.csv', path: './x.csv' }],
    ['/', 'x.csv', { kind: 'file', text: '/x.csv', path: '/x.csv' }],
    ['/srv/fc', 'x.csv', { kind: 'file', text: '/srv/fc/x.csv', path: '/srv/fc/x.csv' }],
    ['gs://my-bucket', 'x.csv', { kind: 'gs', text: 'gs://my-bucket/x.csv', bucket: 'my-bucket', object: 'x.csv' }],
    ['gs://my-bucket/', 'x.csv', { kind: 'gs', text: 'gs://my-bucket/x.csv', bucket: 'my-bucket', object: 'x.csv' }],
    ['gs://my-bucket/runs/', 'x.csv', { kind: 'gs', text: 'gs://my-bucket/runs/x.csv', bucket: 'my-bucket', object: 'runs/x.csv' }],
  ];
  for (const [dir, name, want] of cases) {
    const got = childUri(parseFolder(dir), name);
    assert.deepEqual(got, want, `${dir} + ${name}`);
    assert.deepEqual(parseUri(got.text), got, `${dir} + ${name}: what parseUri would give`);
  }
  assert.deepEqual(childUri(localFolder('tmp'), '.forecast.lock'), { kind: 'file', text: 'tmp/.forecast.lock', path: 'tmp/.forecast.lock' });
});

test('subFolder: a folder inside a folder; its files are the files of the parent under its name', () => {
  const cases: [string, string, Folder][] = [
    ['out/', 'runs/2020-05-24-0a1b2c3d4e5f', { kind: 'file', text: 'out/runs/2020-05-24-0a1b2c3d4e5f', path: 'out/runs/2020-05-24-0a1b2c3d4e5f' }],
    ['/', 'runs', { kind: 'file', text: '/runs', path: '/runs' }],
    ['gs://my-bucket', 'runs', { kind: 'gs', text: 'gs://my-bucket/runs', bucket: 'my-bucket', prefix: 'runs/' }],
    [
      'gs://my-bucket/weekly/',
      'shards/2020-05-24',
      { kind: 'gs', text: 'gs://my-bucket/weekly/shards/2020-05-24', bucket: 'my-bucket', prefix: 'weekly/shards/2020-05-24/' },
    ],
  ];
  for (const [dir, name, want] of cases) {
    const got = subFolder(parseFolder(dir), name);
    assert.deepEqual(got, want, `${dir} + ${name}`);
    assert.deepEqual(parseFolder(got.text), want, `${dir} + ${name}: what parseFolder would give`);
    assert.deepEqual(childUri(got, 'x.csv'), childUri(parseFolder(dir), `${name}/x.csv`), `${dir} + ${name}: a file inside`);
  }
});

test('folderPrefix: what every URI inside the folder starts with', () => {
  const cases: [string, string][] = [
    ['out', 'out/'],
    ['runs/o/', 'runs/o/'],
    ['/', '/'],
    ['gs://b-1', 'gs://b-1/'],
    ['gs://b-1/w//', 'gs://b-1/w/'],
  ];
  for (const [dir, want] of cases) assert.equal(folderPrefix(parseFolder(dir)), want, dir);
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
