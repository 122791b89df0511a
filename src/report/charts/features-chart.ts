/**
 * Chart 4: the top N features by |standardised coefficient| as horizontal bars coloured by
 * sign. Only the top N are drawn, so it stays readable with 2,000 keywords.
 */
import type { FeatureRank } from '../../model/types.js';
import type { ReportInput } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { chartFrame, COLOURS } from './chart-style.js';

export const DEFAULT_TOP_N = 20;

/**
 * The `n` features largest in |coefficient| (NaN and null coefficients left out, first of
 * duplicate names kept), largest first; ties keep the ranking's order. O(p log p).
 */
export function topFeatures(ranking: readonly FeatureRank[], n = DEFAULT_TOP_N): FeatureRank[] {
  const seen = new Set<string>();
  return ranking
    .filter((f) => typeof f.coefficient === 'number' && Number.isFinite(f.coefficient) && !seen.has(f.feature) && seen.add(f.feature))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => Math.abs(b.f.coefficient) - Math.abs(a.f.coefficient) || a.i - b.i)
    .slice(0, n)
    .map(({ f }) => f);
}

/** The feature chart, or a note when no feature has a coefficient. */
export function featuresChart(input: ReportInput, n = DEFAULT_TOP_N): ChartOutcome {
  const top = topFeatures(input.featureRanking, n);
  const title = `Top ${top.length} of ${input.featureRanking.length} features by |standardised coefficient|`;
  if (top.length === 0) {
    return { kind: 'empty', title: 'Features', note: 'No feature has a coefficient (the winner uses no features).' };
  }
  const values = top.map((f, order) => ({
    feature: f.feature,
    coefficient: f.coefficient,
    order,
    sign: f.coefficient >= 0 ? 'positive' : 'negative',
  }));
  const height = Math.max(160, 60 + top.length * 16);
  return {
    kind: 'chart',
    title,
    spec: {
      ...chartFrame(title, `model: ${input.winner}; a coefficient is the change in ${input.target} per standard deviation of the feature`, height),
      data: { values },
      mark: { type: 'bar', height: { band: 0.75 } },
      encoding: {
        y: { field: 'feature', type: 'nominal', sort: { field: 'order', order: 'ascending' }, title: null, axis: { labelLimit: 240, labelOverlap: false } },
        x: { field: 'coefficient', type: 'quantitative', title: 'standardised coefficient', axis: { labelOverlap: true } },
        color: {
          field: 'sign',
          type: 'nominal',
          title: 'sign',
          sort: ['positive', 'negative'],
          scale: { domain: ['positive', 'negative'], range: [COLOURS.positive, COLOURS.negative] },
        },
      },
    } as never,
  };
}
