/**
 * The model file of a run with several targets: one JSON object holding each target's model
 * file, sorted by target. A run with one target writes that target's model file itself, as
 * before, so `predict` reads both forms.
 */
import { inputError } from '../errors.js';
import { parseModelFile } from './model-file.js';
import type { ModelFile } from './types.js';

export const MODEL_SET_VERSION = 1;

export interface ModelSet {
  readonly format: 'forecast-model-set';
  readonly version: number;
  readonly models: readonly ModelFile[];
}

/** What `train` and `run-all` write: the model itself for one target, a set for several. */
export function modelFileOf(models: readonly ModelFile[]): ModelFile | ModelSet {
  return models.length === 1 ? models[0] : { format: 'forecast-model-set', version: MODEL_SET_VERSION, models };
}

/**
 * The models a parsed model file holds: one for a model file, each of a set's (validated as
 * model files, naming `models[i]`). Two models for one target are an error. O(file size).
 */
export function parseModels(json: unknown, source: string): ModelFile[] {
  const o = json as { format?: unknown; version?: unknown; models?: unknown } | null;
  if (o === null || typeof o !== 'object' || o.format !== 'forecast-model-set') return [parseModelFile(json, source)];
  if (o.version !== MODEL_SET_VERSION)
    throw inputError(
      'bad_model',
      `${source}: 'version' ${JSON.stringify(o.version)} is not supported: this forecast reads model sets of version ${MODEL_SET_VERSION}`,
    );
  if (!Array.isArray(o.models) || o.models.length === 0) throw inputError('bad_model', `${source}: 'models' must be a non-empty array of model files`);
  const seen = new Set<string>();
  return o.models.map((m, i) => {
    const model = parseModelFile(m, `${source}: models[${i}]`);
    if (seen.has(model.target)) throw inputError('bad_model', `${source}: 'models[${i}]' is a second model for target '${model.target}'`);
    seen.add(model.target);
    return model;
  });
}
