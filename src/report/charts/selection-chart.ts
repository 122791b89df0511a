/**
 * Chart 3: the feature-selection curve, the fold score (mean ± one standard deviation across
 * folds) against the number of selected features, with the number finally chosen marked.
 */
import type { ReportInput } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { chartFrame, COLOURS } from './chart-style.js';

/** The selection chart, or a note when no selection ran (e.g. the winner is naive). O(points). */
export function selectionChart(input: ReportInput): ChartOutcome {
  const title = `Feature selection: fold ${input.metric.toUpperCase()} by number of features`;
  const points = input.selectionCurve
    .filter((p) => Number.isFinite(p.score) && p.nFeatures > 0)
    .map((p) => {
      const std = Number.isFinite(p.std) ? p.std : 0;
      return { n: p.nFeatures, score: p.score, lower: p.score - std, upper: p.score + std, band: '± 1 std across folds', line: 'mean over folds' };
    })
    .sort((a, b) => a.n - b.n);
  if (points.length === 0) {
    return { kind: 'empty', title, note: 'No feature selection was run (the winner uses no features, or selection was skipped).' };
  }
  const chosen = input.featureRanking.filter((f) => f.selected).length;
  const min = points[0].n;
  const max = points[points.length - 1].n;
  const log = max / min >= 20;
  const x = {
    field: 'n',
    type: 'quantitative',
    title: `number of selected features${log ? ' (log scale)' : ''}`,
    scale: log ? { type: 'log', domain: [min, Math.max(max, chosen)] } : { zero: false, nice: true },
    axis: { labelOverlap: true, tickCount: 8, format: '~s' },
  };
  const y = { field: 'score', type: 'quantitative', scale: { zero: false }, title: `fold ${input.metric.toUpperCase()} (lower is better)` };
  const marks: object[] = [
    {
      mark: { type: 'area', opacity: 0.6 },
      encoding: {
        x,
        y: { ...y, field: 'lower' },
        y2: { field: 'upper' },
        fill: { field: 'band', type: 'nominal', title: null, scale: { range: [COLOURS.modelBand] } },
      },
    },
    {
      mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 } },
      encoding: { x, y, color: { field: 'line', type: 'nominal', title: null, scale: { range: [COLOURS.model] } } },
    },
  ];
  if (chosen > 0) {
    marks.push({
      data: { values: [{ n: chosen, label: `chosen: ${chosen}` }] },
      layer: [
        { mark: { type: 'rule', color: COLOURS.forecast, strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { x } },
        {
          mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, color: COLOURS.forecast, fontSize: 11 },
          encoding: { x, y: { value: 0 }, text: { field: 'label' } },
        },
      ],
    });
  }
  return {
    kind: 'chart',
    title,
    spec: {
      ...chartFrame(title, `${points.length} subset sizes tried; the band is the spread of the score across the validation folds`),
      data: { values: points },
      layer: marks,
    } as never,
  };
}
