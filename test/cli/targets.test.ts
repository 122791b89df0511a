import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const TRENDS_SPEC = 'fixtures/google_trends_spain_2019_2020.csv?format=long&key=keyword&date=date&value=trend_index';
const dir = tempDir();
const merged = join(dir, 'merged.csv');
const rows = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .map((l) => l.split(','));

test('train --target a,b writes a model set; predict forecasts every target of it, keyed by target', async () => {
  assert.equal((await runCli(['merge', '--source', TRENDS_SPEC, '--to', merged])).code, 0);
  const model = join(dir, 'models.json');
  const metrics = join(dir, 'scores.csv');
  const t = await runCli(['train', '--from', merged, '--target', 'paro,desempleo', '--to', model, '--metrics-to', metrics, '--workers', '2']);
  assert.equal(t.code, 0, t.stderr);
  const set = JSON.parse(readFileSync(model, 'utf8'));
  assert.equal(set.format, 'forecast-model-set');
  assert.deepEqual(
    set.models.map((m: { target: string }) => m.target),
    ['desempleo', 'paro'],
  );
  assert.deepEqual(
    [
      ...new Set(
        rows(readFileSync(metrics, 'utf8'))
          .slice(1)
          .map((r) => r[0]),
      ),
    ],
    ['desempleo', 'paro'],
  );
  const p = await runCli(['predict', '--from', merged, '--model', model]);
  assert.equal(p.code, 0, p.stderr);
  const out = rows(p.stdout);
  assert.deepEqual(out[0].slice(0, 3), ['target', 'date', 'forecast']);
  assert.deepEqual(
    out.slice(1).map((r) => `${r[0]} ${r[1]}`),
    ['desempleo', 'paro'].flatMap((k) => ['2020-05-31', '2020-06-07', '2020-06-14', '2020-06-21'].map((d) => `${k} ${d}`)),
  );
});

test('backtest --target with a glob: one block of rows per matching target, in name order', async () => {
  const r = await runCli(['backtest', '--from', merged, '--target', 'sep?,paro', '--horizon', '2', '--origins', '2', '--workers', '2']);
  assert.equal(r.code, 0, r.stderr);
  const out = rows(r.stdout);
  assert.deepEqual(
    out.slice(1).map((x) => x[0]),
    ['paro', 'paro', 'paro', 'paro', 'sepe', 'sepe', 'sepe', 'sepe'],
  );
});

test('a target pattern that matches nothing is exit 2 naming it, before any training', async () => {
  const r = await runCli(['train', '--from', merged, '--target', 'paro,zz*', '--to', join(dir, 'never.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^forecast: \[input.column_missing\] target pattern 'zz\*' matches no column of .*merged\.csv; columns are: /);
});

test('run-all --target overrides the config; the summary line counts the targets', async () => {
  const out = join(dir, 'out');
  const r = await runCli([
    'run-all',
    '--config',
    'fixtures/demo/pipeline.json',
    '--out-dir',
    out,
    '--run-date',
    '2020-05-24',
    '--no-report',
    '--target',
    'paro,sepe',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.deepEqual([s.targets, s.fellBack, s.winner], [2, 0, null]);
  assert.deepEqual(
    rows(readFileSync(join(out, 'weekly_score.csv'), 'utf8'))
      .slice(1)
      .map((x) => x[25]),
    ['paro', 'sepe'],
  );
});

test("one deadline for every target: run-all --target '*' --deadline 10s ends inside it, every target published, the late ones on their baseline", async () => {
  const out = join(dir, 'deadline');
  const r = await runCli(
    [
      'run-all',
      '--config',
      'fixtures/demo/pipeline.json',
      '--out-dir',
      out,
      '--run-date',
      '2020-05-24',
      '--no-report',
      '--target',
      '*',
      '--deadline',
      '10s',
      '--workers',
      '2',
    ],
    { timeoutMs: 30_000 },
  );
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.equal(s.targets, 86, '80 keywords and 6 GDELT themes');
  assert.ok(s.elapsedMs <= 10_000, `elapsed ${s.elapsedMs} ms`);
  assert.ok(s.fellBack > 0 && s.fellBack < 86, `${s.fellBack} on their baseline`);
  const score = rows(readFileSync(join(out, 'weekly_score.csv'), 'utf8'));
  const h = score[0];
  const flagged = score.slice(1).filter((x) => x[h.indexOf('model')] === 'naive' && x[h.indexOf('deadline_hit')] === 'true');
  assert.equal(score.length - 1, 86, 'a row for every target');
  assert.ok(flagged.length >= s.fellBack, 'every fallback is flagged deadline_hit');
  const predicted = new Set(
    rows(readFileSync(join(out, 'predictions.csv'), 'utf8'))
      .slice(1)
      .filter((x) => x[7] === 'forecast')
      .map((x) => x[0]),
  );
  assert.equal(predicted.size, 86, 'every target has its forecast rows');
});
