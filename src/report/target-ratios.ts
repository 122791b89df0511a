import type { ReportTargetSummary } from './types.js';

/** MAE / naive MAE over the same fold forecasts; NaN when either is missing or naive's is 0. */
export function ratioToNaive(s: ReportTargetSummary): number {
  return s.mae !== null && s.naiveMae !== null && s.naiveMae > 0 ? s.mae / s.naiveMae : NaN;
}

/**
 * exp(mean(ln r)) over the finite positive ratios: the typical ratio, not swayed by one target
 * far off (the accuracy pages use the same summary). O(n).
 * @example geometricMean([0.5, 2]) === 1
 */
export function geometricMean(xs: readonly number[]): number {
  const ok = xs.filter((x) => Number.isFinite(x) && x > 0);
  return ok.length ? Math.exp(ok.reduce((s, x) => s + Math.log(x), 0) / ok.length) : NaN;
}
