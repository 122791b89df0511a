import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseModelFile } from '../../src/model/model-file.js';
import { train } from '../../src/model/engine.js';
import { demoFrame } from './support/demo-frame.js';

/** A valid model with every kind of specification inside a combination. */
const linear = {
  kind: 'linear',
  base: 'last',
  features: [{ kind: 'ylevel' }, { kind: 'ydiff', lag: 1 }, { kind: 'fourier', k: 1, fn: 'sin' }, { kind: 'xdiff', column: 'paro', lag: 1 }],
  mean: [1, 0, 0, 2],
  sd: [1, 2, 0.5, 3],
  lo: [0, -1, null, -5],
  hi: [9, 1, null, 5],
  coef: [
    [0.1, 0.2, 0.3, 0.4],
    [0.5, 0.6, 0.7, 0.8],
  ],
  intercept: [0, 0],
};
const valid = {
  format: 'forecast-model',
  version: 2,
  target: 'desempleo',
  horizon: 2,
  freq: 'W-SUN',
  levels: [0.8, 0.95],
  winner: 'combo',
  inputs: ['gdelt_x', 'paro'],
  params: {
    kind: 'combo',
    how: 'median',
    parts: [
      { kind: 'naive' },
      { kind: 'snaive', period: 52 },
      { kind: 'ets', form: 'MAdN', m: 1, alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9, sigma2: 0.01, init: [10, 0.5] },
      { kind: 'stlf', period: 52, ets: { form: 'ANN', m: 1, alpha: 0.3, beta: 0, gamma: 0, phi: 1, sigma2: 2, init: [4] } },
      { kind: 'theta', period: 52 },
      { kind: 'wmean', window: 4 },
      linear,
      {
        kind: 'boxcox',
        lambda: 0,
        inner: {
          kind: 'arima',
          arma: [1, 0, 0, 0, 1, 1, 0],
          coef: [0.5, 0.1, 0.2, 0.3, 0.4],
          hasIntercept: false,
          hasDrift: true,
          nxreg: 3,
          sigma2: 1,
          phi: [0.5],
          theta: [],
          fourier: { period: 52.18, K: 1 },
          lagged: { columns: ['gdelt_x'], lag: 4 },
        },
      },
    ],
  },
  intervals: {
    kind: 'normalised',
    quantiles: [
      [1.4, 14],
      [2.3, null],
    ],
    floor: 0,
  },
  trainedThrough: 18406,
};

/** The valid model with one field replaced (`path` like 'params.parts.6.coef'), or removed when `value` is undefined. */
function edited(path: string, value: unknown): unknown {
  const m = structuredClone(valid) as Record<string, unknown>;
  const keys = path.split('.');
  let o = m as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  if (value === undefined) delete o[keys[keys.length - 1]];
  else o[keys[keys.length - 1]] = value;
  return m;
}

test('a valid model file, and the one train writes, load unchanged', () => {
  assert.deepEqual(parseModelFile(structuredClone(valid), 'm.json'), valid);
  const written = JSON.parse(JSON.stringify(train(demoFrame(), { target: 'desempleo', horizon: 4, levels: [0.8, 0.95], metric: 'mae', folds: 8 }).model));
  assert.deepEqual(parseModelFile(written, 'm.json'), written);
});

test('every field is checked, and the message names the file and the field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['format', 'other', /^m\.json: not a forecast model file/],
    ['version', 1, /^m\.json: 'version' 1 is not supported: this forecast reads version 2/],
    ['target', '', /'target' must be a non-empty string/],
    ['horizon', 100000, /'horizon' must be a whole number from 1 to 520, got 100000/],
    ['horizon', 1.5, /'horizon' must be a whole number/],
    ['freq', 'H', /'freq' must be one of W-SUN, D, MS, got "H"/],
    ['levels', [1.5], /'levels\[0\]' must be an interval level between 0 and 1 \(exclusive\), got 1\.5/],
    ['levels', [], /'levels' must hold at least one interval level/],
    ['winner', 'prophet', /'winner' must be a model name \(naive, snaive/],
    ['inputs', ['paro'], /'inputs' must list every column the parameters read; 'gdelt_x' is missing/],
    ['params', null, /'params' must be an object, got null/],
    ['params.kind', 'prophet', /'params\.kind' must be one of naive, snaive, ets, theta, stlf, arima, scaled, boxcox, wmean, linear, combo, got "prophet"/],
    ['params.how', 'max', /'params\.how' must be one of mean, median/],
    ['params.parts', [], /'params\.parts' must hold at least one specification/],
    ['params.parts.1.period', 0, /'params\.parts\[1\]\.period' must be a whole number from 1 to 1000, got 0/],
    ['params.parts.2.phi', 1.5, /'params\.parts\[2\]\.phi' must be a number from 0 to 1, got 1\.5/],
    ['params.parts.2.form', 'ANdN', /'params\.parts\[2\]\.form' must be an ETS form such as ANN, AAdN or MAM, got "ANdN"/],
    ['params.parts.2.init', [10], /'params\.parts\[2\]\.init' must hold 2 values, got 1/],
    ['params.parts.3.ets.alpha', -1, /'params\.parts\[3\]\.ets\.alpha' must be a number from 0 to 1, got -1/],
    ['params.parts.4.period', 'yearly', /'params\.parts\[4\]\.period' must be a whole number from 0 to 1000, got "yearly"/],
    ['params.parts.7.inner.coef', [0.5], /'params\.parts\[7\]\.inner\.coef' must hold 5 values, got 1/],
    ['params.parts.7.inner.nxreg', 2, /'params\.parts\[7\]\.inner\.coef' must hold 4 values, got 5/],
    ['params.parts.7.inner.fourier.K', 30, /'params\.parts\[7\]\.inner\.fourier\.K' must be a whole number from 1 to 26, got 30/],
    ['params.parts.7.inner.lagged.lag', 1, /'params\.parts\[7\]\.inner\.lagged\.lag' must be a whole number from 2 to 1000, got 1/],
    ['params.parts.7.lambda', 5, /'params\.parts\[7\]\.lambda' must be a number from -1 to 2, got 5/],
    ['params.parts.5.window', undefined, /'params\.parts\[5\]\.window' must be a whole number from 1 to 1000, got nothing/],
    ['params.parts.6.coef', [[0.1, 0.2, 0.3, 0.4]], /'params\.parts\[6\]\.coef' must hold 2 values, got 1/],
    ['params.parts.6.coef.1', [0.5, 0.6, 0.7], /'params\.parts\[6\]\.coef\[1\]' must hold 4 values, got 3/],
    ['params.parts.6.mean', [1, 0, 0], /'params\.parts\[6\]\.mean' must hold 4 values, got 3/],
    ['params.parts.6.sd.2', 0, /'params\.parts\[6\]\.sd\[2\]' must be a number above 0, got 0/],
    ['params.parts.6.intercept', [0], /'params\.parts\[6\]\.intercept' must hold 2 values/],
    ['params.parts.6.features.2.fn', 'tan', /'params\.parts\[6\]\.features\[2\]\.fn' must be one of sin, cos/],
    ['params.parts.6.features.3.kind', 'xlag', /'params\.parts\[6\]\.features\[3\]\.kind' must be one of ylevel, ydiff/],
    ['intervals', null, /'intervals' must be an object/],
    ['intervals.quantiles', [[1, 2]], /'intervals\.quantiles' must hold 2 values, got 1/],
    ['intervals.quantiles.0', [1], /'intervals\.quantiles\[0\]' must hold 2 values, got 1/],
    ['intervals.floor', 'zero', /'intervals\.floor' must be a number/],
    ['trainedThrough', 1e12, /'trainedThrough' must be a whole number from -719162 to 2932896/],
  ];
  for (const [path, value, re] of cases) {
    assert.throws(
      () => parseModelFile(edited(path, value), 'm.json'),
      (e: Error & { code?: string }) => {
        assert.equal(e.code, 'input.bad_model', path);
        assert.match(e.message, re, path);
        assert.match(e.message, /^m\.json: /);
        return true;
      },
    );
  }
  for (const json of [null, [], 'model', 42]) assert.throws(() => parseModelFile(json, 'm.json'), /^ForecastError: m\.json: 'model' must be an object/);
});
