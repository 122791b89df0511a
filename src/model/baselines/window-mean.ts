/** Mean of the last `window` values up to t (fewer when the history is shorter): ŷ_{t+h} = mean(y_{t−w+1..t}). O(w). */
export function windowMeanForecast(y: ArrayLike<number>, t: number, horizon: number, window: number): Float64Array {
  const from = Math.max(0, t - window + 1);
  let s = 0;
  for (let i = from; i <= t; i++) s += y[i];
  return new Float64Array(horizon).fill(s / (t - from + 1));
}
