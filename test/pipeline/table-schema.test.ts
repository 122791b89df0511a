import { test } from 'node:test';
import assert from 'node:assert/strict';
import { header, knownLayout, knownSchema, levelPct } from '../../src/pipeline/table-schema.js';
import { TABLES } from '../../src/pipeline/tables.js';

test('levelPct: a level as a column-name suffix BigQuery accepts (letters, digits, underscores)', () => {
  const cases: [number, string][] = [
    [0.8, '80'],
    [0.95, '95'],
    [0.975, '97_5'],
    [0.999, '99_9'],
    [0.5, '50'],
    [0.9995, '99_95'],
  ];
  for (const [level, want] of cases) assert.equal(levelPct(level), want, String(level));
});

test('headers with a 97.5 % level, and knownSchema reading them back', () => {
  const h = header(TABLES.backtest, [0.8, 0.975]);
  assert.deepEqual(h.slice(-2), ['lower_97_5', 'upper_97_5']);
  const s = knownSchema(h);
  assert.deepEqual(
    s?.slice(-2).map((f) => [f.name, f.description]),
    [
      ['lower_97_5', 'lower bound of the 97.5 % interval'],
      ['upper_97_5', 'upper bound of the 97.5 % interval'],
    ],
  );
});

test('header: levels add columns only to the tables with intervals, in level order', () => {
  const cases: [string, string[], string][] = [
    [
      'predictions',
      header(TABLES.predictions, [0.8, 0.95, 0.99]),
      'target,date,actual,forecast,lower,upper,horizon,kind,model,run_date,lower_95,upper_95,lower_99,upper_99',
    ],
    ['forecasts', header(TABLES.forecasts, [0.8, 0.95]), 'target,date,forecast,lower,upper,horizon,kind,model,lower_95,upper_95'],
    ['removed features', header(TABLES.removedFeatures, [0.8, 0.95]), 'target,feature,reason'],
    ['scores', header(TABLES.scores).slice(0, 7), 'target,run_date,model,mae,mae_std,rmse,rmse_std'],
  ];
  for (const [what, got, want] of cases) assert.equal(got.join(), want, what);
});

test('knownSchema and knownLayout recognise only the tables run-all publishes', () => {
  const cases: [string, string[], string | undefined][] = [
    ['weekly_score', header(TABLES.weeklyScore), 'run_date|target'],
    ['feature_ranking', header(TABLES.featureRanking), '-|target'],
    ['scores (not published)', header(TABLES.scores), undefined],
    ["predict's table (not published)", header(TABLES.forecasts), undefined],
    ["a table of one's own", ['run_date', 'mae'], undefined],
    ['a level column missing its upper bound', [...header(TABLES.backtest), 'lower_95'], undefined],
  ];
  for (const [what, cells, layout] of cases) {
    const l = knownLayout(cells);
    assert.equal(l && `${l.partitionBy ?? '-'}|${l.clusterBy?.join()}`, layout, what);
    assert.equal(knownSchema(cells)?.length, layout && cells.length, what);
  }
});
