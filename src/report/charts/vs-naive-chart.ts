/**
 * The report of a run with several targets, second chart: how many targets beat the naive
 * forecast, and by how much. A histogram of MAE / naive MAE (both over the same fold forecasts)
 * on a log scale, with naive's line at 1: it reads the same at 20 targets or 2,000.
 */
import { ratioToNaive } from '../target-ratios.js';
import type { TargetsReportInput } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { CHART_HEIGHT, chartFrame, COLOURS } from './chart-style.js';

/** Bins per doubling of the ratio: 0.5 … 2 in 16 bins. */
const BINS_PER_DOUBLING = 8;

/** Each target's log2(MAE / naive MAE), binned; the ratio of a bin is 2^(its lower edge). */
export function ratioBins(input: TargetsReportInput): { bin: number; targets: number; better: boolean }[] {
  const counts = new Map<number, number>();
  for (const t of input.targets) {
    const r = ratioToNaive(t);
    if (!Number.isFinite(r) || r <= 0) continue;
    const bin = Math.floor(Math.log2(r) * BINS_PER_DOUBLING) / BINS_PER_DOUBLING;
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).map(([bin, targets]) => ({ bin, targets, better: bin < 0 }));
}

export function vsNaiveChart(input: TargetsReportInput): ChartOutcome {
  const bins = ratioBins(input);
  const beats = input.targets.filter((t) => ratioToNaive(t) < 1).length;
  const title = `Against naive: ${beats} of ${input.targets.length} targets have a lower MAE`;
  if (bins.length === 0) return { kind: 'empty', title, note: 'No target has both MAEs.' };
  const step = 1 / BINS_PER_DOUBLING;
  const values = bins.map((b) => ({ ...b, lo: 2 ** b.bin, hi: 2 ** (b.bin + step) }));
  return {
    kind: 'chart',
    title,
    spec: {
      ...chartFrame(
        title,
        'MAE / naive MAE over the same out-of-sample fold forecasts, per target; left of the line the model beats naive',
        CHART_HEIGHT * 0.7,
      ),
      layer: [
        {
          data: { values },
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x: {
              field: 'lo',
              type: 'quantitative',
              scale: { type: 'log', base: 2, nice: false },
              title: 'MAE / naive MAE (log scale)',
              axis: { format: '.3~f' },
            },
            x2: { field: 'hi' },
            y: { field: 'targets', type: 'quantitative', title: 'targets' },
            y2: { datum: 0 },
            color: {
              field: 'better',
              type: 'nominal',
              title: null,
              scale: { domain: [true, false], range: [COLOURS.model, COLOURS.naive] },
              legend: { labelExpr: "datum.value ? 'beats naive' : 'naive is as good or better'" },
            },
          },
        },
        {
          data: { values: [{ at: 1 }] },
          mark: { type: 'rule', color: COLOURS.actual, strokeDash: [4, 3] },
          encoding: { x: { field: 'at', type: 'quantitative' } },
        },
      ],
    } as never,
  };
}
