/**
 * Times `train` on seeded synthetic weekly frames (default 2,000 and 5,000 keyword columns ×
 * 520 rows, budget 45 s) and on the demo, printing per-candidate times (each candidate trained
 * alone, shared stages included) and the full run with its skipped units.
 * Run: TZ=UTC node --import tsx scripts/experiments/speed.ts [cols,cols,...] [rows]
 * Env: SINGLES=0 to time only the full runs.
 */
import { train } from '../../src/model/engine.js';
import type { Frame } from '../../src/frame/frame.js';
import type { EngineOptions } from '../../src/model/types.js';
import { demoFrame } from '../../test/model/support/demo-frame.js';
import { mulberry32, normal } from '../../test/model/support/prng.js';

export function syntheticFrame(cols: number, rows: number, seed = 1): Frame {
  const z = normal(mulberry32(seed));
  const dates = Int32Array.from({ length: rows }, (_, i) => 14000 + 7 * i);
  const drivers = Array.from({ length: 5 }, () => {
    let s = 0;
    return Float64Array.from({ length: rows }, () => (s = 0.9 * s + z()));
  });
  const columns = Array.from({ length: cols }, (_, j) => {
    const d = drivers[j % 5];
    const a = 0.3 + ((j * 7919) % 100) / 100;
    return Float64Array.from({ length: rows }, (_, i) => 50 + 10 * a * d[i] + 5 * Math.sin((2 * Math.PI * i) / 52) + 3 * z());
  });
  const y = Float64Array.from({ length: rows }, (_, i) => 40 + 4 * (drivers[0][Math.max(0, i - 4)] ?? 0) + 6 * Math.sin((2 * Math.PI * i) / 52) + 2 * z());
  return { freq: 'W-SUN', dates, names: ['target', ...columns.map((_, j) => `kw${j}`)], columns: [y, ...columns] };
}

const NAMES = ['naive', 'snaive', 'mean', 'theta', 'ets', 'stlf', 'arima', 'arimax', 'ridge_ar', 'ridge', 'lasso', 'enet', 'ridge_rfe', 'original_ols'];

function timed(frame: Frame, opts: EngineOptions): { ms: number; winner: string; skipped: readonly string[]; rss: number } {
  const t0 = performance.now();
  const r = train(frame, opts);
  return { ms: performance.now() - t0, winner: r.winner, skipped: r.skipped, rss: process.memoryUsage().rss / 2 ** 20 };
}

const trace = new Map<string, number>();
function budgetOf(ms: number): { remainingMs: () => number; report: (unit: string, ms: number) => void } {
  const end = performance.now() + ms;
  return {
    remainingMs: () => end - performance.now(),
    report: (u, t) => trace.set(u.replace(/\.fold\d+$/, '.folds'), (trace.get(u.replace(/\.fold\d+$/, '.folds')) ?? 0) + t),
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
const sizes = (process.argv[2] ?? '2000,5000').split(',').map(Number);
const rows = Number(process.argv[3] ?? 520);
const base = (target: string): EngineOptions => ({ target, horizon: 4, levels: [0.8, 0.95], metric: 'mae', folds: 8 });
if (isMain) main();
function main(): void {
  const demo = demoFrame();
  timed(demo, base('desempleo'));
  const d = timed(demo, base('desempleo'));
  console.log(`demo 80×73: ${d.ms.toFixed(0)} ms, winner ${d.winner}`);
  for (const cols of sizes) {
    const frame = syntheticFrame(cols, rows);
    console.log(`\n${cols} columns × ${rows} rows`);
    if (process.env.SINGLES !== '0') {
      for (const name of NAMES) {
        try {
          const r = timed(frame, { ...base('target'), candidates: [name], budget: budgetOf(45_000) });
          console.log(`  ${name.padEnd(14)} ${r.ms.toFixed(0).padStart(7)} ms  ${r.skipped.length ? 'skipped ' + r.skipped.join(' ') : ''}`);
        } catch (e) {
          console.log(`  ${name.padEnd(14)} failed: ${(e as Error).message}`);
        }
      }
    }
    trace.clear();
    const r = timed(frame, { ...base('target'), budget: budgetOf(45_000) });
    console.log('  units: ' + [...trace].map(([u, t]) => `${u} ${t.toFixed(0)}`).join(', '));
    console.log(`  full (45 s budget) ${r.ms.toFixed(0)} ms, winner ${r.winner}, rss ${r.rss.toFixed(0)} MiB, skipped: ${r.skipped.join(' ') || '-'}`);
  }
}
