/**
 * forecast's `is.constant`: R's `all.equal(x, rep(x[1], n))` with its default tolerance 1.5e-8 —
 * the mean absolute difference from the first value, relative to the mean |x| when that exceeds the
 * tolerance, must not exceed 1.5e-8. NaNs are ignored. O(n).
 */
export function isConstant(x: ArrayLike<number>): boolean {
  let first = NaN;
  for (let i = 0; i < x.length && Number.isNaN(first); i++) first = x[i];
  if (Number.isNaN(first)) return true;
  let diff = 0,
    mag = 0,
    n = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    diff += Math.abs(x[i] - first);
    mag += Math.abs(x[i]);
    n++;
  }
  const tol = 1.5e-8;
  const meanAbs = mag / n;
  const xy = diff / n;
  return (meanAbs > tol ? xy / meanAbs : xy) <= tol;
}
