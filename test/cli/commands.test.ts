import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const TRENDS = 'fixtures/google_trends_spain_2019_2020.csv';
const EVENTS = 'fixtures/gdelt_events_synthetic.csv';
const TRENDS_SPEC = `${TRENDS}?format=long&key=keyword&date=date&value=trend_index`;
const EVENTS_SPEC = `${EVENTS}?format=events&key=theme&date=Date&value=Sentiment&agg=count_x_mean&prefix=gdelt_`;

const dir = tempDir();
const merged = join(dir, 'merged.csv');

test('merge writes the wide weekly table', async () => {
  const r = await runCli(['merge', '--source', TRENDS_SPEC, '--source', EVENTS_SPEC, '--to', merged]);
  assert.equal(r.code, 0, r.stderr);
  const lines = readFileSync(merged, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  assert.equal(header[0], 'date');
  assert.ok(header.includes('desempleo') && header.includes('gdelt_HEALTH_PANDEMIC'));
  assert.equal(header.length, 1 + 80 + 6);
  assert.equal(lines.length, 1 + 73);
  assert.ok(lines[1].startsWith('2019-01-06,'));
  assert.ok(lines[73].startsWith('2020-05-24,'));
});

test('merge | train | predict pipes through stdin and stdout', async () => {
  const m = await runCli(['merge', '--source', TRENDS_SPEC]);
  assert.equal(m.code, 0, m.stderr);
  const model = join(dir, 'model.json');
  const t = await runCli(['train', '--target', 'desempleo', '--to', model], { stdin: m.stdout });
  assert.equal(t.code, 0, t.stderr);
  const json = JSON.parse(readFileSync(model, 'utf8'));
  assert.equal(json.format, 'forecast-model');
  assert.equal(json.target, 'desempleo');
  const p = await runCli(['predict', '--model', model], { stdin: m.stdout });
  assert.equal(p.code, 0, p.stderr);
  const rows = p.stdout.trim().split('\n');
  assert.equal(rows.length, 1 + 4);
  assert.match(rows[0], /^target,date,forecast,lower,upper,horizon,kind,model/);
  assert.deepEqual(
    rows.slice(1).map((r) => r.split(',').slice(0, 2).join(',')),
    ['2020-05-31', '2020-06-07', '2020-06-14', '2020-06-21'].map((d) => `desempleo,${d}`),
  );
});

test('backtest writes one row per cutoff and horizon', async () => {
  const r = await runCli(['backtest', '--from', merged, '--target', 'desempleo', '--horizon', '2', '--origins', '3']);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n');
  assert.match(rows[0], /^target,cutoff,target_date,horizon,actual,forecast,lower,upper,model,naive/);
  assert.equal(rows.length, 1 + 3 * 2);
  assert.ok(
    rows.slice(1).every((l) => l.split(',')[1] < l.split(',')[2]),
    'every target date is after its cutoff',
  );
});

test('publish --mode append does not duplicate a run already published', async () => {
  const to = join(dir, 'score.csv');
  const week1 = 'run_date,mae\n2020-05-24,1.5\n';
  for (let i = 0; i < 2; i++) assert.equal((await runCli(['publish', '--to', to, '--mode', 'append'], { stdin: week1 })).code, 0);
  await runCli(['publish', '--to', to, '--mode', 'append'], { stdin: 'run_date,mae\n2020-05-31,2\n' });
  assert.equal(readFileSync(to, 'utf8'), 'run_date,mae\n2020-05-24,1.5\n2020-05-31,2\n');
});

test('extract copies a local table (gzip in, plain out)', async () => {
  const { gzipSync } = await import('node:zlib');
  const gz = join(dir, 'small.csv.gz');
  writeFileSync(gz, gzipSync('date,x\n2020-01-05,1\n'));
  const r = await runCli(['extract', '--from', gz]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'date,x\n2020-01-05,1\n');
});

test('bad input: one line on stderr naming the thing, exit 2, no output file', async () => {
  const cases: { args: string[]; re: RegExp; stdin?: string }[] = [
    { args: ['merge', '--source', 'fixtures/nope.csv', '--to', join(dir, 'e1.csv')], re: /fixtures\/nope\.csv: no such file/ },
    {
      args: ['merge', '--source', `${TRENDS}?key=kw`, '--to', join(dir, 'e2.csv')],
      re: /column 'kw' not found in .*google_trends.*; columns are: keyword, date, trend_index/,
    },
    { args: ['merge', '--source', `${TRENDS}?colour=red`, '--to', join(dir, 'e3.csv')], re: /unknown option 'colour'/ },
    { args: ['train', '--from', merged, '--target', 'nope', '--to', join(dir, 'e4.json')], re: /column 'nope' not found/ },
    { args: ['backtest', '--from', merged, '--target', 'desempleo', '--horizon', 'x', '--to', join(dir, 'e5.csv')], re: /--horizon must be a whole number/ },
    { args: ['frobnicate'], re: /unknown command 'frobnicate'/ },
    {
      args: ['merge', '--source', TRENDS_SPEC, '--to', `${TRENDS}/x.csv`],
      re: /google_trends_spain_2019_2020\.csv\/x\.csv: (a file is in the way|a part of the path is a file)/,
    },
    { args: ['merge', '--source', TRENDS_SPEC, '--to', 'fixtures'], re: /fixtures: is a directory, expected a file/ },
    {
      args: ['run-all', '--config', 'fixtures/demo/pipeline.json', '--run-date', '2020-02-31', '--out-dir', join(dir, 'e7')],
      re: /run date '2020-02-31' is not a date/,
    },
    { args: ['--log-level', 'loud', 'merge', '--source', TRENDS_SPEC], re: /'loud' is invalid/ },
    {
      args: ['run-all', '--config', 'fixtures/demo/pipeline.json', '--out-dir', 'bq://my-project.d.t'],
      re: /--out-dir 'bq:\/\/my-project\.d\.t' must be a local folder or a gs:\/\/ prefix/,
    },
    { args: ['recover', '--out-dir', 'gs://Bad_Bucket/w'], re: /--out-dir 'gs:\/\/Bad_Bucket\/w': 'Bad_Bucket' is not a valid Cloud Storage bucket name/ },
    { args: ['report', '--from', '-'], re: /--from '-' must be a local folder or a gs:\/\/ prefix/ },
    // Publish names a table read from - as every command does: stdin (parsed before any request).
    {
      args: ['publish', '--from', '-', '--to', 'bq://my-project.d.t'],
      stdin: 'a,b\n1,"x\n',
      re: /\[input\.bad_quotes\] stdin row 2: quoted field unterminated/,
    },
  ];
  for (const c of cases) {
    const r = await runCli(c.args, { stdin: c.stdin });
    assert.equal(r.code, 2, `${c.args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, c.re);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    const out = c.args[c.args.indexOf('--to') + 1];
    if (c.args.includes('--to') && out !== 'fixtures') assert.equal(existsSync(out), false, `${out} must not exist`);
  }
});

test('no subcommand shows the help and is a usage error (exit 2)', async () => {
  const r = await runCli([]);
  assert.equal(r.code, 2);
  assert.match(r.stdout + r.stderr, /Usage: forecast/);
});

test('--run-date names the week: any day of it gives the same run date', async () => {
  const r = await runCli(['run-all', '--config', 'fixtures/demo/pipeline.json', '--run-date', '2020-05-27', '--out-dir', join(dir, 'rd'), '--no-report']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).runDate, '2020-05-31');
});

test('--help is fast and lists every subcommand', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['extract', 'merge', 'train', 'predict', 'backtest', 'publish', 'run-all', 'report']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

test('run-all then report --from rebuilds report.html and the five charts', async () => {
  const out = join(dir, 'run');
  const r = await runCli(['run-all', '--config', 'fixtures/demo/pipeline.json', '--out-dir', out, '--run-date', '2020-05-24', '--no-report']);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.runDate, '2020-05-24');
  assert.equal(existsSync(join(out, 'report.html')), false);
  const rep = await runCli(['report', '--from', out]);
  assert.equal(rep.code, 0, rep.stderr);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /desempleo/);
  for (const png of ['forecast.png', 'backtest.png', 'selection.png', 'features.png', 'outliers.png']) {
    assert.deepEqual([...readFileSync(join(out, png)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], png);
  }
});

test('values near ±1e308 train and predict to finite forecasts, never an internal error', async () => {
  const model = join(dir, 'huge-model.json');
  const t = await runCli(['train', '--from', 'test/corpus/files/huge-values.csv', '--target', 'y', '--to', model]);
  assert.equal(t.code, 0, t.stderr);
  const p = await runCli(['predict', '--from', 'test/corpus/files/huge-values.csv', '--model', model]);
  assert.equal(p.code, 0, p.stderr);
  const forecasts = p.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[2]));
  assert.equal(forecasts.length, 4);
  for (const f of forecasts) assert.ok(f >= 1e308 && f <= 1.7e308, `forecast ${f}`);
});
