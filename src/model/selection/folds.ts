/**
 * Rolling-origin (expanding window) cross-validation for direct h-step models. A fold is a
 * cutoff t (index of the last observed row): the model may use rows ≤ t only, including for
 * its training targets, so a training origin i (features at i, target at i+h) needs i+H ≤ t —
 * the gap of one horizon between the last training origin and the cutoff. The fold validates
 * on rows t+1 … t+H. Never shuffled.
 */

/** Smallest training window (rows ≤ cutoff) a fold may have: 2H + 10. */
export function minTrainRows(horizon: number): number {
  return 2 * horizon + 10;
}

/**
 * Fold cutoffs (ascending) for `n` rows: the last is n−1−H so its window is fully observed;
 * earlier ones step back by `step` (default 1: the most recent origins are the most relevant), at most `folds` of them, none with
 * fewer than minTrainRows(H) rows. O(folds).
 */
export function foldCutoffs(n: number, horizon: number, folds: number, step = 1, minRows = minTrainRows(horizon)): number[] {
  const out: number[] = [];
  const first = Math.max(minTrainRows(horizon), minRows) - 1;
  for (let t = n - 1 - horizon; t >= first && out.length < folds; t -= step) out.push(t);
  return out.reverse();
}

/** Training origins [from, to] (inclusive) for a cutoff: every i with i + H ≤ t, from `start`. */
export function trainingOrigins(cutoff: number, horizon: number, start: number): { from: number; to: number } {
  return { from: start, to: cutoff - horizon };
}

/** Most folds used for selection (cost grows linearly with them). */
export const MAX_SELECTION_FOLDS = 30;

/**
 * The selection folds: at least `folds`, and otherwise every available rolling origin up to
 * MAX_SELECTION_FOLDS (more folds make the choice between candidates far less noisy). When
 * more origins exist than that, they are spread back in time by a step of up to H (windows
 * then do not overlap), so the folds cover several regimes. Each fold trains on at least a
 * season plus the horizon (round(period) + H rows, what seasonal naive needs) when that still
 * leaves twice MAX_SELECTION_FOLDS origins (so the folds can still step by two or more):
 * otherwise the earliest folds, reaching back into the first season, could not score the
 * seasonal candidates, which then can neither win nor be combined (candidate.ts complete),
 * however long the series. O(folds).
 */
export function selectionCutoffs(n: number, horizon: number, folds: number, period = 1): number[] {
  const season = Math.round(period) + horizon;
  const seasoned = n - horizon - season + 1 >= 2 * MAX_SELECTION_FOLDS;
  const minRows = seasoned ? Math.max(minTrainRows(horizon), season) : minTrainRows(horizon);
  const available = Math.max(0, n - horizon - minRows + 1);
  const count = Math.max(folds, Math.min(available, MAX_SELECTION_FOLDS));
  const step = Math.min(horizon, Math.max(1, Math.ceil(available / count)));
  return foldCutoffs(n, horizon, count, step, minRows);
}
