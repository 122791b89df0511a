/**
 * Chart 1: the target's actuals against the model's forecasts, with the prediction intervals as
 * shaded bands and the forecast weeks on a grey background.
 */
import type { ReportInput, ReportPrediction } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { bandShades, chartFrame, COLOURS, levelLabel, levelsText, periodWord, timeX, valueY } from './chart-style.js';

const SERIES = { actual: 'actual', past: 'past forecasts', future: 'forecast' } as const;

interface Point {
  date: string;
  value: number;
  series: string;
}
interface Band {
  date: string;
  lower: number;
  upper: number;
  level: string;
  segment: string;
}

/** Stroke dashes of actuals (solid), past out-of-sample forecasts (dashed) and the forecast (solid). */
const DASHES = [
  [1, 0],
  [4, 3],
  [1, 0],
];

/** The forecast chart, or a note when there are no predictions. O(rows · levels). */
export function forecastChart(input: ReportInput): ChartOutcome {
  const title = `${input.target}: actuals and ${input.horizon}-${periodWord(input.freq)} forecast`;
  const data = forecastData(input);
  if (data.points.length === 0) return { kind: 'empty', title, note: 'No predictions to show.' };
  const dates = data.points.map((p) => p.date);
  const x = timeX('date', dates, input.freq);
  const levels = [...input.levels].sort((a, b) => b - a).map(levelLabel);
  const series = Object.values(SERIES);
  const y = (field: string) => ({ ...valueY(field, input.target), scale: { domain: yDomain(data, levelLabel(Math.min(...input.levels))), nice: true } });
  const forecastWeeks = data.start === undefined ? [] : [{ values: [{ from: data.start, to: data.end, label: 'forecast' }] }];
  const layers: object[] = [
    ...forecastWeeks.map((d) => ({
      data: d,
      mark: { type: 'rect', color: COLOURS.shade },
      encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' } },
    })),
    {
      data: { values: data.bands },
      mark: { type: 'area', opacity: 1, clip: true },
      encoding: {
        x,
        y: y('lower'),
        y2: { field: 'upper' },
        fill: { field: 'level', type: 'nominal', title: 'interval', sort: levels, scale: { domain: levels, range: bandShades(levels.length) } },
        detail: { field: 'segment' },
      },
    },
    {
      data: { values: data.points },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x,
            y: y('value'),
            color: {
              field: 'series',
              type: 'nominal',
              title: null,
              sort: series,
              scale: { domain: series, range: [COLOURS.actual, COLOURS.model, COLOURS.forecast] },
            },
            strokeDash: {
              field: 'series',
              type: 'nominal',
              sort: series,
              title: null,
              scale: { domain: series, range: DASHES },
            },
          },
        },
        {
          transform: [{ filter: { field: 'series', equal: SERIES.future } }],
          mark: { type: 'point', filled: true, size: 45, color: COLOURS.forecast },
          encoding: { x, y: y('value') },
        },
      ],
    },
    // The label last, so no band covers it.
    ...forecastWeeks.map((d) => ({
      data: d,
      mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 4, color: '#555555', fontSize: 11 },
      encoding: { x: { ...x, field: 'from' }, y: { value: 0 }, text: { field: 'label' } },
    })),
  ];
  return {
    kind: 'chart',
    title,
    spec: {
      ...chartFrame(
        title,
        `shaded: ${levelsText(input.levels)} prediction intervals (the widest cut at the edge); dashed: past out-of-sample forecasts; grey: the forecast ${periodWord(input.freq)}s`,
      ),
      layer: layers,
    } as never,
  };
}

/**
 * The value axis covers the actuals, the forecasts and the narrowest interval, so one wild
 * week of the widest band (after a structural break) does not flatten everything else; that
 * band is clipped at the chart's edge.
 */
export function yDomain(data: { points: Point[]; bands: Band[] }, narrowest: string): [number, number] {
  const values = [...data.points.map((p) => p.value), ...data.bands.filter((b) => b.level === narrowest).flatMap((b) => [b.lower, b.upper])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || 1;
  return [lo - pad, hi + pad];
}

/** Points and bands to draw. Past forecasts keep one row per date (the shortest horizon). */
export function forecastData(input: ReportInput): {
  points: Point[];
  bands: Band[];
  start?: string;
  end?: string;
} {
  const rows = [...input.predictions].sort((a, b) => a.date.localeCompare(b.date) || a.horizon - b.horizon);
  const actuals = new Map<string, number>();
  const past = new Map<string, ReportPrediction>();
  const future = new Map<string, ReportPrediction>();
  for (const r of rows) {
    if (r.actual !== null && Number.isFinite(r.actual) && !actuals.has(r.date)) actuals.set(r.date, r.actual);
    const into = r.kind === 'forecast' ? future : past;
    if (r.forecast !== null && Number.isFinite(r.forecast) && !into.has(r.date)) into.set(r.date, r);
  }
  const points: Point[] = [
    ...[...actuals].map(([date, value]) => ({ date, value, series: SERIES.actual })),
    ...[...past.values()].map((r) => ({ date: r.date, value: r.forecast as number, series: SERIES.past })),
  ];
  const bands = [...past.values()].flatMap((r) => bandsOf(r, 'history'));
  const futureRows = [...future.values()];
  if (futureRows.length === 0) return { points, bands };
  // The fan starts at the last actual before the forecast, so a one-step forecast still shows.
  const first = futureRows[0].date;
  const anchor = [...actuals].filter(([d]) => d < first).pop();
  if (anchor !== undefined) {
    points.push({ date: anchor[0], value: anchor[1], series: SERIES.future });
    for (const level of input.levels) {
      bands.push({ date: anchor[0], lower: anchor[1], upper: anchor[1], level: levelLabel(level), segment: 'forecast' });
    }
  }
  points.push(...futureRows.map((r) => ({ date: r.date, value: r.forecast as number, series: SERIES.future })));
  bands.push(...futureRows.flatMap((r) => bandsOf(r, 'forecast')));
  // Widest band first so the narrower one is drawn on top of it.
  bands.sort((a, b) => b.level.localeCompare(a.level, 'en', { numeric: true }));
  return { points, bands, start: anchor?.[0] ?? first, end: futureRows[futureRows.length - 1].date };
}

function bandsOf(r: ReportPrediction, segment: string): Band[] {
  return r.bands.flatMap((b) =>
    b.lower === null || b.upper === null || !Number.isFinite(b.lower) || !Number.isFinite(b.upper)
      ? []
      : [{ date: r.date, lower: b.lower, upper: b.upper, level: levelLabel(b.level), segment }],
  );
}
