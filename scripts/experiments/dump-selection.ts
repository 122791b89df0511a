/**
 * Experiment driver for the winner rule: replays the benchmark backtest (20 origins, h = 4) of
 * each case and, at every origin, records every candidate's per-fold losses (MAE) and its own
 * out-of-sample forecast (mean, sd) from that origin, so that selection rules can be compared
 * offline (rules.ts) on exactly the same fits.
 * Run: TZ=UTC node --import tsx scripts/experiments/dump-selection.ts outdir [case-prefix ...]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { head } from '../../src/frame/frame.js';
import type { Frame } from '../../src/frame/frame.js';
import { seasonalPeriod, type Freq } from '../../src/frame/freq.js';
import { selectionCutoffs } from '../../src/model/selection/folds.js';
import { featureDefs } from '../../src/model/regression/features.js';
import { selectModel } from '../../src/model/selection/selection.js';
import { scoreFolds } from '../../src/model/selection/candidate.js';
import { seriesData, targetSpan } from '../../src/model/series.js';
import { forecastDist } from '../../src/model/spec.js';

const ROOT = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, ROOT), 'utf8');
const FREQ: Record<string, Freq> = { W: 'W-SUN', M: 'MS', D: 'D' };
const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5;
function frameOf(csv: string, freq: Freq): Frame {
  const [h, ...lines] = csv.trim().split('\n');
  const names = h.split(',').slice(1);
  const cells = lines.map((l) => l.split(','));
  return {
    freq,
    names,
    dates: Int32Array.from(cells, (c) => day(c[0])),
    columns: names.map((_, j) => Float64Array.from(cells, (c) => (c[j + 1] === '' ? NaN : Number(c[j + 1])))),
  };
}
const [outdir, ...prefixes] = process.argv.slice(2);
mkdirSync(outdir, { recursive: true });
const [hd, ...rows] = read('fixtures/bench/cases.tsv').trim().split('\n');
const cols = hd.split('\t');
const cases = rows
  .map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])))
  .filter((c) => prefixes.length === 0 || prefixes.some((p) => c.case.startsWith(p)));
const H = 4,
  ORIGINS = 20;
for (const c of cases) {
  const frame = frameOf(read(`.bench/accuracy/${c.case}/merged.csv`), FREQ[c.freq]);
  const span = targetSpan(frame, c.target);
  const n = span.last - span.first + 1;
  const yAll = frame.columns[frame.names.indexOf(c.target)];
  const origins = [];
  const t0 = performance.now();
  for (let t = n - H - ORIGINS; t <= n - 1 - H; t++) {
    const end = span.first + t + 1;
    const data = seriesData(head(frame, end), c.target);
    const m = data.y.length;
    const period = seasonalPeriod(data.freq);
    const cutoffs = selectionCutoffs(m, H, 8, period);
    const sel = selectModel(data, featureDefs(data, H, period), cutoffs, { target: c.target, horizon: H, levels: [0.8], metric: 'mae', folds: 8 }, period);
    const cands: Record<string, { loss: number[]; folds: number[][]; mean: number[]; sd: number[] }> = {};
    for (const cand of sel.candidates) {
      const loss = scoreFolds(data.y, cutoffs, cand.forecasts, 'mae').perFold.map((v) => v.mae);
      let fc;
      try {
        fc = forecastDist(cand.fit(), data, m - 1, H);
      } catch {
        continue;
      }
      cands[cand.name] = { loss, folds: cand.forecasts.map((f) => Array.from(f, (v) => +v.toPrecision(7))), mean: Array.from(fc.mean), sd: Array.from(fc.sd) };
    }
    const iso = new Date(frame.dates[end - 1] * 864e5).toISOString().slice(0, 10);
    const foldActual = cutoffs.map((u) => Array.from({ length: H }, (_, h) => data.y[u + 1 + h]));
    origins.push({
      cutoff: iso,
      foldActual,
      actual: Array.from({ length: H }, (_, h) => yAll[end + h]),
      last: data.y[m - 1],
      winner: sel.winner.name,
      candidates: cands,
    });
  }
  writeFileSync(`${outdir}/${c.case}.json`, JSON.stringify(origins));
  console.log(`${c.case}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
