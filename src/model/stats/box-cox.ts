/**
 * The Box–Cox power transform (Box & Cox 1964, *JRSS B* 26:211–252) and its inverse with the
 * bias adjustment for the mean, as `forecast::BoxCox` and `forecast::InvBoxCox` compute them
 * (R/forecast.R in robjhyndman/forecast, which uses the signed power of Bickel & Doksum 1981).
 */
import { inputError } from '../../errors.js';

/**
 * z = log y when λ = 0, else (sign(y)·|y|^λ − 1)/λ. As in forecast::BoxCox, for λ < 0 a
 * negative y gives NaN (and log gives NaN below zero). O(n).
 * @example boxCox(Float64Array.of(Math.E), 0) // [1]
 */
export function boxCox(y: Float64Array, lambda: number): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (lambda === 0) out[i] = Math.log(v);
    else if (lambda < 0 && v < 0) out[i] = NaN;
    else out[i] = (Math.sign(v) * Math.abs(v) ** lambda - 1) / lambda;
  }
  return out;
}

/** Options of {@link invBoxCox}, as forecast::InvBoxCox's `biasadj` and `fvar`. */
export interface InvBoxCoxOptions {
  /** Return the back-transformed mean instead of the median. Default false. */
  biasadj?: boolean;
  /** Forecast variance on the transformed scale: one value for all points or one per point. Required with biasadj. */
  fvar?: number | Float64Array;
}

/**
 * y = exp z when λ = 0, else sign(λz + 1)·|λz + 1|^{1/λ}; for λ < 0 a z above −1/λ (outside the
 * range of the transform) gives NaN. With `biasadj`, the mean of the back-transformed normal
 * forecast by the second-order Taylor expansion, y·(1 + ½·σ²·(1 − λ)/y^{2λ}) with σ² = `fvar`
 * (forecast::InvBoxCox with biasadj = TRUE; Hyndman & Athanasopoulos, *FPP3* §5.6). O(n).
 * @example invBoxCox(Float64Array.of(1), 0) // [Math.E]
 */
export function invBoxCox(z: Float64Array, lambda: number, opts: InvBoxCoxOptions = {}): Float64Array {
  const n = z.length;
  const fvar = opts.fvar;
  if (opts.biasadj && fvar === undefined) throw inputError('boxcox_fvar', 'invBoxCox: fvar must be provided when biasadj is true');
  if (opts.biasadj && typeof fvar !== 'number' && fvar!.length !== n) {
    throw inputError('boxcox_fvar', `invBoxCox: fvar has ${fvar!.length} values for ${n} points`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = z[i];
    let y: number;
    if (lambda < 0 && v > -1 / lambda) y = NaN;
    else if (lambda === 0) y = Math.exp(v);
    else {
      const xx = v * lambda + 1;
      y = Math.sign(xx) * Math.abs(xx) ** (1 / lambda);
    }
    if (opts.biasadj) {
      const s2 = typeof fvar === 'number' ? fvar : fvar![i];
      y *= 1 + (0.5 * s2 * (1 - lambda)) / y ** (2 * lambda);
    }
    out[i] = y;
  }
  return out;
}

/**
 * A forecast made on the Box–Cox scale, back on the data's scale: the bias-adjusted mean
 * (invBoxCox with the forecast variance) and, by the delta method, sd·|dy/dz| at the median,
 * dy/dz = (λz + 1)^{1/λ − 1} (e^z for λ = 0). Without an sd the median is returned. O(H).
 */
export function backTransform(fc: { readonly mean: Float64Array; readonly sd: Float64Array }, lambda: number): { mean: Float64Array; sd: Float64Array } {
  const hasSd = fc.sd.every(Number.isFinite);
  const median = invBoxCox(fc.mean, lambda);
  const mean = hasSd ? invBoxCox(fc.mean, lambda, { biasadj: true, fvar: fc.sd.map((s) => s * s) }) : median;
  const sd = fc.sd.map((s, h) => {
    const slope = lambda === 0 ? median[h] : Math.abs(lambda * fc.mean[h] + 1) ** (1 / lambda - 1);
    return s * slope;
  });
  return { mean, sd };
}
