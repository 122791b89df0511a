import type { Candidate } from '../../../src/model/selection/candidate.js';

/** A candidate forecasting `v[f]` at every horizon of fold f, with per-fold loss `loss[f]`. */
export function cand(name: string, v: number[], loss: number[]): Candidate & { loss: Float64Array } {
  return { name, forecasts: v.map((x) => Float64Array.of(x, x)), fit: () => ({ kind: 'naive' }), loss: Float64Array.from(loss) };
}
export const lossOf = (c: Candidate) => (c as Candidate & { loss: Float64Array }).loss;
