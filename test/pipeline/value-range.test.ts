import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTrainedModel, checkValueRange } from '../../src/pipeline/value-range.js';
import type { Frame } from '../../src/frame/frame.js';
import type { ModelFile } from '../../src/model/types.js';

const frame = (cols: Record<string, number[]>): Frame => ({
  freq: 'W-SUN',
  dates: new Int32Array(Object.values(cols)[0].length),
  names: Object.keys(cols),
  columns: Object.values(cols).map((c) => Float64Array.from(c)),
});

test('checkValueRange: a column whose span overflows is exit 2 naming it; huge values of one sign are fine', () => {
  const cases: [Record<string, number[]>, string[] | undefined, RegExp | undefined][] = [
    [{ y: [1e308, 1.7e308, NaN], x: [-1.7e308, -1e308, 0] }, undefined, undefined],
    [{ y: [1, 2], x: [-1e308, 1e308] }, undefined, /^t\.csv: column 'x' spans -1e\+308 … 1e\+308, wider than a double can hold/],
    [{ y: [1, 2], x: [-1e308, 1e308] }, ['y'], undefined], // x is not read by the model
    [{ y: [-Number.MAX_VALUE, 0] }, undefined, undefined],
  ];
  for (const [cols, only, re] of cases) {
    if (re === undefined) assert.doesNotThrow(() => checkValueRange(frame(cols), 't.csv', only));
    else
      assert.throws(
        () => checkValueRange(frame(cols), 't.csv', only),
        (e: Error & { exitCode?: number }) => e.exitCode === 2 && re.test(e.message),
      );
  }
});

test('checkTrainedModel: a model with a parameter that overflowed is exit 2 before it is written', () => {
  const model = {
    format: 'forecast-model',
    version: 2,
    target: 'y',
    horizon: 1,
    freq: 'W-SUN',
    levels: [0.8],
    winner: 'ridge',
    inputs: [],
    params: { kind: 'linear', base: 'last', features: [{ kind: 'ylevel' }], mean: [0], sd: [1], coef: [[Infinity]], intercept: [0] },
    intervals: { kind: 'normalised', quantiles: [[1]], floor: null },
    trainedThrough: 18000,
  } as unknown as ModelFile;
  assert.throws(
    () => checkTrainedModel(model, 't.csv'),
    /^ForecastError: t\.csv: the model trained on it does not load back \(the trained model: 'params\.coef\[0\]\[0\]' must be a number, got null\)/,
  );
  assert.doesNotThrow(() => checkTrainedModel({ ...model, params: { kind: 'naive' } } as ModelFile, 't.csv'));
});
