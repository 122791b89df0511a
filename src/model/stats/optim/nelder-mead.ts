/**
 * Nelder–Mead simplex minimiser, a line-by-line port of R's `nmmin`
 * (R `src/appl/optim.c`, Ripley's recasting of the Pascal code in J. C. Nash, *Compact Numerical
 * Methods for Computers*, 2nd ed., 1990, Algorithm 19), so that a caller reproducing an R fit
 * follows the same simplex path: same initial simplex, same order of vertex updates, same stopping
 * rule `f_high ≤ f_low + reltol·(|f₀| + reltol)` or `f_low ≤ abstol`, same shrink test.
 */

/** Options of {@link nelderMead}; the defaults are those of R's `optim(method = "Nelder-Mead")`. */
export interface NelderMeadOptions {
  /** Stop when the best value is ≤ abstol. Default −∞. */
  readonly abstol?: number;
  /** Relative tolerance on the spread of the simplex values. Default √ε ≈ 1.49e−8. */
  readonly reltol?: number;
  /** Reflection factor. Default 1. */
  readonly alpha?: number;
  /** Contraction (and shrink) factor. Default 0.5. */
  readonly beta?: number;
  /** Expansion factor. Default 2. */
  readonly gamma?: number;
  /** Maximum number of function evaluations (R counts evaluations, not iterations). Default 500. */
  readonly maxit?: number;
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** Best vertex found. */
  readonly x: Float64Array;
  /** Objective at `x` (non-finite values were replaced by 1e35 during the search). */
  readonly value: number;
  /** Number of function evaluations. */
  readonly fnCount: number;
  /**
   * 0 converged, 1 evaluation limit reached, 10 simplex degenerate (shrink did not reduce it),
   * 20 the objective is not finite at the starting point (R raises an error there).
   */
  readonly fail: 0 | 1 | 10 | 20;
}

const BIG = 1.0e35;

/**
 * Minimises `fn` from `x0` by the Nelder–Mead simplex method (Nelder & Mead 1965, as in R's
 * `nmmin`). The initial simplex moves each coordinate by `max(0.1·max|x0ᵢ|, 0.1)`; non-finite
 * values count as 1e35. `fn` receives a scratch vector that it must not keep.
 * Complexity: O(maxit · (cost(fn) + n)) time plus O(n²) per shrink; O(n²) memory.
 * @example nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function nelderMead(fn: (x: Float64Array) => number, x0: ArrayLike<number>, opts: NelderMeadOptions = {}): NelderMeadResult {
  const abstol = opts.abstol ?? -Infinity;
  const intol = opts.reltol ?? Math.sqrt(Number.EPSILON);
  const alpha = opts.alpha ?? 1;
  const bet = opts.beta ?? 0.5;
  const gamm = opts.gamma ?? 2;
  const maxit = opts.maxit ?? 500;
  const n = x0.length;
  const bvec = Float64Array.from(x0);
  if (maxit <= 0) return { x: Float64Array.from(x0), value: fn(bvec), fnCount: 0, fail: 0 };
  let f = fn(bvec);
  if (!Number.isFinite(f)) return { x: Float64Array.from(x0), value: f, fnCount: 1, fail: 20 };

  // P is (n + 1) × (n + 2), row-major: rows 0..n−1 hold the vertices' coordinates, row n their
  // values; columns 0..n are the vertices and column n + 1 (C − 1) the centroid.
  const n1 = n + 1;
  const w = n + 2;
  const P = new Float64Array(n1 * w);
  const C = n + 2;
  let funcount = 1;
  const convtol = intol * (Math.abs(f) + intol);
  P[n * w] = f;
  for (let i = 0; i < n; i++) P[i * w] = bvec[i];
  let L = 1;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(bvec[i]) > step) step = 0.1 * Math.abs(bvec[i]);
  if (step === 0) step = 0.1;
  for (let j = 2; j <= n1; j++) {
    for (let i = 0; i < n; i++) P[i * w + j - 1] = bvec[i];
    let trystep = step;
    while (P[(j - 2) * w + j - 1] === bvec[j - 2]) {
      P[(j - 2) * w + j - 1] = bvec[j - 2] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail: 0 | 1 | 10 | 20 = 0;
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j + 1 !== L) {
          for (let i = 0; i < n; i++) bvec[i] = P[i * w + j];
          f = fn(bvec);
          if (!Number.isFinite(f)) f = BIG;
          funcount++;
          P[n * w + j] = f;
        }
      }
      calcvert = false;
    }
    let VL = P[n * w + L - 1];
    let VH = VL;
    let H = L;
    for (let j = 1; j <= n1; j++) {
      if (j !== L) {
        f = P[n * w + j - 1];
        if (f < VL) {
          L = j;
          VL = f;
        }
        if (f > VH) {
          H = j;
          VH = f;
        }
      }
    }
    if (VH <= VL + convtol || VL <= abstol) break;

    for (let i = 0; i < n; i++) {
      let temp = -P[i * w + H - 1];
      for (let j = 0; j < n1; j++) temp += P[i * w + j];
      P[i * w + C - 1] = temp / n;
    }
    for (let i = 0; i < n; i++) bvec[i] = (1.0 + alpha) * P[i * w + C - 1] - alpha * P[i * w + H - 1];
    f = fn(bvec);
    if (!Number.isFinite(f)) f = BIG;
    funcount++;
    const VR = f;
    if (VR < VL) {
      P[n * w + C - 1] = f;
      for (let i = 0; i < n; i++) {
        f = gamm * bvec[i] + (1 - gamm) * P[i * w + C - 1];
        P[i * w + C - 1] = bvec[i];
        bvec[i] = f;
      }
      f = fn(bvec);
      if (!Number.isFinite(f)) f = BIG;
      funcount++;
      if (f < VR) {
        for (let i = 0; i < n; i++) P[i * w + H - 1] = bvec[i];
        P[n * w + H - 1] = f;
      } else {
        for (let i = 0; i < n; i++) P[i * w + H - 1] = P[i * w + C - 1];
        P[n * w + H - 1] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[i * w + H - 1] = bvec[i];
        P[n * w + H - 1] = VR;
      }
      for (let i = 0; i < n; i++) bvec[i] = (1 - bet) * P[i * w + H - 1] + bet * P[i * w + C - 1];
      f = fn(bvec);
      if (!Number.isFinite(f)) f = BIG;
      funcount++;
      if (f < P[n * w + H - 1]) {
        for (let i = 0; i < n; i++) P[i * w + H - 1] = bvec[i];
        P[n * w + H - 1] = f;
      } else if (VR >= VH) {
        // Shrink towards the best vertex.
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j + 1 !== L) {
            for (let i = 0; i < n; i++) {
              P[i * w + j] = bet * (P[i * w + j] - P[i * w + L - 1]) + P[i * w + L - 1];
              size += Math.abs(P[i * w + j] - P[i * w + L - 1]);
            }
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
  } while (funcount <= maxit);

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = P[i * w + L - 1];
  if (funcount > maxit) fail = 1;
  return { x, value: P[n * w + L - 1], fnCount: funcount, fail };
}
