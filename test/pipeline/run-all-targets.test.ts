import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type PipelineConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { localContext } from '../support/local-context.js';
import { tempDir } from '../support/run-cli.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

const demo: PipelineConfig = { ...loadConfig(readFileSync('fixtures/demo/pipeline.json', 'utf8'), 'demo', 'fixtures/demo'), report: false };
const header = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8').split('\n')[0];
const column = (dir: string, f: string, name: string) => {
  const [h, ...rows] = readFileSync(join(dir, f), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return rows.map((r) => r[h.indexOf(name)]);
};
/** A clock that never moves: timings are 0, so every byte of every output must match. */
const still = () => 1_780_000_000_000;

test('one target: the tables of before, each with a target column first (weekly_score unchanged)', async () => {
  const out = tempDir();
  await runAll({ config: demo, outDir: parseFolder(out), deadlineMs: 60_000, runDate: parseDate('2020-05-24'), ctx: localContext(), workers: 2 });
  const before: [string, string][] = [
    ['predictions.csv', 'date,actual,forecast,lower,upper,horizon,kind,model,run_date,lower_95,upper_95'],
    ['backtest.csv', 'cutoff,target_date,horizon,actual,forecast,lower,upper,model,naive,lower_95,upper_95'],
    ['feature_ranking.csv', 'feature,rank,coefficient,selected'],
    ['removed_features.csv', 'feature,reason'],
  ];
  for (const [f, old] of before) assert.equal(header(out, f), `target,${old}`, f);
  assert.match(header(out, 'weekly_score.csv'), /^run_date,model,horizon,.*,target,deadline_hit,skipped$/);
  assert.deepEqual(new Set(column(out, 'predictions.csv', 'target')), new Set(['desempleo']));
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
  assert.equal(model.format, 'forecast-model', 'one target writes its model file itself');
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.deepEqual([manifest.target, typeof manifest.winner], ['desempleo', 'string']);
});

test('several targets: sources merged once, long tables in target order, byte-identical on 1, 2 or 3 workers', async () => {
  const config = { ...demo, targets: ['sepe', 'paro', 'desemp*'] };
  const outs: string[] = [];
  for (const workers of [1, 2, 3]) {
    const out = tempDir();
    const s = await runAll({
      config,
      outDir: parseFolder(out),
      deadlineMs: 120_000,
      runDate: parseDate('2020-05-24'),
      ctx: localContext(),
      now: still,
      workers,
    });
    assert.deepEqual([s.targets, s.fellBack, s.winner, s.deadlineHit], [3, 0, null, false]);
    outs.push(out);
  }
  const files = readdirSync(outs[0])
    .filter((f) => !f.startsWith('.') && f !== 'runs')
    .sort();
  assert.deepEqual(files, [
    'backtest.csv',
    'feature_ranking.csv',
    'manifest.json',
    'merged.csv',
    'model.json',
    'predictions.csv',
    'removed_features.csv',
    'report-data.json',
    'scores.csv',
    'weekly_score.csv',
  ]);
  // The manifest names its out dir and its publish (run id, transaction id); everything else must match byte for byte.
  const bytes = (out: string, f: string) => {
    const text = readFileSync(join(out, f), 'utf8').replaceAll(out, 'OUT');
    if (f !== 'manifest.json') return text;
    const m = JSON.parse(text);
    return JSON.stringify({ ...m, txid: 0, runId: 0, runDir: 0, outputs: m.outputs.map((o: { file: string }) => ({ ...o, file: 0 })) });
  };
  for (const out of outs.slice(1)) {
    for (const f of files) assert.ok(bytes(outs[0], f) === bytes(out, f), `${f} differs between worker counts`);
  }
  const [out] = outs;
  assert.deepEqual(column(out, 'weekly_score.csv', 'target'), ['desempleo', 'paro', 'sepe']);
  const order = column(out, 'predictions.csv', 'target');
  assert.deepEqual([...new Set(order)], ['desempleo', 'paro', 'sepe']);
  assert.equal(order.length, 3 * (73 + 4), 'every target: its 73 weeks of history and 4 forecasts');
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
  assert.deepEqual(
    model.models.map((m: { target: string }) => m.target),
    ['desempleo', 'paro', 'sepe'],
  );
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.deepEqual([manifest.targets, manifest.fellBack, manifest.inputs.length], [['desempleo', 'paro', 'sepe'], [], 2]);
  const report = JSON.parse(readFileSync(join(out, 'report-data.json'), 'utf8'));
  assert.equal(report.kind, 'targets');
  assert.deepEqual(
    report.targets.map((t: { target: string }) => t.target),
    ['desempleo', 'paro', 'sepe'],
  );
});

test('the time kept back after training grows with the targets, within a share of the deadline; one target keeps the old reserve', async () => {
  const { reserveFor } = await import('../../src/pipeline/run-stages.js');
  const cases: [deadlineMs: number, report: boolean, targets: number, want: { outputs: number; report: number }][] = [
    [60_000, true, 1, { outputs: 1500, report: 2500 }],
    [60_000, false, 1, { outputs: 1500, report: 0 }],
    [5_000, true, 1, { outputs: 500, report: 750 }],
    // 300 to stop the workers + min(1500 + 20 × 199, (0.1 + 0.4 × 199/200) × 60000)
    [60_000, true, 200, { outputs: 300 + 5480, report: 2500 }],
    // 300 + min(1500 + 20 × 1999, 0.5 × 60000)
    [60_000, false, 2000, { outputs: 30_300, report: 0 }],
    // min(300, 500) + min(1500 + 20 × 85, (0.1 + 0.4 × 85/200) × 10000)
    [10_000, false, 86, { outputs: 300 + 2700, report: 0 }],
  ];
  for (const [d, report, n, want] of cases) {
    const got = reserveFor(d, report, n);
    assert.deepEqual({ outputs: Math.round(got.outputs), report: Math.round(got.report) }, want, `${d} ms, ${n} targets`);
  }
});
