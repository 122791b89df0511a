import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureRankingCsv, removedFeaturesCsv } from '../../src/pipeline/outputs.js';
import type { TrainResult } from '../../src/model/types.js';

test('feature and target names from keywords are written neutralised against formula injection; coefficients stay numbers', () => {
  const trained = {
    featureRanking: [
      { feature: "=cmd|' /C calc'!A0", rank: 1, coefficient: -0.5, selected: true },
      { feature: '+SUM(1+1).diff1', rank: 2, coefficient: 0.25, selected: false },
      { feature: 'paro', rank: 3, coefficient: NaN, selected: false },
    ],
    removedFeatures: [{ feature: '@SUM(A1)', reason: 'constant' }],
    model: { target: '=HYPERLINK("x")' },
  } as unknown as TrainResult;
  assert.equal(
    featureRankingCsv([trained]),
    [
      'target,feature,rank,coefficient,selected',
      `"'=HYPERLINK(""x"")","'=cmd|' /C calc'!A0",1,-0.5,true`,
      `"'=HYPERLINK(""x"")","'+SUM(1+1).diff1",2,0.25,false`,
      `"'=HYPERLINK(""x"")",paro,3,,false`,
      '',
    ].join('\n'),
  );
  assert.equal(removedFeaturesCsv([trained]), `target,feature,reason\n"'=HYPERLINK(""x"")","'@SUM(A1)",constant\n`);
});
