/**
 * Prints the demo backtest table: per candidate (each forced alone through the same
 * rolling-origin backtest) and the selected engine, MAE and interval coverage.
 * Run: TZ=UTC node --import tsx test/model/support/backtest-table.ts [target] [horizon] [origins] [folds]
 */
import { backtest } from '../../../src/model/engine.js';
import type { EngineOptions } from '../../../src/model/types.js';
import { demoFrame } from './demo-frame.js';

const [target = 'desempleo', h = '4', o = '20', k = '5'] = process.argv.slice(2);
const frame = demoFrame();
const base: EngineOptions = { target, horizon: Number(h), levels: [0.8, 0.95], metric: 'mae', folds: Number(k) };
const single = (process.env.ONLY ?? 'naive,snaive,ets_damped,original_ols,ridge_ar,ridge,lasso,enet,ridge_rfe,ols').split(',').filter(Boolean);
const fmt = (x: number) => x.toFixed(3).padStart(8);
console.log(`target=${target} horizon=${h} origins=${o} folds=${k}`);
console.log('model'.padEnd(16) + 'MAE'.padStart(8) + 'cov80'.padStart(8) + 'cov95'.padStart(8) + '  winners');
for (const name of [...single, 'engine']) {
  const opts = { ...base, origins: Number(o), candidates: name === 'engine' ? process.env.ENGINE?.split(',') : [name] };
  try {
    const t0 = performance.now();
    const r = backtest(demoFrame(), opts);
    const wins = new Map<string, number>();
    for (const row of r.rows) if (row.horizon === 1) wins.set(row.model, (wins.get(row.model) ?? 0) + 1);
    const w = [...wins].map(([m, c]) => `${m}:${c}`).join(' ');
    console.log(name.padEnd(16) + fmt(r.metrics.mae.mean) + fmt(r.coverage[0]) + fmt(r.coverage[1]) + `  ${w}  (${(performance.now() - t0).toFixed(0)} ms)`);
  } catch (e) {
    console.log(name.padEnd(16) + ` failed: ${(e as Error).message}`);
  }
}
void frame;
