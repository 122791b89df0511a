import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromCivil } from '../../src/frame/dates.js';
import type { TrainResult } from '../../src/model/types.js';
import { runDetail } from '../../src/pipeline/run-detail.js';
import type { TargetResult } from '../../src/pipeline/train-targets.js';
import { parseFolder } from '../../src/io/uri.js';

// Only the fields runDetail reads; the rest of a TrainResult does not enter the detail.
const result = (target: string, history: { actual: number; forecast: number; naive: number }[], fellBack = false): TargetResult => ({
  target,
  fellBack,
  trained: {
    winner: 'ets',
    history: history.map((h) => ({ ...h, cutoff: 0, targetDate: 0, horizon: 1, lower: [], upper: [] })),
    scores: [],
    deadlineHit: false,
  } as unknown as TrainResult,
  forecasts: [{ date: daysFromCivil(2020, 5, 31), horizon: 1, forecast: 3, lower: [1, 2], upper: [5, 4] }],
});

test('runDetail: MAE and naive MAE over the same fold rows, their ratio, forecasts with the 80 % interval', () => {
  // |10-12| and |20-18| → MAE 2; |10-5| and |20-30| → naive MAE 7.5; ratio 2 / 7.5.
  const d = runDetail(
    [
      result('y', [
        { actual: 10, forecast: 12, naive: 5 },
        { actual: 20, forecast: 18, naive: 30 },
      ]),
    ],
    [0.95, 0.8],
    parseFolder('out'),
  );
  assert.deepEqual(d, {
    outDir: { kind: 'file', text: 'out', path: 'out' },
    level: 0.8,
    targets: [
      {
        target: 'y',
        winner: 'ets',
        fellBack: false,
        ratio: 2 / 7.5,
        mae: 2,
        naiveMae: 7.5,
        forecasts: [{ date: '2020-05-31', forecast: 3, lower: 2, upper: 4 }],
      },
    ],
  });
});

test('runDetail: without an 80 % level, the first one; without fold rows, no ratio', () => {
  const d = runDetail([result('y', [], true)], [0.95], parseFolder('out'));
  assert.equal(d.level, 0.95);
  assert.deepEqual(d.targets[0].forecasts, [{ date: '2020-05-31', forecast: 3, lower: 1, upper: 5 }]);
  assert.equal(d.targets[0].mae, null);
  assert.ok(Number.isNaN(d.targets[0].ratio) && d.targets[0].fellBack);
});
