/** Naive (random walk) forecast: ŷ_{t+h} = y_t for h = 1..H. O(H). */
export function naiveForecast(y: ArrayLike<number>, t: number, horizon: number): Float64Array {
  return new Float64Array(horizon).fill(y[t]);
}
