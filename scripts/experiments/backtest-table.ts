/**
 * Prints the demo backtest table: per candidate (each forced alone through the same
 * rolling-origin backtest) and the selected engine: MAE over all (cutoff, horizon) rows, MAE
 * at the last horizon only, the naive forecast's MAE on the same rows, and interval coverage.
 * Run: TZ=UTC node --import tsx scripts/experiments/backtest-table.ts [target] [horizon] [origins] [folds]
 * Env: ONLY=a,b (single candidates to list), ENGINE=a,b (restrict the engine's candidates),
 * DETAIL=1 (per-cutoff absolute errors at the last horizon for the engine).
 */
import { backtest } from '../../src/model/engine.js';
import type { BacktestRow, EngineOptions } from '../../src/model/types.js';
import { demoFrame } from '../../test/model/support/demo-frame.js';

const [target = 'desempleo', h = '4', o = '20', k = '5'] = process.argv.slice(2);
const H = Number(h);
const base: EngineOptions = { target, horizon: H, levels: [0.8, 0.95], metric: 'mae', folds: Number(k) };
const single = (process.env.ONLY ?? 'naive,snaive,mean,theta,ets,arima,arimax,original_ols,ridge_ar,ridge,lasso,enet,ridge_rfe,ols').split(',').filter(Boolean);
const fmt = (x: number) => x.toFixed(3).padStart(8);
const mae = (rows: readonly BacktestRow[], f: (r: BacktestRow) => number) => rows.reduce((s, r) => s + Math.abs(r.actual - f(r)), 0) / Math.max(1, rows.length);
console.log(`target=${target} horizon=${h} origins=${o} folds=${k}`);
console.log(
  'model'.padEnd(15) +
    'MAE'.padStart(8) +
    'naive'.padStart(8) +
    `MAE@h${H}`.padStart(8) +
    `naive@${H}`.padStart(9) +
    'cov80'.padStart(7) +
    'cov95'.padStart(7) +
    '  winners (h=1 rows)',
);
for (const name of [...single, 'engine']) {
  const opts = { ...base, origins: Number(o), candidates: name === 'engine' ? process.env.ENGINE?.split(',') : [name] };
  try {
    const t0 = performance.now();
    const r = backtest(demoFrame(), opts);
    const ok = r.rows.filter((x) => Number.isFinite(x.actual));
    const last = ok.filter((x) => x.horizon === H);
    const wins = new Map<string, number>();
    for (const row of r.rows) if (row.horizon === 1) wins.set(row.model, (wins.get(row.model) ?? 0) + 1);
    const w = [...wins].map(([m, c]) => `${m}:${c}`).join(' ');
    console.log(
      name.padEnd(15) +
        fmt(mae(ok, (x) => x.forecast)) +
        fmt(mae(ok, (x) => x.naive)) +
        fmt(mae(last, (x) => x.forecast)) +
        fmt(mae(last, (x) => x.naive)) +
        ' ' +
        r.coverage.map((c) => c.toFixed(3).padStart(6)).join(' ') +
        `  ${w}  (${(performance.now() - t0).toFixed(0)} ms)`,
    );
    if (process.env.DETAIL && name === 'engine') {
      for (const x of last)
        console.log(
          `  cutoff ${x.cutoff} fc ${x.forecast.toFixed(1)} actual ${x.actual} naive ${x.naive} |e| ${Math.abs(x.actual - x.forecast).toFixed(1)} vs ${Math.abs(x.actual - x.naive).toFixed(1)} ${x.model}`,
        );
    }
  } catch (e) {
    console.log(name.padEnd(15) + ` failed: ${(e as Error).message}`);
  }
}
