/**
 * The report of a run with several targets, first chart: small multiples of the targets whose
 * forecast changes most (in units of their typical error), each with its last year of actuals,
 * its forecast and the first level's band, on its own value scale. A dozen panels whatever the
 * number of targets, so it reads the same at 20 targets or 2,000.
 */
import { formatNumber } from '../format.js';
import type { ReportTargetPanel, TargetsReportInput } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { chartFrame, COLOURS, levelLabel, periodWord } from './chart-style.js';

/** Panels per row, and each panel's plotting area. */
export const PANEL_COLUMNS = 3;
const PANEL_WIDTH = 190;
const PANEL_HEIGHT = 90;

interface Row {
  panel: string;
  date: string;
  value?: number;
  lower?: number;
  upper?: number;
  series: 'actual' | 'forecast';
}

/** A panel's title: the target and its change, e.g. `paro (+2.4× its error)`. */
export function panelLabel(p: ReportTargetPanel, change: number | null): string {
  return `${p.target} (${change === null ? '–' : `${change > 0 ? '+' : ''}${formatNumber(change)}×`})`;
}

export function moversData(input: TargetsReportInput): { rows: Row[]; order: string[] } {
  const change = new Map(input.targets.map((t) => [t.target, t.change]));
  const rows: Row[] = [];
  const order: string[] = [];
  for (const p of input.panels) {
    const panel = panelLabel(p, change.get(p.target) ?? null);
    order.push(panel);
    const actuals = p.history.filter((h) => h.actual !== null);
    for (const h of actuals) rows.push({ panel, date: h.date, value: h.actual!, series: 'actual' });
    // The forecast line and band start at the last actual, so the fan joins the history.
    const last = actuals[actuals.length - 1];
    if (last) rows.push({ panel, date: last.date, value: last.actual!, lower: last.actual!, upper: last.actual!, series: 'forecast' });
    for (const f of p.forecast) {
      if (f.forecast === null) continue;
      rows.push({ panel, date: f.date, value: f.forecast, lower: f.bands[0]?.lower ?? undefined, upper: f.bands[0]?.upper ?? undefined, series: 'forecast' });
    }
  }
  return { rows, order };
}

export function moversChart(input: TargetsReportInput): ChartOutcome {
  const title = `The ${input.panels.length} largest forecast changes of ${input.targets.length} targets`;
  if (input.panels.length === 0) return { kind: 'empty', title, note: 'No target has a forecast change to show.' };
  const { rows, order } = moversData(input);
  const {
    width: _w,
    height: _h,
    ...frame
  } = chartFrame(
    title,
    `change = (forecast at ${input.horizon} ${periodWord(input.freq)}s − last actual) / the naive forecast's MAE; shaded: ${levelLabel(input.levels[0])}; each panel on its own scale`,
  );
  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc' },
    title: null,
    axis: { format: '%b %Y', tickCount: 3, labelOverlap: 'greedy', grid: false },
  };
  const y = (field: string) => ({ field, type: 'quantitative', scale: { zero: false }, title: null, axis: { tickCount: 3, grid: true } });
  return {
    kind: 'chart',
    title,
    spec: {
      ...frame,
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', sort: order, title: null, header: { labelFontSize: 11, labelLimit: PANEL_WIDTH, labelAnchor: 'start' } },
      columns: PANEL_COLUMNS,
      resolve: { scale: { y: 'independent', x: 'independent' } },
      spec: {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        layer: [
          {
            transform: [{ filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
            mark: { type: 'area', color: '#fbd3d3' },
            encoding: { x, y: y('lower'), y2: { field: 'upper' } },
          },
          {
            transform: [{ filter: { field: 'series', equal: 'actual' } }],
            mark: { type: 'line', strokeWidth: 1.5, color: COLOURS.actual },
            encoding: { x, y: y('value') },
          },
          {
            transform: [{ filter: { field: 'series', equal: 'forecast' } }],
            mark: { type: 'line', strokeWidth: 2, color: COLOURS.forecast, point: { filled: true, size: 18, color: COLOURS.forecast } },
            encoding: { x, y: y('value') },
          },
        ],
      },
    } as never,
  };
}
