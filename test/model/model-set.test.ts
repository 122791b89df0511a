import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelFileOf, parseModels } from '../../src/model/model-set.js';
import type { ModelFile } from '../../src/model/types.js';

const model = (target: string): ModelFile => ({
  format: 'forecast-model',
  version: 2,
  target,
  horizon: 1,
  freq: 'W-SUN',
  levels: [0.8],
  winner: 'naive',
  inputs: [],
  params: { kind: 'naive' },
  intervals: { kind: 'normalised', quantiles: [[1.28]], floor: null },
  trainedThrough: 18406,
});

test('one target writes its model file itself; several write a set; both read back as models', () => {
  assert.deepEqual(modelFileOf([model('a')]), model('a'));
  const set = modelFileOf([model('a'), model('b')]);
  assert.deepEqual(set, { format: 'forecast-model-set', version: 1, models: [model('a'), model('b')] });
  assert.deepEqual(parseModels(JSON.parse(JSON.stringify(model('a'))), 'm.json'), [model('a')]);
  assert.deepEqual(parseModels(JSON.parse(JSON.stringify(set)), 'm.json'), [model('a'), model('b')]);
});

test('a bad set names the file and the model', () => {
  const cases: [unknown, RegExp][] = [
    [{ format: 'forecast-model-set', version: 2, models: [model('a')] }, /m\.json: 'version' 2 is not supported/],
    [{ format: 'forecast-model-set', version: 1, models: [] }, /m\.json: 'models' must be a non-empty array/],
    [
      { format: 'forecast-model-set', version: 1, models: [model('a'), { ...model('b'), horizon: 0 }] },
      /m\.json: models\[1\]: 'horizon' must be a whole number/,
    ],
    [{ format: 'forecast-model-set', version: 1, models: [model('a'), model('a')] }, /'models\[1\]' is a second model for target 'a'/],
    [{ format: 'nope' }, /m\.json: not a forecast model file/],
  ];
  for (const [json, re] of cases) {
    assert.throws(
      () => parseModels(json, 'm.json'),
      (e: Error & { exitCode?: number }) => e.exitCode === 2 && re.test(e.message),
      String(re),
    );
  }
});
