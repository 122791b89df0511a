#!/usr/bin/env node
// Benchmark of issue 5: runs `node bin/forecast …` as child processes on SYNTHETIC, seeded data
// (generated into .bench/ when missing) and prints a markdown table of wall time and peak RSS
// against the targets, per-stage medians from each run's manifest.json, and the events-ingest
// throughput against bare papaparse. Build first (`npm run build`).
//
//   node scripts/bench.mjs                 all cases
//   node scripts/bench.mjs --quick         small cases only (help, demo)
//   node scripts/bench.mjs --case events   cases whose name starts with "events" (repeatable)
//   node scripts/bench.mjs --runs 1        override the per-case run count
//   node scripts/bench.mjs --list          list the cases
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { eventsCase, trendsCase, ensureDir, END_DATE } from './bench/data.mjs';
import { measure, rssProbe } from './bench/measure.mjs';
import { gzipBombCase, longLineCase, longLineConfig, manySourcesCase, wideCase } from './bench/pathological.mjs';
import { targetsCases } from './bench/targets.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = resolve(ROOT, '.bench');
const MiB = 1024;

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    case: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
});

const forecast = (...args) => ['bin/forecast', ...args];
const runDir = (name, i) => join(CACHE, 'runs', name, String(i));

/** Valid run-all outputs: a manifest listing a predictions.csv with a header and rows. */
function runAllCheck(dir) {
  const m = join(dir, 'manifest.json');
  if (!existsSync(m)) return 'no manifest.json';
  const manifest = JSON.parse(readFileSync(m, 'utf8'));
  const pred = join(dir, 'predictions.csv');
  if (!existsSync(pred) || readFileSync(pred, 'utf8').trim().split('\n').length < 2) return 'no predictions';
  return { stages: Object.fromEntries(manifest.stages.map((s) => [s.stage, s.ms])), winner: manifest.winner, deadlineHit: manifest.deadlineHit };
}

/** Valid merge output: a header and at least one week. */
function mergeCheck(file) {
  if (!existsSync(file)) return 'no output';
  return readFileSync(file, 'utf8').trim().split('\n').length >= 2 ? {} : 'empty output';
}

/** Merges a source once into .bench/ (not timed) and returns its path. */
async function mergeOnce(source, name) {
  const merged = join(ensureDir(CACHE), name);
  if (!existsSync(merged)) {
    const r = spawnSync(process.execPath, [...forecast('merge', '--source', source, '--to', merged)], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`merge of ${source} failed`);
  }
  return { merged };
}

function eventsCases(rows, label, { gz = false, runs = 3 } = {}) {
  const spec = 'format=events&key=theme&date=Date&value=Sentiment&agg=count_x_mean&prefix=gdelt_';
  const prep = () => eventsCase(ensureDir(CACHE), rows, { gzip: gz });
  const file = (d) => (gz ? d.gz : d.csv);
  return [
    {
      name: `events-${label}-bare`,
      runs,
      target: { rssMiB: 512 },
      note: 'papaparse alone (baseline)',
      prepare: prep,
      argv: (d) => ['scripts/bench/papaparse-bare.mjs', file(d)],
    },
    {
      name: `events-${label}-merge`,
      runs,
      target: { rssMiB: 512, ratioOf: `events-${label}-bare`, ratio: 0.5 },
      prepare: prep,
      argv: (d, i) => forecast('merge', '--source', `${file(d)}?${spec}`, '--to', join(ensureDir(runDir(`events-${label}-merge`, i)), 'merged.csv')),
      check: (_d, i) => mergeCheck(join(runDir(`events-${label}-merge`, i), 'merged.csv')),
    },
  ];
}

/**
 * Issue 15: parsing linear in line length and column count (the 4× input within 2 × 4× the
 * time of the 1×: quadratic would be 16×), and bounded work: each run stops with the expected
 * exit code (2 at a limit, 4 at the deadline or memory limit) within the deadline plus start-up.
 */
function pathologicalCases() {
  const merge =
    (name, src, ...extra) =>
    (d, i) =>
      forecast('merge', '--source', src(d), ...extra, '--to', join(ensureDir(runDir(name, i)), 'merged.csv'));
  const runAll =
    (name, ...extra) =>
    (d, i) =>
      forecast('run-all', '--config', d.config, '--out-dir', runDir(name, i), ...extra);
  const raised = ['--max-field-size', '2GiB', '--max-line-length', '2GiB'];
  return [
    {
      name: 'long-line-12mb',
      runs: 3,
      target: {},
      note: 'one 12 MB field',
      prepare: () => longLineCase(ensureDir(CACHE), 12),
      argv: merge('long-line-12mb', (d) => d.csv, ...raised),
    },
    {
      name: 'long-line-48mb',
      runs: 3,
      target: { linearOf: 'long-line-12mb', factor: 4 },
      note: 'one 48 MB field',
      prepare: () => longLineCase(ensureDir(CACHE), 48),
      argv: merge('long-line-48mb', (d) => d.csv, ...raised),
    },
    {
      name: 'wide-25k',
      runs: 3,
      target: {},
      note: '25,000 columns × 3 weeks',
      prepare: () => wideCase(ensureDir(CACHE), 25_000),
      argv: merge('wide-25k', (d) => `${d.csv}?format=wide`),
    },
    {
      name: 'wide-100k',
      runs: 3,
      target: { linearOf: 'wide-25k', factor: 4 },
      note: '100,000 columns × 3 weeks',
      prepare: () => wideCase(ensureDir(CACHE), 100_000),
      argv: merge('wide-100k', (d) => `${d.csv}?format=wide`),
    },
    {
      name: 'bomb-limit',
      runs: 1,
      exit: 2,
      target: { wallS: 8 },
      note: '1 MB gzip of a 1 GiB line: the 64 MiB line limit',
      prepare: () => gzipBombCase(ensureDir(CACHE)),
      argv: runAll('bomb-limit', '--deadline', '8s'),
    },
    {
      name: 'bomb-deadline',
      runs: 1,
      exit: 4,
      target: { wallS: 8 + 2 },
      note: 'the same, limits raised, --deadline 8s',
      prepare: () => gzipBombCase(ensureDir(CACHE)),
      argv: runAll('bomb-deadline', '--deadline', '8s', ...raised),
    },
    {
      name: 'long-line-50mb-deadline',
      runs: 1,
      exit: 4,
      target: { wallS: 1 + 2 },
      note: 'a 50 MB line, --deadline 1s',
      prepare: () => longLineConfig(ensureDir(CACHE), 50),
      argv: runAll('long-line-50mb-deadline', '--deadline', '1s', ...raised),
    },
    {
      name: 'sources-5000',
      runs: 1,
      exit: 4,
      target: { wallS: 10 + 2, rssMiB: 1024 },
      note: '5,000 sources, --deadline 10s --max-memory 1GiB',
      prepare: () => manySourcesCase(ensureDir(CACHE), 5000),
      argv: runAll('sources-5000', '--deadline', '10s', '--max-memory', '1GiB'),
    },
  ];
}

const CASES = [
  {
    name: 'node-baseline',
    quick: true,
    runs: 5,
    target: {},
    note: '`node -e 0`: the floor under every case',
    argv: () => ['-e', '0'],
  },
  {
    name: 'help',
    quick: true,
    runs: 5,
    target: { wallS: 0.2 },
    argv: () => forecast('--help'),
  },
  {
    name: 'demo',
    quick: true,
    runs: 5,
    target: { wallS: 0.5, rssMiB: 150 },
    note: 'with report',
    argv: (_d, i) => forecast('run-all', '--config', 'fixtures/demo/pipeline.json', '--out-dir', runDir('demo', i), '--run-date', '2020-05-24'),
    check: (_d, i) => runAllCheck(runDir('demo', i)),
  },
  {
    name: 'demo-no-report',
    quick: true,
    runs: 5,
    target: { wallS: 0.6, rssMiB: 150 },
    note: '--no-report',
    argv: (_d, i) =>
      forecast('run-all', '--config', 'fixtures/demo/pipeline.json', '--out-dir', runDir('demo-no-report', i), '--run-date', '2020-05-24', '--no-report'),
    check: (_d, i) => runAllCheck(runDir('demo-no-report', i)),
  },
  {
    name: 'backtest-520w',
    runs: 3,
    target: { wallS: 10 },
    note: '`backtest --origins 20` on a 520-week series (fixtures/bench/sim_co2_weekly.csv)',
    prepare: () => mergeOnce('fixtures/bench/sim_co2_weekly.csv?format=long&key=key&date=date&value=value', 'sim-co2-merged.csv'),
    argv: (d, i) =>
      forecast(
        'backtest',
        '--from',
        d.merged,
        '--target',
        'co2',
        '--horizon',
        '4',
        '--origins',
        '20',
        '--to',
        join(ensureDir(runDir('backtest-520w', i)), 'backtest.csv'),
      ),
    check: (_d, i) => mergeCheck(join(runDir('backtest-520w', i), 'backtest.csv')),
  },
  {
    name: 'trends-2000',
    runs: 3,
    target: { wallS: 15, rssMiB: 1024 },
    note: '2,000 × 520 long CSV, with report',
    prepare: () => trendsCase(ensureDir(CACHE), 2000),
    argv: (d, i) => forecast('run-all', '--config', d.config, '--out-dir', runDir('trends-2000', i), '--run-date', END_DATE),
    check: (_d, i) => runAllCheck(runDir('trends-2000', i)),
  },
  {
    name: 'trends-5000',
    runs: 1,
    target: { wallS: 60 },
    note: '5,000 × 520, --deadline 60s',
    prepare: () => trendsCase(ensureDir(CACHE), 5000),
    argv: (d, i) => forecast('run-all', '--config', d.config, '--out-dir', runDir('trends-5000', i), '--run-date', END_DATE, '--deadline', '60s'),
    check: (_d, i) => runAllCheck(runDir('trends-5000', i)),
  },
  ...pathologicalCases(),
  ...targetsCases({ CACHE, ROOT, runDir, forecast, ensureDir, runAllCheck }),
  ...eventsCases(2.5e6, '2.5m'),
  ...eventsCases(10e6, '10m'),
  ...eventsCases(10e6, '10m-gz', { gz: true }),
];

if (opts.list) {
  for (const c of CASES) console.log(`${c.name}${c.quick ? ' (quick)' : ''}${c.note ? ` — ${c.note}` : ''}`);
  process.exit(0);
}
const selected = CASES.filter((c) => (opts.case.length ? opts.case.some((n) => c.name === n || c.name.startsWith(n)) : !opts.quick || c.quick));
if (selected.length === 0) {
  console.error(`no case matches ${opts.case.join(', ')}; cases: ${CASES.map((c) => c.name).join(', ')}`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/bundle/bin.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  rssProbe: rssProbe(),
  loadavgStart: loadavg().map((x) => +x.toFixed(2)),
};
console.error(
  `[bench] ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, RSS via ${machine.rssProbe}, load ${machine.loadavgStart.join(' ')}`,
);

const results = [];
for (const c of selected) {
  const data = c.prepare ? await c.prepare() : {};
  const runs = opts.runs ? Number(opts.runs) : c.runs;
  rmSync(join(CACHE, 'runs', c.name), { recursive: true, force: true });
  ensureDir(join(CACHE, 'logs'));
  const rs = [];
  for (let i = 0; i < runs; i++) {
    const logBase = join(CACHE, 'logs', `${c.name}-${i}`);
    const load = loadavg()[0];
    const m = await measure(c.argv(data, i), { cwd: ROOT, logBase });
    const expected = c.exit ?? 0;
    let checked = m.code === expected ? (c.check && expected === 0 ? c.check(data, i) : {}) : `exit ${m.code}, expected ${expected} (see ${logBase}.err)`;
    if (typeof checked === 'string') checked = { error: checked };
    rs.push({ ...m, ...checked, load });
    console.error(
      `[bench] ${c.name} #${i + 1}: ${(m.wallMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, ${(m.rssKiB / MiB).toFixed(0)} MiB${checked.error ? `, FAILED: ${checked.error}` : ''}${checked.deadlineHit ? ', deadline hit' : ''}`,
    );
  }
  results.push({ case: c, data, runs: rs });
}

// ---- report ----
const fmtS = (ms) => (ms / 1000).toFixed(ms < 1000 ? 3 : 2);
const byName = new Map(results.map((r) => [r.case.name, r]));
const rows = [];
for (const r of results) {
  const { target } = r.case;
  const walls = r.runs.map((x) => x.wallMs);
  const rss = Math.max(...r.runs.map((x) => x.rssKiB)) / MiB;
  const wall = median(walls);
  const cpu = median(r.runs.map((x) => x.cpuMs));
  const fails = [];
  const targets = [];
  if (r.runs.some((x) => x.error)) fails.push(r.runs.find((x) => x.error).error);
  if (target.wallS !== undefined) {
    targets.push(`≤ ${target.wallS} s`);
    if (wall > target.wallS * 1000) fails.push('wall');
  }
  if (target.rssMiB !== undefined) {
    targets.push(`≤ ${target.rssMiB} MiB`);
    if (rss > target.rssMiB) fails.push('rss');
  }
  let extra = '';
  if (r.data.bytes) extra = `${(r.data.bytes / 1e6 / (wall / 1000)).toFixed(0)} MB/s`;
  if (target.ratioOf) {
    targets.push(target.ratioText ? `${target.ratioText} ≥ ${target.ratio}×` : `≥ ${target.ratio * 100} % of bare`);
    const base = byName.get(target.ratioOf);
    if (base) {
      const ratio = median(base.runs.map((x) => x.wallMs)) / wall;
      extra += target.ratioText ? `${extra ? ', ' : ''}${ratio.toFixed(2)}×` : `, ${(ratio * 100).toFixed(0)} % of bare`;
      if (ratio < target.ratio) fails.push('throughput');
    } else {
      extra += ', (bare not run)';
    }
  }
  if (target.linearOf) {
    targets.push(`≤ ${2 * target.factor}× ${target.linearOf}`);
    const base = byName.get(target.linearOf);
    if (base) {
      const times = wall / median(base.runs.map((x) => x.wallMs));
      extra += `${times.toFixed(1)}× ${target.linearOf} for ${target.factor}× the input`;
      if (times > 2 * target.factor) fails.push('not linear');
    }
  }
  const hit =
    (r.runs.some((x) => x.deadlineHit) ? ' (deadline hit: fallback)' : '') + (r.runs.find((x) => x.note)?.note ? ` ${r.runs.find((x) => x.note).note}` : '');
  rows.push(
    `| ${r.case.name} | ${fmtS(wall)} s | ${fmtS(Math.min(...walls))}–${fmtS(Math.max(...walls))} | ${fmtS(cpu)} s | ${rss.toFixed(0)} MiB | ${extra}${hit} | ${targets.join(', ') || '—'} | ${fails.length ? `FAIL (${fails.join(', ')})` : 'pass'} |`,
  );
}

const out = [];
out.push(
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB RAM, node ${machine.node}; peak RSS via ${machine.rssProbe}; load average at start ${machine.loadavgStart.join(' ')}, at end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
out.push('');
out.push('| case | median wall | min–max | median CPU (user+sys) | peak RSS | throughput | target | result |');
out.push('|---|---|---|---|---|---|---|---|');
out.push(...rows);

const staged = results.filter((r) => r.runs.some((x) => x.stages));
if (staged.length) {
  const names = [...new Set(staged.flatMap((r) => r.runs.flatMap((x) => Object.keys(x.stages ?? {}))))];
  out.push('');
  out.push('Per-stage medians (ms, from manifest.json):');
  out.push('');
  out.push(`| case | ${names.join(' | ')} |`);
  out.push(`|---|${names.map(() => '---').join('|')}|`);
  for (const r of staged) {
    const cells = names.map((n) => {
      const xs = r.runs.map((x) => x.stages?.[n]).filter((x) => x !== undefined);
      return xs.length ? String(Math.round(median(xs))) : '—';
    });
    out.push(`| ${r.case.name} | ${cells.join(' | ')} |`);
  }
}

const flat = ['2.5m', '10m'].map((l) => byName.get(`events-${l}-merge`));
if (flat[0] && flat[1]) {
  const [a, b] = flat.map((r) => Math.max(...r.runs.map((x) => x.rssKiB)) / MiB);
  out.push('');
  out.push(
    `Events merge peak RSS as the file grows 4×: 2.5 M rows ${a.toFixed(0)} MiB → 10 M rows ${b.toFixed(0)} MiB (${b <= a * 1.25 ? 'flat' : 'NOT flat'})`,
  );
}
console.log(out.join('\n'));
const file = join(CACHE, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine, results: results.map((r) => ({ case: r.case.name, target: r.case.target, runs: r.runs })) }, null, 2));
console.error(`[bench] results in ${file}`);
