/**
 * Chart 2: the back-test. For the longest horizon h, every cutoff's h-step forecast against the
 * actual of its target date, with the naive (last value) forecast for comparison.
 */
import type { ReportInput } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { chartFrame, COLOURS, levelLabel, periodWord, timeX, valueY } from './chart-style.js';
import { formatNumber } from '../format.js';

/** The back-test chart, or a note when no back-test was run. O(rows). */
export function backtestChart(input: ReportInput): ChartOutcome {
  const rows = input.backtest.filter((r) => Number.isFinite(r.actual) && Number.isFinite(r.forecast));
  const period = periodWord(input.freq);
  if (rows.length === 0) {
    return { kind: 'empty', title: 'Back-test', note: 'No back-test was run (or it produced no rows).' };
  }
  const h = Math.max(...rows.map((r) => r.horizon));
  const at = rows.filter((r) => r.horizon === h).sort((a, b) => a.targetDate.localeCompare(b.targetDate));
  const model = `${input.winner} forecast`;
  const series = ['actual', model, 'naive forecast'];
  const points = at.flatMap((r) => [
    { date: r.targetDate, value: r.actual, series: 'actual' },
    { date: r.targetDate, value: r.forecast, series: model },
    ...(Number.isFinite(r.naive) ? [{ date: r.targetDate, value: r.naive, series: 'naive forecast' }] : []),
  ]);
  const band = at.flatMap((r) => {
    const b = r.bands[0];
    return b && b.lower !== null && b.upper !== null ? [{ date: r.targetDate, lower: b.lower, upper: b.upper }] : [];
  });
  const mae = (f: (r: (typeof at)[number]) => number) => at.reduce((s, r) => s + Math.abs(f(r) - r.actual), 0) / at.length;
  const naiveMae = at.every((r) => Number.isFinite(r.naive)) ? `, naive ${formatNumber(mae((r) => r.naive))}` : '';
  const title = `Back-test: ${h}-${period}-ahead forecasts at ${at.length} cutoffs`;
  const level = input.levels[0];
  const subtitle =
    `each forecast made ${h} ${period}${h === 1 ? '' : 's'} before its date; MAE ${input.winner} ${formatNumber(mae((r) => r.forecast))}${naiveMae}` +
    (band.length > 0 && level !== undefined ? `; shaded: ${levelLabel(level)}` : '');
  const x = timeX(
    'date',
    at.map((r) => r.targetDate),
    input.freq,
    `target ${period}`,
  );
  return {
    kind: 'chart',
    title,
    spec: {
      ...chartFrame(title, subtitle),
      layer: [
        {
          data: { values: band },
          mark: { type: 'area', color: COLOURS.modelBand, opacity: 0.7 },
          encoding: { x, y: valueY('lower', input.target), y2: { field: 'upper' } },
        },
        {
          data: { values: points },
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 30 } },
          encoding: {
            x,
            y: valueY('value', input.target),
            color: {
              field: 'series',
              type: 'nominal',
              title: null,
              sort: series,
              scale: { domain: series, range: [COLOURS.actual, COLOURS.model, COLOURS.naive] },
              legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
            },
            strokeDash: {
              field: 'series',
              type: 'nominal',
              sort: series,
              title: null,
              scale: {
                domain: series,
                range: [
                  [1, 0],
                  [1, 0],
                  [5, 4],
                ],
              },
            },
          },
        },
      ],
    } as never,
  };
}
