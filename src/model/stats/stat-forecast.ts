/** What every statistical model's forecast gives: the mean and its standard error per horizon. */
export interface StatForecast {
  /** ŷ_{t+h}, h = 1..H. */
  readonly mean: Float64Array;
  /** Standard deviation of y_{t+h} under the model (NaN where the model has none). */
  readonly sd: Float64Array;
}
