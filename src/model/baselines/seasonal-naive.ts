/**
 * Seasonal naive forecast (Hyndman & Athanasopoulos, FPP3 §5.2):
 * ŷ_{t+h} = y_{t+h−s·⌈h/s⌉}, the value one season before the target period. O(H).
 */
export function seasonalNaiveForecast(y: ArrayLike<number>, t: number, horizon: number, period: number): Float64Array {
  const out = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) out[h - 1] = y[t + h - period * Math.ceil(h / period)];
  return out;
}

/** Whether seasonal naive applies: a full season plus the horizon of history up to row t. */
export function seasonalNaiveApplies(t: number, horizon: number, period: number): boolean {
  return t + 1 >= period + horizon;
}
