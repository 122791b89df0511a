import { inputError, isForecastError } from '../errors.js';
import type { Frame } from '../frame/frame.js';
import { parseModelFile } from '../model/model-file.js';
import type { ModelFile } from '../model/types.js';

/**
 * Throw `input.values_too_large` when a column's values span more than a double can hold
 * (max − min overflows, as with −1e308 and 1e308): its changes, the models' first features,
 * would be infinite. Values merely near ±1e308 are fine: the regressions scale them
 * (regression/standardize.ts). `columns` are the ones the model reads (all when undefined).
 * O(rows × columns).
 */
export function checkValueRange(frame: Frame, name: string, columns?: readonly string[]): void {
  const read = columns === undefined ? undefined : new Set(columns);
  for (const [j, col] of frame.columns.entries()) {
    if (read !== undefined && !read.has(frame.names[j])) continue;
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi - lo === Infinity) {
      throw inputError(
        'values_too_large',
        `${name}: column '${frame.names[j]}' spans ${lo} … ${hi}, wider than a double can hold (its changes overflow); rescale it, e.g. divide it by 1e300`,
      );
    }
  }
}

/**
 * Throw `input.model_not_finite` when a trained model would not load back (model-file.ts): a
 * parameter that overflowed to ±Infinity or NaN is written to JSON as null. Checked before
 * the model is written, so `predict` never meets it.
 */
export function checkTrainedModel(model: ModelFile, name: string): void {
  try {
    parseModelFile(JSON.parse(JSON.stringify(model)), 'the trained model');
  } catch (e) {
    if (!isForecastError(e)) throw e;
    throw inputError(
      'model_not_finite',
      `${name}: the model trained on it does not load back (${e.message}); are some values too large for double precision?`,
      e,
    );
  }
}
