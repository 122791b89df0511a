import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moversChart, moversData } from '../../src/report/charts/movers-chart.js';
import { ratioBins, vsNaiveChart } from '../../src/report/charts/vs-naive-chart.js';
import { compileSpec } from '../../src/report/render.js';
import { geometricMean, ratioToNaive } from '../../src/report/target-ratios.js';
import { renderTargetsHtml, WORST_SHOWN } from '../../src/report/targets-html.js';
import { buildTargetsReport } from '../../src/report/targets-report.js';
import type { ReportTargetSummary, TargetsReportInput } from '../../src/report/types.js';
import { PANELS, targetPanels, targetSummary } from '../../src/pipeline/targets-report-data.js';
import type { TargetResult } from '../../src/pipeline/train-targets.js';

const summary = (target: string, mae: number | null, naiveMae: number | null, change: number | null, fellBack = false): ReportTargetSummary => ({
  target,
  winner: 'combo',
  mae,
  naiveMae,
  coverage: 0.8,
  deadlineHit: fellBack,
  fellBack,
  last: 10,
  forecast: 12,
  change,
});
const input = (targets: ReportTargetSummary[]): TargetsReportInput => {
  const predictions = new Map(
    targets.map((t) => [
      t.target,
      [
        { date: '2020-05-17', actual: 9, forecast: null, bands: [{ level: 0.8, lower: null, upper: null }], horizon: 0, kind: 'history' as const, model: '' },
        { date: '2020-05-24', actual: 10, forecast: 9.5, bands: [{ level: 0.8, lower: 8, upper: 11 }], horizon: 1, kind: 'history' as const, model: 'combo' },
        {
          date: '2020-05-31',
          actual: null,
          forecast: 12,
          bands: [{ level: 0.8, lower: 11, upper: 13 }],
          horizon: 1,
          kind: 'forecast' as const,
          model: 'combo',
        },
      ],
    ]),
  );
  return {
    kind: 'targets',
    runDate: '2020-05-24',
    horizon: 1,
    freq: 'W-SUN',
    levels: [0.8],
    metric: 'mae',
    deadlineHit: targets.some((t) => t.fellBack),
    elapsedMs: 1000,
    stageTimings: [],
    inputs: [{ uri: 'x.csv', rows: 3 }],
    problems: [],
    targets,
    panels: targetPanels(targets, predictions),
    excluded: [],
  };
};

test("a target's line: MAE and naive MAE over the same fold rows, the change in naive MAEs (hand-computed)", () => {
  // rows: |10-11| = 1 vs |10-8| = 2; |20-18| = 2 vs |20-24| = 4; the NaN row is left out of both
  const history = [
    { cutoff: 1, targetDate: 2, horizon: 1, actual: 10, forecast: 11, lower: [9], upper: [13], model: 'combo', naive: 8 },
    { cutoff: 2, targetDate: 3, horizon: 1, actual: 20, forecast: 18, lower: [9], upper: [13], model: 'combo', naive: 24 },
    { cutoff: 3, targetDate: 4, horizon: 1, actual: NaN, forecast: 18, lower: [9], upper: [13], model: 'combo', naive: 24 },
  ];
  const r = {
    target: 'paro',
    fellBack: false,
    forecasts: [],
    trained: { winner: 'combo', deadlineHit: false, history, scores: [{ model: 'combo', coverage: 0.75 }] },
  } as unknown as TargetResult;
  const predictions = [
    { date: '2020-05-24', actual: 20, forecast: null, bands: [], horizon: 0, kind: 'history' as const, model: '' },
    { date: '2020-05-31', actual: null, forecast: 23, bands: [], horizon: 1, kind: 'forecast' as const, model: 'combo' },
  ];
  // mae (1 + 2) / 2 = 1.5, naive (2 + 4) / 2 = 3, change (23 − 20) / 3 = 1
  assert.deepEqual(targetSummary(r, predictions), {
    target: 'paro',
    winner: 'combo',
    mae: 1.5,
    naiveMae: 3,
    coverage: 0.75,
    deadlineHit: false,
    fellBack: false,
    last: 20,
    forecast: 23,
    change: 1,
  });
});

test('panels: the largest |change| first, ties by name, at most a dozen whatever the number of targets', () => {
  const targets = Array.from({ length: 2000 }, (_, i) => summary(`kw_${i}`, 1, 1, ((i * 7919) % 2000) / 100 - 10));
  const got = input(targets).panels.map((p) => p.target);
  assert.equal(got.length, PANELS);
  const abs = (t: string) => Math.abs(targets.find((x) => x.target === t)!.change!);
  for (let i = 1; i < got.length; i++) assert.ok(abs(got[i - 1]) >= abs(got[i]), got.join());
  assert.deepEqual(
    input([summary('b', 1, 1, 2), summary('a', 1, 1, -2), summary('c', 1, 1, null)]).panels.map((p) => p.target),
    ['a', 'b'],
  );
});

test('against naive: ratios, their geometric mean and the log2 bins (hand-computed)', () => {
  assert.equal(ratioToNaive(summary('a', 2, 4, 0)), 0.5);
  assert.ok(Number.isNaN(ratioToNaive(summary('a', 2, 0, 0))));
  assert.ok(Math.abs(geometricMean([0.5, 2, NaN, 0]) - 1) < 1e-12);
  // log2 0.5 = −1 → bin −1; log2 1 = 0 → bin 0; log2 1.1 = 0.1375 → bin 0.125 (8 bins per doubling)
  assert.deepEqual(ratioBins(input([summary('a', 1, 2, 0), summary('b', 1, 1, 0), summary('c', 1.1, 1, 0), summary('d', 1, 2, 0)])), [
    { bin: -1, targets: 2, better: true },
    { bin: 0, targets: 1, better: false },
    { bin: 0.125, targets: 1, better: false },
  ]);
});

test('the two charts compile without a Vega-Lite warning; without data they are notes', async () => {
  const full = input([summary('paro', 1, 2, 1.5), summary('sepe', 3, 2, -0.5)]);
  for (const build of [moversChart, vsNaiveChart]) {
    const out = build(full);
    assert.equal(out.kind, 'chart');
    if (out.kind === 'chart') await compileSpec(out.spec);
    assert.equal(build(input([summary('x', null, null, null)])).kind, 'empty');
  }
  const { order, rows } = moversData(full);
  assert.deepEqual(order, ['paro (+1.5×)', 'sepe (−0.5×)']);
  assert.deepEqual(
    rows.filter((r) => r.panel === order[0]).map((r) => `${r.series} ${r.date} ${r.value}`),
    ['actual 2020-05-17 9', 'actual 2020-05-24 10', 'forecast 2020-05-24 10', 'forecast 2020-05-31 12'],
  );
});

test('the page stays readable at 2,000 targets: a summary, the worst against naive, the whole table folded, names escaped', async () => {
  const targets = Array.from({ length: 2000 }, (_, i) =>
    summary(i === 7 ? '<b>kw</b>' : `kw_${String(i).padStart(4, '0')}`, 1 + (i % 5) / 10, 1.2, i / 1000, i % 50 === 0),
  );
  const html = renderTargetsHtml(input(targets), []);
  assert.match(html, /beats naive \(MAE on the same rows\)<\/dt><dd>800 of 2000 targets/);
  assert.match(html, /The deadline came first for 40 of 2000 targets/);
  assert.match(html, new RegExp(`<h3>Worst ${WORST_SHOWN} against naive</h3>`));
  assert.match(html, /<details><summary>All 2000 targets, by name<\/summary>/, 'folded');
  assert.ok(html.includes('&lt;b&gt;kw&lt;/b&gt;') && !html.includes('<b>kw</b>'));
  assert.ok(html.length < 1_000_000, `${html.length} characters`);
  const built = await buildTargetsReport(input(targets.slice(0, 30)));
  assert.deepEqual(
    built.pngs.map((p) => p.name),
    ['movers.png', 'vs-naive.png'],
  );
  assert.match(built.html, /<figure id="chart-movers">/);
});
