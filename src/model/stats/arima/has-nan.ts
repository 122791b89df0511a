/**
 * Whether an array holds a NaN (a missing value), as a plain loop: `TypedArray.prototype.some` with
 * a callback boxes every element, which matters in the order search's hundreds of fits.
 */

/** True when some a[i] is NaN. O(n), no allocation. */
export function hasNaN(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== a[i]) return true;
  return false;
}
