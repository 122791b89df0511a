#!/usr/bin/env node
// Accuracy benchmark: backtests every case of fixtures/bench/cases.tsv through the CLI
// (`merge` then `backtest --horizon 4 --origins 20`) and scores it against the peers' forecasts
// on the same origins (fixtures/bench/peers/<case>.json, made by scripts/accuracy/r_peers.R).
// Prints per case our MAE, each peer's MAE, ours / best peer and the 80 % coverage, then the
// geometric means of ours / peer. Build first (`npm run build`; `npm run accuracy` does).
//
//   node scripts/accuracy.mjs                  every case
//   node scripts/accuracy.mjs --case wine      cases whose name starts with "wine" (repeatable)
//   node scripts/accuracy.mjs --json out.json  also write the per-case numbers as JSON
//   node scripts/accuracy.mjs --jobs 2         cases run side by side (default 1)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = resolve(ROOT, 'fixtures/bench');
const WORK = resolve(ROOT, '.bench/accuracy');
const PEERS = ['naive', 'snaive', 'ets', 'arima', 'theta', 'prophet', 'arimax'];
const H = 4;
const ORIGINS = 20;

const { values: opts } = parseArgs({
  options: {
    case: { type: 'string', multiple: true, default: [] },
    json: { type: 'string' },
    jobs: { type: 'string', default: '1' },
    extra: { type: 'string', multiple: true, default: [] },
  },
});

/** cases.tsv: case, file (relative to fixtures/bench), source options, target, freq, kind (real or simulated). */
function readCases() {
  const [head, ...lines] = readFileSync(join(BENCH, 'cases.tsv'), 'utf8').trim().split('\n');
  const cols = head.split('\t');
  return lines
    .map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])))
    .filter((c) => opts.case.length === 0 || opts.case.some((p) => c.case.startsWith(p)));
}

function run(argv) {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, [join(ROOT, 'bin/forecast'), ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => (code === 0 ? ok() : fail(new Error(`forecast ${argv.join(' ')}: exit ${code}\n${err.slice(-2000)}`))));
  });
}

function readCsv(file) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

const FREQ = { W: 'W-SUN', M: 'MS', D: 'D' };

async function backtestCase(c) {
  const dir = join(WORK, c.case);
  mkdirSync(dir, { recursive: true });
  const merged = join(dir, 'merged.csv');
  const bt = join(dir, 'backtest.csv');
  const t0 = performance.now();
  await run(['merge', '--source', `${join(BENCH, c.file)}?${c.source}`, '--freq', FREQ[c.freq], '--to', merged, '--log-level', 'warn']);
  await run([
    'backtest',
    '--from',
    merged,
    '--target',
    c.target,
    '--horizon',
    String(H),
    '--origins',
    String(ORIGINS),
    '--to',
    bt,
    '--log-level',
    'warn',
    ...opts.extra,
  ]);
  const seconds = (performance.now() - t0) / 1000;
  return { rows: readCsv(bt), seconds };
}

/** MAE and 80 % coverage of rows [cutoff, h, forecast, actual, lo, hi] on the given keys. */
function score(rows, keys) {
  let ae = 0,
    hit = 0,
    n = 0;
  for (const r of rows) {
    if (keys && !keys.has(`${r[0]}|${r[1]}`)) continue;
    ae += Math.abs(r[2] - r[3]);
    hit += r[4] <= r[3] && r[3] <= r[5] ? 1 : 0;
    n++;
  }
  return { mae: ae / n, cov: hit / n, n };
}

function evaluate(c, ours) {
  const peers = JSON.parse(readFileSync(join(BENCH, 'peers', `${c.case}.json`), 'utf8'));
  const oursRows = ours.rows.map((r) => [r.cutoff, Number(r.horizon), Number(r.forecast), Number(r.actual), Number(r.lower), Number(r.upper)]);
  const keys = new Set(oursRows.map((r) => `${r[0]}|${r[1]}`));
  // Peers are scored on the rows they share with ours (the same cutoffs and horizons).
  const peerMae = {};
  for (const p of PEERS) if (peers[p]?.length) peerMae[p] = score(peers[p], keys).mae;
  const us = score(oursRows, null);
  const peerKeys = new Set((peers.naive ?? []).map((r) => `${r[0]}|${r[1]}`));
  const missing = [...keys].filter((k) => !peerKeys.has(k)).length;
  const best = Object.entries(peerMae).reduce((a, b) => (b[1] < a[1] ? b : a));
  return {
    case: c.case,
    freq: c.freq,
    kind: c.kind ?? 'real',
    mae: us.mae,
    cov80: us.cov,
    n: us.n,
    missing,
    peers: peerMae,
    best: best[0],
    ratio: us.mae / best[1],
    seconds: ours.seconds,
  };
}

const fmt = (x, d = 3) => (x === undefined ? '' : Number.isFinite(x) ? x.toPrecision(d) : String(x));
const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

const cases = readCases();
const results = [];
const queue = [...cases];
async function worker() {
  for (let c = queue.shift(); c; c = queue.shift()) {
    if (!existsSync(join(BENCH, 'peers', `${c.case}.json`))) {
      console.error(`${c.case}: skipped, no peers' forecasts yet (bash scripts/accuracy/run_peers.sh computes them with R)`);
      continue;
    }
    try {
      results.push(evaluate(c, await backtestCase(c)));
    } catch (e) {
      console.error(`${c.case}: ${e.message}`);
      process.exitCode = 1;
    }
  }
}
await Promise.all(Array.from({ length: Math.max(1, Number(opts.jobs)) }, worker));
results.sort((a, b) => cases.findIndex((c) => c.case === a.case) - cases.findIndex((c) => c.case === b.case));

console.log(`| case | freq | ours MAE | ${PEERS.join(' | ')} | ours / best peer | best peer | cov80 | s |`);
console.log(`|---|---|---|${PEERS.map(() => '---|').join('')}---|---|---|---|`);
for (const r of results) {
  console.log(
    `| ${r.case} | ${r.freq} | ${fmt(r.mae)} | ${PEERS.map((p) => fmt(r.peers[p])).join(' | ')} | **${fmt(r.ratio)}** | ${r.best} | ${fmt(r.cov80, 2)} | ${r.seconds.toFixed(1)} |`,
  );
}
// The summary over every case, then over the real series alone (issue 12's goals count real series).
const real = results.filter((r) => r.kind === 'real');
for (const [label, rs] of [
  ['every case', results],
  ['real series', real],
]) {
  if (rs.length === 0) continue;
  console.log('');
  const line = ['best peer', ...PEERS].map((p) => {
    const xs = rs.map((r) => (p === 'best peer' ? r.ratio : r.mae / r.peers[p])).filter((x) => Number.isFinite(x));
    return `${p} ${fmt(geo(xs))} (${xs.length})`;
  });
  console.log(`${label}, geometric mean of ours / peer: ${line.join(', ')}`);
  const covs = rs.map((r) => r.cov80);
  console.log(
    `${label}, 80 % coverage: mean ${fmt(covs.reduce((s, x) => s + x, 0) / covs.length, 3)}, min ${fmt(Math.min(...covs), 3)}; worst ours / best peer ${fmt(Math.max(...rs.map((r) => r.ratio)))}`,
  );
}
if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 2));
