/**
 * Experiment driver for the accuracy benchmark: for each case of fixtures/bench/cases.tsv (after
 * `npm run accuracy` has written .bench/accuracy/<case>/merged.csv), backtests every candidate
 * forced alone and the engine, in process, on the benchmark's 20 origins, and prints each MAE
 * divided by the best R/Prophet peer's MAE on the same rows, with the 80 % coverage.
 * Run: TZ=UTC node --import tsx scripts/experiments/bench-candidates.ts [case-prefix ...]
 * Env: ONLY=a,b (candidates to force alone; default a standard list; '-' for none),
 *      ENGINE=a,b (restrict the engine's candidates), WINNERS=1 (how often each candidate won),
 *      COV=1 (print each candidate's 80 % coverage instead of its MAE ratio),
 *      DUMP=dir (write each case's backtest rows per candidate to dir/<case>.json, for combine.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { backtest } from '../../src/model/engine.js';
import type { Frame } from '../../src/frame/frame.js';
import type { Freq } from '../../src/frame/freq.js';

const ROOT = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, ROOT), 'utf8');
const FREQ: Record<string, Freq> = { W: 'W-SUN', M: 'MS', D: 'D' };
const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5;

function frameOf(csv: string, freq: Freq): Frame {
  const [head, ...lines] = csv.trim().split('\n');
  const names = head.split(',').slice(1);
  const cells = lines.map((l) => l.split(','));
  return {
    freq,
    names,
    dates: Int32Array.from(cells, (c) => day(c[0])),
    columns: names.map((_, j) => Float64Array.from(cells, (c) => (c[j + 1] === '' ? NaN : Number(c[j + 1])))),
  };
}

const [head, ...rows] = read('fixtures/bench/cases.tsv').trim().split('\n');
const cols = head.split('\t');
const cases = rows
  .map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])))
  .filter((c) => process.argv.length <= 2 || process.argv.slice(2).some((p) => c.case.startsWith(p)));
const only = (process.env.ONLY ?? 'naive,snaive,mean,theta,ets,stlf,arima,ridge_ar,ridge,enet,combo_base').split(',').filter((s) => s && s !== '-');
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : ' -  ').padStart(6);

console.log(`case`.padEnd(20) + [...only, 'engine'].map((n) => n.slice(0, 9).padStart(10)).join('') + '   (MAE / best peer; cov80 of the engine)');
for (const c of cases) {
  const frame = frameOf(read(`.bench/accuracy/${c.case}/merged.csv`), FREQ[c.freq]);
  const peers = JSON.parse(read(`fixtures/bench/peers/${c.case}.json`)) as Record<string, [string, number, number, number][]>;
  const iso = (d: number) => new Date(d * 864e5).toISOString().slice(0, 10);
  let out = c.case.padEnd(20);
  let cov = NaN;
  const wins = new Map<string, number>();
  const dump: Record<string, [string, number, number, number, number, number][]> = {};
  for (const name of [...only, 'engine']) {
    const opts = {
      target: c.target,
      horizon: 4,
      levels: [0.8],
      metric: 'mae' as const,
      folds: 8,
      origins: 20,
      candidates: name === 'engine' ? process.env.ENGINE?.split(',') : [name],
    };
    let ratio = NaN;
    try {
      const r = backtest(frame, opts);
      const keys = new Set(r.rows.map((x) => `${iso(x.cutoff)}|${x.horizon}`));
      const ours = r.rows.reduce((s, x) => s + Math.abs(x.actual - x.forecast), 0) / r.rows.length;
      const best = Math.min(
        ...Object.values(peers)
          .filter((p) => p.length)
          .map((p) => {
            const k = p.filter((x) => keys.has(`${x[0]}|${x[1]}`));
            return k.reduce((s, x) => s + Math.abs(x[2] - x[3]), 0) / k.length;
          }),
      );
      ratio = process.env.COV ? r.coverage[0] : ours / best;
      dump[name] = r.rows.map((x) => [iso(x.cutoff), x.horizon, x.forecast, x.actual, x.lower[0], x.upper[0]]);
      if (name === 'engine') {
        cov = r.coverage[0];
        for (const x of r.rows) if (x.horizon === 1) wins.set(x.model, (wins.get(x.model) ?? 0) + 1);
      }
    } catch {
      /* the candidate does not apply */
    }
    out += fmt(ratio).padStart(10);
  }
  if (process.env.DUMP) {
    mkdirSync(process.env.DUMP, { recursive: true });
    writeFileSync(`${process.env.DUMP}/${c.case}.json`, JSON.stringify(dump));
  }
  console.log(`${out}   cov ${cov.toFixed(2)}${process.env.WINNERS ? '  ' + [...wins].map(([m, k]) => `${m}:${k}`).join(' ') : ''}`);
}
