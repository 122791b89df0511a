import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSummaryText } from '../../src/cli/run-summary-text.js';
import type { TargetDetail } from '../../src/pipeline/run-detail.js';
import { parseFolder } from '../../src/io/uri.js';

const target = (t: Partial<TargetDetail> & Pick<TargetDetail, 'target' | 'winner'>): TargetDetail => ({
  fellBack: false,
  ratio: NaN,
  mae: null,
  naiveMae: null,
  forecasts: [],
  ...t,
});
const run = { runDate: '2020-05-24', winner: null, mae: null, fellBack: 0, deadlineHit: false };

// Expectations by hand: figures to 4 significant digits (7.799473… → 7.799, 15.5989… → 15.6,
// 3623.99 → 3624, a tie 3350.5 → 3351 upward), ratios to 2 decimals, the typical ratio the geometric mean (√(0.5 × 2) = 1).
const cases: { name: string; summary: Parameters<typeof runSummaryText>[0]; text: string[] }[] = [
  {
    name: 'one target: winner, MAE against naive, each forecast with its 80 % interval, the out dir',
    summary: {
      ...run,
      winner: 'ets',
      mae: 7.8,
      targets: 1,
      elapsedMs: 3210,
      outputs: ['out/predictions.csv', 'out/manifest.json'],
      detail: {
        outDir: parseFolder('out'),
        level: 0.8,
        targets: [
          target({
            target: 'desempleo',
            winner: 'ets',
            ratio: 0.5,
            mae: 7.799473871429034,
            naiveMae: 15.59894774,
            forecasts: [
              { date: '2020-05-31', forecast: 3512.4567, lower: 3401.04, upper: 3623.99 },
              { date: '2020-06-07', forecast: 3500, lower: 3350.5, upper: 3649.5 },
            ],
          }),
        ],
      },
    },
    text: [
      'Run 2020-05-24: desempleo in 3.2 s',
      '  Winner: ets',
      '  MAE 7.799 against naive 15.6: ratio 0.50',
      '  Forecasts (80 % interval):',
      '    2020-05-31  3512  [3401, 3624]',
      '    2020-06-07  3500  [3351, 3650]',
      '  Outputs: 2 files in out',
    ],
  },
  {
    name: 'one target on its baseline, no fold to compare on, a 95 % interval',
    summary: {
      ...run,
      winner: 'naive',
      targets: 1,
      fellBack: 1,
      deadlineHit: true,
      elapsedMs: 999,
      outputs: ['runs/o/predictions.csv'],
      detail: {
        outDir: parseFolder('runs/o/'),
        level: 0.95,
        targets: [target({ target: 'y', winner: 'naive', fellBack: true, forecasts: [{ date: '2020-01-05', forecast: 2, lower: 1, upper: 3 }] })],
      },
    },
    text: [
      'Run 2020-05-24: y in 1.0 s, deadline hit',
      '  Winner: naive (its baseline: the search ran out of time)',
      '  MAE n/a against naive n/a: ratio n/a',
      '  Forecasts (95 % interval):',
      '    2020-01-05  2  [1, 3]',
      '  Outputs: 1 file in runs/o/',
    ],
  },
  {
    name: 'several targets: winners by count, the typical ratio, where the forecasts are, what was published elsewhere',
    summary: {
      ...run,
      targets: 3,
      fellBack: 1,
      deadlineHit: true,
      elapsedMs: 12_345,
      outputs: ['gs://bkt/w/predictions.csv', 'gs://bkt/w/report.html', 'bq://my-project.d.predictions'],
      detail: {
        outDir: parseFolder('gs://bkt/w'),
        level: 0.8,
        targets: [
          target({
            target: 'a',
            winner: 'ets',
            ratio: 0.5,
            forecasts: [
              { date: '2020-05-31', forecast: 1, lower: 0, upper: 2 },
              { date: '2020-06-07', forecast: 1, lower: 0, upper: 2 },
            ],
          }),
          target({ target: 'b', winner: 'ets', ratio: 2 }),
          target({ target: 'c', winner: 'naive', fellBack: true }),
        ],
      },
    },
    text: [
      'Run 2020-05-24: 3 targets in 12.3 s, deadline hit',
      '  Winners: ets 2, naive 1; 1 fell back to their baseline',
      '  MAE against naive: typical ratio 1.00; 1 of 3 targets beat naive',
      '  Forecasts: 2 periods ahead for 3 targets (80 % intervals) in gs://bkt/w/predictions.csv',
      '  Outputs: 2 files in gs://bkt/w, the report in gs://bkt/w/report.html',
      '  Published: bq://my-project.d.predictions',
    ],
  },
];

for (const c of cases) {
  test(`runSummaryText: ${c.name}`, () => {
    assert.equal(runSummaryText(c.summary), c.text.join('\n') + '\n');
  });
}

test('runSummaryText writes no escape code and no carriage return (nothing on the terminal is overwritten)', () => {
  for (const c of cases) assert.ok(!runSummaryText(c.summary).includes('\r') && !runSummaryText(c.summary).includes('\x1b'), c.name);
});
