/**
 * The engine against naive on every keyword of the demo file: the same rolling-origin backtest
 * (horizon 4, 20 cutoffs across the COVID-19 break, trends only, 5 inner folds) per keyword,
 * then the geometric mean of MAE / naive MAE, the wins and the worst ratio.
 * Run: TZ=UTC node --import tsx scripts/experiments/all-keywords.ts (about 2 minutes)
 * Env: ENGINE=a,b (restrict the engine's candidates), QUIET=1 (summary only).
 */
import { backtest } from '../../src/model/engine.js';
import { demoFrame } from '../../test/model/support/demo-frame.js';

const frame = demoFrame();
const rows: { target: string; mae: number; naive: number; cov80: number }[] = [];
for (const target of frame.names) {
  const r = backtest(frame, { target, horizon: 4, levels: [0.8], metric: 'mae', folds: 5, origins: 20, candidates: process.env.ENGINE?.split(',') });
  const ok = r.rows.filter((x) => Number.isFinite(x.actual));
  const mae = (f: (x: (typeof ok)[number]) => number) => ok.reduce((s, x) => s + Math.abs(x.actual - f(x)), 0) / ok.length;
  rows.push({ target, mae: mae((x) => x.forecast), naive: mae((x) => x.naive), cov80: r.coverage[0] });
  if (!process.env.QUIET)
    console.log(
      `${target.padEnd(22)} ${mae((x) => x.forecast)
        .toFixed(2)
        .padStart(7)} ${mae((x) => x.naive)
        .toFixed(2)
        .padStart(7)} ${r.coverage[0].toFixed(2).padStart(5)}`,
    );
}
const ratios = rows.filter((r) => r.naive > 0).map((r) => r.mae / r.naive);
const geo = Math.exp(ratios.reduce((s, v) => s + Math.log(v), 0) / ratios.length);
console.log(
  `${rows.length} keywords: geometric mean MAE / naive ${geo.toFixed(4)}, engine better on ${ratios.filter((v) => v < 1).length}, worst ratio ${Math.max(...ratios).toFixed(3)}, mean cov80 ${(rows.reduce((s, r) => s + r.cov80, 0) / rows.length).toFixed(3)}`,
);
