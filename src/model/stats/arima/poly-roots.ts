/**
 * Roots of real polynomials, for the MA-invertibility fix-up and the stationarity checks of R's
 * `arima` (`arCheck`, `maInvert`) and forecast's `myarima` (roots within 1.01 of the unit circle).
 */

/** Complex roots as parallel arrays. */
export interface Roots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * All roots of c₀ + c₁z + … + c_k z^k (c_k ≠ 0) by the Aberth–Ehrlich simultaneous iteration
 * (Aberth 1973, Math. Comp. 27), as R's `polyroot` returns them (in another order). O(k²) per sweep,
 * cubically convergent; k ≤ a few dozen here.
 */
export function polyRoots(coefs: ArrayLike<number>): Roots {
  const k = coefs.length - 1;
  const re = new Float64Array(Math.max(k, 0)),
    im = new Float64Array(Math.max(k, 0));
  if (k < 1) return { re, im };
  const lead = coefs[k];
  const a = new Float64Array(k + 1);
  for (let i = 0; i <= k; i++) a[i] = coefs[i] / lead;
  // Initial guesses on a circle of the Cauchy bound's radius, rotated off the real axis.
  let radius = 0;
  for (let i = 0; i < k; i++) radius = Math.max(radius, Math.abs(a[i]) ** (1 / (k - i)));
  radius = Math.max(radius, 1e-3);
  for (let i = 0; i < k; i++) {
    const ang = (2 * Math.PI * i) / k + 0.4;
    re[i] = radius * Math.cos(ang);
    im[i] = radius * Math.sin(ang);
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0;
    for (let i = 0; i < k; i++) {
      // p(z) and p'(z) by Horner.
      let pr = 1,
        pi = 0,
        dr = 0,
        di = 0;
      const zr = re[i],
        zi = im[i];
      for (let j = k - 1; j >= 0; j--) {
        const ndr = dr * zr - di * zi + pr,
          ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr - pi * zi + a[j],
          npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      if (pr === 0 && pi === 0) continue;
      // ratio = p/p'
      const den = dr * dr + di * di;
      const rr = (pr * dr + pi * di) / den,
        ri = (pi * dr - pr * di) / den;
      let sr = 0,
        si = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const xr = zr - re[j],
          xi = zi - im[j];
        const m = xr * xr + xi * xi;
        sr += xr / m;
        si -= xi / m;
      }
      // w = ratio / (1 - ratio * s)
      const br = 1 - (rr * sr - ri * si),
        bi = -(rr * si + ri * sr);
      const bm = br * br + bi * bi;
      const wr = (rr * br + ri * bi) / bm,
        wi = (ri * br - rr * bi) / bm;
      re[i] = zr - wr;
      im[i] = zi - wi;
      moved = Math.max(moved, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zr, zi)));
    }
    if (moved < 1e-15) break;
  }
  return { re, im };
}

/**
 * Whether every root of 1 + c₁z + … + c_k z^k lies outside the circle |z| = ρ, by the Schur–Cohn
 * step-down (backward Durbin–Levinson) test on the AR form 1 − Σψ_i w^i with ψ_i = −c_i ρ^i: all
 * reflection coefficients must lie in (−1, 1). Trailing coefficients with |c| ≤ `zeroTol` are dropped
 * first (as forecast's `myarima` does with 1e-8). O(k²).
 */
export function rootsOutside(c: ArrayLike<number>, rho = 1, zeroTol = 0): boolean {
  let k = c.length;
  while (k > 0 && !(Math.abs(c[k - 1]) > zeroTol)) k--;
  if (k === 0) return true;
  const psi = new Float64Array(k + 1),
    work = new Float64Array(k + 1);
  let s = 1;
  for (let i = 1; i <= k; i++) {
    s *= rho;
    psi[i] = -c[i - 1] * s;
  }
  for (let j = k; j >= 1; j--) {
    const r = psi[j];
    if (!(Math.abs(r) < 1)) return false;
    const den = 1 - r * r;
    for (let i = 1; i < j; i++) work[i] = (psi[i] + r * psi[j - i]) / den;
    for (let i = 1; i < j; i++) psi[i] = work[i];
  }
  return true;
}

/**
 * R's `maInvert`: reflects the roots of 1 + θ₁z + … + θ_q z^q that lie inside the unit circle to
 * 1/z̄, so the MA polynomial becomes invertible with the same autocovariances; returns a copy
 * (unchanged when already invertible). O(q²) after the roots.
 */
export function maInvert(ma: ArrayLike<number>): Float64Array {
  const q = ma.length;
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  const out = Float64Array.from(ma);
  if (q0 === 0) return out;
  const poly = new Float64Array(q0 + 1);
  poly[0] = 1;
  for (let i = 0; i < q0; i++) poly[i + 1] = ma[i];
  const { re, im } = polyRoots(poly);
  let any = false;
  for (let i = 0; i < q0; i++) if (Math.hypot(re[i], im[i]) < 1) any = true;
  if (!any) return out;
  if (q0 === 1) {
    out[0] = 1 / ma[0];
    for (let i = 1; i < q; i++) out[i] = 0;
    return out;
  }
  // x <- 1; for (r in roots) x <- c(x, 0) - c(0, x) / r  (complex arithmetic)
  const xr = new Float64Array(q0 + 1),
    xi = new Float64Array(q0 + 1);
  xr[0] = 1;
  for (let i = 0; i < q0; i++) {
    let rr = re[i],
      ri = im[i];
    const m2 = rr * rr + ri * ri;
    if (Math.sqrt(m2) < 1) {
      rr = rr / m2;
      ri = -ri / m2;
    } // roots[ind] <- 1 / roots[ind]
    const d = rr * rr + ri * ri;
    const ir = rr / d,
      ii = -ri / d; // 1/r
    for (let j = i + 1; j >= 1; j--) {
      // x_j = x_j - x_{j-1} / r
      const pr = xr[j - 1] * ir - xi[j - 1] * ii,
        pi = xr[j - 1] * ii + xi[j - 1] * ir;
      xr[j] -= pr;
      xi[j] -= pi;
    }
  }
  for (let i = 0; i < q0; i++) out[i] = xr[i + 1];
  for (let i = q0; i < q; i++) out[i] = 0;
  return out;
}
