/**
 * The kernels of the conditional-sum-of-squares objective on differenced data, with the seasonal
 * polynomials kept as factors: R's `ARIMA_CSS` filters w through the expanded φ(B)Φ(B^m) and
 * θ(B)Θ(B^m) with zero innovations before ncond; for a sequence that is zero before ncond the causal
 * filters compose, so e = θ(B)⁻¹Θ(B^m)⁻¹ φ(B)Φ(B^m) w costs p + P + q + Q operations per step instead
 * of (p + 1)(P + 1) + (q + 1)(Q + 1) − 2, with the same values up to rounding (Box, Jenkins & Reinsel
 * 2008, §7.1.2, §9.2).
 *
 * Coefficients are read from R's layout c = [φ₁…φ_p, θ₁…θ_q, Φ₁…Φ_P, Θ₁…Θ_Q] and R's signs:
 * φ(B) = 1 − Σφ_i B^i, θ(B) = 1 + Σθ_i B^i.
 */

/** Σ e_t² over the finite e_t for t ≥ ncond, and their count. */
export interface PassSums {
  ssq: number;
  nu: number;
}

/** The orders of the factors: p, q, P, Q and the period m. */
export interface CssOrders {
  readonly p: number;
  readonly q: number;
  readonly P: number;
  readonly Q: number;
  readonly m: number;
}

/** z_t = w_t − Σ_l c_{off+l} w_{t−step·(l+1)} for t ≥ from: (1 − Φ(B^m))w or (1 − φ(B))w. O(n·len). */
export function arFiltered(w: Float64Array, c: ArrayLike<number>, off: number, len: number, step: number, from: number, z: Float64Array): void {
  const n = w.length;
  if (len === 0) {
    for (let t = from; t < n; t++) z[t] = w[t];
  } else if (len === 1) {
    const c0 = c[off];
    for (let t = from; t < n; t++) z[t] = w[t] - c0 * w[t - step];
  } else if (len === 2) {
    const c0 = c[off],
      c1 = c[off + 1],
      s2 = 2 * step;
    for (let t = from; t < n; t++) z[t] = w[t] - c0 * w[t - step] - c1 * w[t - s2];
  } else {
    for (let t = from; t < n; t++) {
      let v = w[t];
      for (let l = 0; l < len; l++) v -= c[off + l] * w[t - step * (l + 1)];
      z[t] = v;
    }
  }
}

/**
 * g_t ← g_t − Σ_l c_{off+l} g_{t−step·(l+1)} for t ≥ start, in place, with g = 0 before start:
 * applies (1 + Σc_l B^{step·(l+1)})⁻¹. O(n·len).
 */
export function maRecursion(g: Float64Array, start: number, c: ArrayLike<number>, off: number, len: number, step: number): void {
  if (len === 0) return;
  const n = g.length,
    head = Math.min(n, start + step * len);
  for (let t = start; t < head; t++) {
    let v = g[t];
    for (let l = 0; l < len; l++) {
      const s = t - step * (l + 1);
      if (s < start) break;
      v -= c[off + l] * g[s];
    }
    g[t] = v;
  }
  if (len === 1) {
    const c0 = c[off];
    for (let t = head; t < n; t++) g[t] -= c0 * g[t - step];
  } else if (len === 2) {
    const c0 = c[off],
      c1 = c[off + 1],
      s2 = 2 * step;
    for (let t = head; t < n; t++) g[t] = g[t] - c0 * g[t - step] - c1 * g[t - s2];
  } else {
    for (let t = head; t < n; t++) {
      let v = g[t];
      for (let l = 0; l < len; l++) v -= c[off + l] * g[t - step * (l + 1)];
      g[t] = v;
    }
  }
}

/**
 * One CSS pass on differenced data w: z = Φ(B^m)w (into `z`, for t ≥ mP; w itself when P = 0), then
 * for t ≥ start, u = φ(B)z, f = Θ(B^m)⁻¹u (into `f`), e = θ(B)⁻¹f, with e = f = 0 before start
 * (start ≥ p + mP). Writes e and the sums. O(n·(p + q + P + Q)), no allocation.
 */
export function cssPass(
  w: Float64Array,
  start: number,
  c: ArrayLike<number>,
  o: CssOrders,
  z: Float64Array,
  f: Float64Array,
  e: Float64Array,
  out: PassSums,
): void {
  const { p, q, P, Q, m } = o;
  const n = w.length,
    offQ = p + q + P;
  let src = w;
  if (P > 0) {
    arFiltered(w, c, p + q, P, m, m * P, z);
    src = z;
  }
  const lead = Math.min(start, n);
  e.fill(0, 0, lead);
  if (Q > 0) f.fill(0, 0, lead);
  // Until the longest MA lag the recursions see the zeros before start; then no bounds checks.
  const head = Math.min(n, start + Math.max(q, m * Q));
  let ssq = 0,
    nu = 0;
  for (let t = start; t < n; t++) {
    let v = src[t];
    for (let i = 0; i < p; i++) v -= c[i] * src[t - i - 1];
    if (t < head) {
      if (Q > 0) {
        for (let l = 0; l < Q; l++) {
          const s = t - m * (l + 1);
          if (s < start) break;
          v -= c[offQ + l] * f[s];
        }
        f[t] = v;
      }
      for (let i = 0; i < q; i++) {
        const s = t - i - 1;
        if (s < start) break;
        v -= c[p + i] * e[s];
      }
    } else {
      if (Q > 0) {
        for (let l = 0; l < Q; l++) v -= c[offQ + l] * f[t - m * (l + 1)];
        f[t] = v;
      }
      for (let i = 0; i < q; i++) v -= c[p + i] * e[t - i - 1];
    }
    e[t] = v;
    if (v === v) {
      nu++;
      ssq += v * v;
    }
  }
  out.ssq = ssq;
  out.nu = nu;
}

/** ½·log(Σ_{t≥start}(e_t − h·d_t)²/ν). O(n). */
export function shiftedValue(e: Float64Array, d: Float64Array, h: number, start: number, nu: number): number {
  let ssq = 0;
  for (let t = start; t < e.length; t++) {
    const v = e[t] - h * d[t];
    ssq += v * v;
  }
  return 0.5 * Math.log(ssq / nu);
}
