import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intervalCells, recordCells, tableCsv } from '../../src/pipeline/table-csv.js';
import { TABLES } from '../../src/pipeline/tables.js';

test("a record is written in the definition's column order, whatever its key order", () => {
  const csv = tableCsv(TABLES.removedFeatures, [
    { reason: 'constant', target: 'paro', feature: 'x' },
    { feature: 'y', reason: undefined, target: 'paro' },
  ]);
  assert.equal(csv, 'target,feature,reason\nparo,x,constant\nparo,y,\n');
});

test('a record with a missing or an extra key is an error naming the table, row and column, never a shifted column', () => {
  const columns = ['target', 'feature', 'reason'];
  const cases: [string, Record<string, string>, string][] = [
    ['missing', { target: 'paro', feature: 'x' }, "where: the row has no value for column 'reason'"],
    ['extra', { target: 'paro', feature: 'x', reason: 'constant', rank: '1' }, "where: 'rank' is not a column of the table"],
    ['renamed', { target: 'paro', feature: 'x', reasons: 'constant' }, "where: the row has no value for column 'reason'"],
  ];
  for (const [what, record, message] of cases) assert.throws(() => recordCells(columns, record, () => 'where'), { message }, what);
  const rows = [
    { target: 'a', feature: 'x', reason: 'r' },
    { target: 'b', feature: 'y' },
  ];
  assert.throws(() => tableCsv(TABLES.removedFeatures, rows as never), { message: "removed_features.csv row 2: the row has no value for column 'reason'" });
});

test("intervalCells: the first level's bounds as lower/upper, the others' named as the header names them", () => {
  const bands = [
    { level: 0.8, lower: 1, upper: 2 },
    { level: 0.975, lower: 0, upper: null },
  ];
  assert.deepEqual(intervalCells(bands), { lower: 1, upper: 2, lower_97_5: 0, upper_97_5: null });
  assert.deepEqual(intervalCells(bands.slice(0, 1)), { lower: 1, upper: 2 });
  assert.deepEqual(intervalCells([]), { lower: undefined, upper: undefined });
  const row = { target: 't', date: '2020-05-31', forecast: 1.5, horizon: 1, kind: 'forecast', model: 'naive', ...intervalCells(bands) };
  assert.equal(
    tableCsv(TABLES.forecasts, [row], [0.8, 0.975]),
    'target,date,forecast,lower,upper,horizon,kind,model,lower_97_5,upper_97_5\nt,2020-05-31,1.5,1,2,1,forecast,naive,0,\n',
  );
  assert.throws(() => tableCsv(TABLES.forecasts, [row], [0.8, 0.95]), /row 1: the row has no value for column 'lower_95'/);
  assert.throws(() => tableCsv(TABLES.forecasts, [row], [0.8]), /row 1: 'lower_97_5' is not a column of the table/);
});
