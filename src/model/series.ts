/**
 * From a Frame to the engine's SeriesData: finds the target (or throws input.column_missing),
 * drops leading and trailing rows where the target is missing, forward-fills interior target
 * gaps and forward/zero-fills the other columns (past values only). O(n·p).
 */
import { inputError } from '../errors.js';
import type { Frame } from '../frame/frame.js';
import { fillForward, type SeriesData } from './regression/features.js';

export function seriesData(frame: Frame, target: string, inputs?: readonly string[]): SeriesData {
  const { first, last } = targetSpan(frame, target);
  const raw = frame.columns[frame.names.indexOf(target)];
  const names = inputs ? [...inputs] : frame.names.filter((n) => n !== target);
  const exog = new Map<string, Float64Array>();
  for (const name of names) {
    const i = frame.names.indexOf(name);
    if (i < 0) throw inputError('column_missing', `column '${name}' not found; columns are: ${frame.names.join(', ')}`);
    // Fill over the whole prefix first so values before the target's start still carry forward.
    exog.set(name, fillForward(frame.columns[i].subarray(0, last + 1)).subarray(first));
  }
  return {
    y: fillForward(raw.subarray(first, last + 1)),
    exog,
    exogNames: names,
    dates: frame.dates.subarray(first, last + 1),
    freq: frame.freq,
  };
}

/** First and last row (inclusive) where the target is observed; throws if it is missing. */
export function targetSpan(frame: Frame, target: string): { first: number; last: number } {
  const ti = frame.names.indexOf(target);
  if (ti < 0) throw inputError('column_missing', `column '${target}' not found; columns are: ${frame.names.join(', ')}`);
  const raw = frame.columns[ti];
  let first = 0;
  while (first < raw.length && Number.isNaN(raw[first])) first++;
  let last = raw.length - 1;
  while (last >= first && Number.isNaN(raw[last])) last--;
  return { first, last };
}
