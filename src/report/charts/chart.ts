/**
 * What a chart builder returns: a Vega-Lite spec to render, or a short note when its section
 * has nothing to show (so the report says so instead of drawing a broken chart).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../types.js';

export const CHART_NAMES = ['forecast', 'backtest', 'selection', 'features', 'outliers'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export type ChartOutcome =
  { readonly kind: 'chart'; readonly title: string; readonly spec: TopLevelSpec } | { readonly kind: 'empty'; readonly title: string; readonly note: string };

/** A pure function from the report's data to one chart. */
export type ChartBuilder = (input: ReportInput) => ChartOutcome;
