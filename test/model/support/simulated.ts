/**
 * Seeded simulated series with known structure, for the engine's generality check: each case
 * is a Frame whose target `y` has one property (noise around a level, random walk, AR(1),
 * trend + monthly seasonality, weekly seasonality, a level shift, a leading indicator, and two
 * shaped like the weather and labour series the engine is checked on), plus one or two other
 * columns so the regressions have something to use or ignore.
 * Run the table: TZ=UTC node --import tsx test/model/support/simulated.ts
 */
import type { Frame } from '../../../src/frame/frame.js';
import { addPeriods } from '../../../src/frame/dates.js';
import { backtest } from '../../../src/model/engine.js';
import type { BacktestResult } from '../../../src/model/types.js';
import { isoDay } from './demo-frame.js';
import { mulberry32, normal } from './prng.js';

export interface SimCase {
  readonly name: string;
  readonly frame: Frame;
  /** Naive is the optimal forecast: the engine may lose by up to 2 %. */
  readonly naiveOptimal?: boolean;
}

function weekly(n: number, y: Float64Array, extra: Float64Array[]): Frame {
  const start = isoDay('2015-01-04');
  return {
    freq: 'W-SUN',
    dates: Int32Array.from({ length: n }, (_, i) => start + 7 * i),
    names: ['y', ...extra.map((_, j) => `x${j}`)],
    columns: [y, ...extra],
  };
}

export function simCases(seed = 11): SimCase[] {
  const z = normal(mulberry32(seed));
  const noise = (n: number) => Float64Array.from({ length: n }, () => z());
  const rw = (n: number) => {
    let s = 0;
    return Float64Array.from({ length: n }, () => (s += z()));
  };
  const out: SimCase[] = [];
  {
    const n = 120;
    out.push({
      name: 'white noise',
      frame: weekly(
        n,
        Float64Array.from(noise(n), (e) => 50 + 3 * e),
        [noise(n)],
      ),
    });
  }
  {
    const n = 120;
    out.push({
      name: 'random walk',
      frame: weekly(
        n,
        Float64Array.from(rw(n), (v) => 100 + 2 * v),
        [noise(n)],
      ),
      naiveOptimal: true,
    });
  }
  {
    const n = 120;
    let s = 0;
    out.push({
      name: 'AR(1) 0.7',
      frame: weekly(
        n,
        Float64Array.from({ length: n }, () => (s = 0.7 * s + 2 * z()) + 30),
        [noise(n)],
      ),
    });
  }
  {
    const n = 120;
    const dates = Int32Array.from({ length: n }, (_, i) => addPeriods(isoDay('2010-01-01'), i, 'MS'));
    const y = Float64Array.from(
      { length: n },
      (_, i) => 100 + 0.5 * i + 12 * Math.sin((2 * Math.PI * i) / 12) + 6 * Math.cos((4 * Math.PI * i) / 12) + 2 * z(),
    );
    out.push({ name: 'monthly seasonal + trend', frame: { freq: 'MS', dates, names: ['y', 'x0'], columns: [y, noise(n)] } });
  }
  {
    const n = 260;
    const y = Float64Array.from({ length: n }, (_, i) => 15 + 8 * Math.sin((2 * Math.PI * i) / 52.18) + 2 * z());
    out.push({ name: 'weekly seasonal (52)', frame: weekly(n, y, [noise(n)]) });
  }
  {
    const n = 120;
    const y = Float64Array.from({ length: n }, (_, i) => (i < 70 ? 40 : 55) + 2 * z());
    out.push({ name: 'level shift', frame: weekly(n, y, [noise(n)]) });
  }
  {
    const n = 120;
    let s = 0;
    const x = Float64Array.from({ length: n }, () => (s = 0.8 * s + 3 * z()));
    const y = Float64Array.from({ length: n }, (_, i) => 20 + 2 * (i >= 4 ? x[i - 4] : 0) + z());
    out.push({ name: 'leading x(t-4)', frame: weekly(n, y, [x, noise(n)]) });
  }
  {
    // Weather-like: an annual cycle with AR(1) weather noise and a humidity column on the same cycle.
    const n = 312;
    let e = 0;
    const y = Float64Array.from({ length: n }, (_, i) => 14 + 8 * Math.sin((2 * Math.PI * i) / 52.18 - 1.3) + (e = 0.6 * e + 2 * z()));
    const hum = Float64Array.from({ length: n }, (_, i) => 60 + 15 * Math.cos((2 * Math.PI * i) / 52.18) + 5 * z());
    out.push({ name: 'weekly temperature', frame: weekly(n, y, [hum]) });
  }
  {
    // Labour-statistics-like, not seasonally adjusted: a slowly wandering rate, a fixed monthly
    // pattern and a recession jump of 3 points, with a claims series leading it by a month.
    const n = 240;
    const season = [0.5, 0.4, 0.2, -0.2, -0.1, 0.3, 0.2, 0, -0.3, -0.4, -0.3, -0.3];
    let level = 5;
    const y = Float64Array.from({ length: n }, (_, i) => {
      level += 0.05 * z() + (i === 150 ? 3 : 0) + (i > 150 && i < 180 ? -0.08 : 0);
      return level + season[i % 12] + 0.1 * z();
    });
    const claims = Float64Array.from({ length: n }, (_, i) => 50 * (i + 1 < n ? y[i + 1] : y[i]) + 10 * z());
    const dates = Int32Array.from({ length: n }, (_, i) => addPeriods(isoDay('2000-01-01'), i, 'MS'));
    out.push({ name: 'monthly unemployment NSA', frame: { freq: 'MS', dates, names: ['y', 'claims'], columns: [y, claims] } });
  }
  return out;
}

export const SIM_OPTS = { target: 'y', horizon: 4, levels: [0.8, 0.95], metric: 'mae', folds: 8, origins: 12 } as const;

export function runCase(c: SimCase): BacktestResult {
  return backtest(c.frame, SIM_OPTS);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  console.log('case'.padEnd(26) + 'MAE'.padStart(8) + 'naive'.padStart(8) + 'ratio'.padStart(7) + 'cov80'.padStart(7) + 'cov95'.padStart(7) + '  winners');
  for (const c of simCases()) {
    const t0 = performance.now();
    const r = runCase(c);
    const wins = new Map<string, number>();
    for (const row of r.rows) if (row.horizon === 1) wins.set(row.model, (wins.get(row.model) ?? 0) + 1);
    console.log(
      c.name.padEnd(26) +
        r.metrics.mae.mean.toFixed(3).padStart(8) +
        r.naiveMae.toFixed(3).padStart(8) +
        (r.metrics.mae.mean / r.naiveMae).toFixed(3).padStart(7) +
        r.coverage.map((v) => v.toFixed(3).padStart(7)).join('') +
        '  ' +
        [...wins].map(([m, k]) => `${m}:${k}`).join(' ') +
        `  (${(performance.now() - t0).toFixed(0)} ms)`,
    );
  }
}
