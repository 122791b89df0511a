/**
 * The regression design of one fold: standardised feature columns over the training origins
 * [from, to], the H responses y_{i+h} − y_i, and the standardised feature row at the cutoff
 * (the forecast origin). Scaling uses the training origins only. O(n·p).
 */
import { dot, gram } from './gram.js';
import { clip, predictionBounds, type Bounds } from '../prediction-bounds.js';
import { applyScaling, fitScaling, overflowScale, type Scaling } from './standardize.js';

export interface Design {
  /** Indices into the full feature list. */
  readonly idx: readonly number[];
  readonly scaling: readonly Scaling[];
  /** Standardised training columns (n rows each). */
  readonly cols: readonly Float64Array[];
  /** Responses per horizon h = 1..H: (y_{i+h} − y_i)·yScale. */
  readonly ys: readonly Float64Array[];
  /**
   * 1, or a power of two below 1 when the target is so large (past 2^500) that its changes,
   * their squares or Xᵀy would overflow: the estimators, linear in the responses, then fit
   * (y_{i+h} − y_i)·yScale, and their coefficients are divided by yScale (exact).
   */
  readonly yScale: number;
  /** Raw feature bounds at prediction: origin values outside are clipped (see predictionBounds). */
  readonly bounds: readonly Bounds[];
  /** Standardised features at the origin row, clipped to `bounds`. */
  readonly x0: Float64Array;
  /** The target at the origin row. */
  readonly y0: number;
}

/** `widen[k]`: how far column idx[k] may leave its training range at prediction (predictionBounds). */
export function buildDesign(
  features: readonly Float64Array[],
  idx: readonly number[],
  widen: readonly number[],
  y: Float64Array,
  from: number,
  to: number,
  horizon: number,
  origin: number,
): Design {
  const scaling = idx.map((j) => fitScaling(features[j], from, to));
  const cols = idx.map((j, k) => applyScaling(features[j], from, to, scaling[k]));
  const ys: Float64Array[] = [];
  const yScale = overflowScale(y, from, to + horizon);
  for (let h = 1; h <= horizon; h++) {
    const r = new Float64Array(to - from + 1);
    for (let i = from; i <= to; i++) r[i - from] = yScale === 1 ? y[i + h] - y[i] : y[i + h] * yScale - y[i] * yScale;
    ys.push(r);
  }
  const bounds = idx.map((j, k) => predictionBounds(features[j], from, to, widen[k]));
  const x0 = Float64Array.from(idx, (j, k) => (clip(features[j][origin], bounds[k]) - scaling[k].mean) / scaling[k].sd);
  return { idx, scaling, cols, ys, yScale, bounds, x0, y0: y[origin] };
}

/** Restricts a design to a subset of its columns (positions into design.idx). O(|keep|). */
export function subDesign(d: Design, keep: readonly number[]): Design {
  return {
    idx: keep.map((k) => d.idx[k]),
    scaling: keep.map((k) => d.scaling[k]),
    cols: keep.map((k) => d.cols[k]),
    ys: d.ys,
    yScale: d.yScale,
    bounds: keep.map((k) => d.bounds[k]),
    x0: Float64Array.from(keep, (k) => d.x0[k]),
    y0: d.y0,
  };
}

/** Forecasts y0 + x0·β_h / yScale for each horizon. O(H·p). */
export function designForecast(d: Design, betas: readonly ArrayLike<number>[]): Float64Array {
  return Float64Array.from(betas, (b) => {
    if (d.yScale !== 1) return d.y0 + dot(d.x0, b) / d.yScale;
    let s = d.y0;
    for (let j = 0; j < d.x0.length; j++) s += d.x0[j] * b[j];
    return s;
  });
}

const grams = new WeakMap<Design, Float64Array[]>();
/** XᵀX of a design's columns, computed once per design (ridge, the elastic net and RFE share it). */
export function designGram(d: Design): Float64Array[] {
  let g = grams.get(d);
  if (!g) {
    g = gram(d.cols);
    grams.set(d, g);
  }
  return g;
}
