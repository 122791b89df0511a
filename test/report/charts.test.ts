import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTS } from '../../src/report/charts/charts.js';
import { featuresChart, topFeatures } from '../../src/report/charts/features-chart.js';
import { forecastData } from '../../src/report/charts/forecast-chart.js';
import { compileSpec } from '../../src/report/render.js';
import type { ReportInput } from '../../src/report/types.js';
import { makeReportInput } from './support/report-fixture.js';

const full = makeReportInput();
const empty: ReportInput = {
  ...full,
  predictions: [],
  backtest: [],
  selectionCurve: [],
  featureRanking: full.featureRanking.map((f) => ({ ...f, coefficient: NaN })),
  outliers: full.outliers.map((o) => ({ ...o, removed: false })),
};

for (const { name, build } of CHARTS) {
  test(`${name} chart: a spec that Vega-Lite compiles without warnings, titled, fixed size, white`, async () => {
    const out = build(full);
    assert.equal(out.kind, 'chart');
    if (out.kind !== 'chart') return;
    const spec = out.spec as { title: { text: string }; width: number; height: number; background: string };
    assert.ok(spec.title.text.length > 0);
    assert.ok(spec.width > 0 && spec.height > 0);
    assert.equal(spec.background, 'white');
    await compileSpec(out.spec);
  });

  test(`${name} chart: empty data gives a note, not a chart`, () => {
    const out = build(empty);
    assert.equal(out.kind, 'empty');
    if (out.kind === 'empty') assert.ok(out.note.length > 0);
  });

  test(`${name} chart: pure (same input, same spec; input not changed)`, () => {
    const before = JSON.stringify(full);
    assert.deepEqual(build(full), build(full));
    assert.equal(JSON.stringify(full), before);
  });
}

test('topFeatures: largest |coefficient| first, NaN left out, ties keep ranking order, n honoured', () => {
  const rank = (feature: string, coefficient: number) => ({ feature, rank: 0, coefficient, selected: true });
  const cases = [
    { in: [rank('a', 0.1), rank('b', -3), rank('c', NaN), rank('d', 2)], n: 20, out: ['b', 'd', 'a'] },
    { in: [rank('a', 1), rank('b', -1), rank('c', 1)], n: 2, out: ['a', 'b'] },
    { in: [rank('a', 1), rank('a', 5)], n: 5, out: ['a'] },
    { in: [], n: 20, out: [] },
  ];
  for (const c of cases)
    assert.deepEqual(
      topFeatures(c.in, c.n).map((f) => f.feature),
      c.out,
    );
});

test('features chart: 2,000 features draw only the top 20', () => {
  const big = makeReportInput({ features: 2000 });
  const out = featuresChart(big);
  assert.equal(out.kind, 'chart');
  if (out.kind !== 'chart') return;
  const values = (out.spec as { data: { values: { feature: string }[] } }).data.values;
  assert.equal(values.length, 20);
  assert.equal(out.title, 'Top 20 of 2000 features by |standardised coefficient|');
  assert.equal(featuresChart(big, 5).kind === 'chart' && (featuresChart(big, 5) as { spec: { data: { values: unknown[] } } }).spec.data.values.length, 5);
});

test('forecastData: one past forecast per date (shortest horizon), the fan anchored at the last actual', () => {
  const row = (date: string, kind: 'history' | 'forecast', horizon: number, actual: number | null, forecast: number | null) => ({
    date,
    kind,
    horizon,
    actual,
    forecast,
    model: 'ols',
    bands: [{ level: 0.8, lower: forecast === null ? null : forecast - 1, upper: forecast === null ? null : forecast + 1 }],
  });
  const input = {
    ...full,
    levels: [0.8],
    predictions: [
      row('2024-01-07', 'history', 2, 10, 11),
      row('2024-01-07', 'history', 1, 10, 9),
      row('2024-01-14', 'history', 0, 12, null),
      row('2024-01-21', 'forecast', 1, null, 13),
      row('2024-01-28', 'forecast', 2, null, 14),
    ],
  };
  const d = forecastData(input);
  assert.deepEqual(
    d.points.map((p) => [p.date, p.value, p.series]),
    [
      ['2024-01-07', 10, 'actual'],
      ['2024-01-14', 12, 'actual'],
      ['2024-01-07', 9, 'past forecasts'],
      ['2024-01-14', 12, 'forecast'],
      ['2024-01-21', 13, 'forecast'],
      ['2024-01-28', 14, 'forecast'],
    ],
  );
  assert.equal(d.start, '2024-01-14');
  assert.equal(d.end, '2024-01-28');
  assert.deepEqual(
    d.bands.filter((b) => b.segment === 'forecast').map((b) => [b.date, b.lower, b.upper]),
    [
      ['2024-01-14', 12, 12],
      ['2024-01-21', 12, 14],
      ['2024-01-28', 13, 15],
    ],
  );
});
