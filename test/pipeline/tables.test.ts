import { test } from 'node:test';
import assert from 'node:assert/strict';
import { header, knownSchema, levelPct } from '../../src/pipeline/tables.js';

test('levelPct: a level as a column-name suffix BigQuery accepts (letters, digits, underscores)', () => {
  const cases: [number, string][] = [[0.8, '80'], [0.95, '95'], [0.975, '97_5'], [0.999, '99_9'], [0.5, '50'], [0.9995, '99_95']];
  for (const [level, want] of cases) assert.equal(levelPct(level), want, String(level));
});

test('headers with a 97.5 % level, and knownSchema reading them back', () => {
  const h = header('backtest', [0.8, 0.975]);
  assert.deepEqual(h.slice(-2), ['lower_97_5', 'upper_97_5']);
  const s = knownSchema(h);
  assert.deepEqual(s?.slice(-2).map((f) => [f.name, f.description]), [
    ['lower_97_5', 'lower bound of the 97.5 % interval'], ['upper_97_5', 'upper bound of the 97.5 % interval'],
  ]);
});
