/**
 * The ETS likelihood of three parameter vectors at once, additive error (Hyndman et al. 2008,
 * Table 2.3; R's `etscalc` in etscalc.c): the recursions of {@link etsFilter} for ETS(A,N,N),
 * (A,A,N), (A,Ad,N) and the A-season analogues, written out for three independent "lanes".
 *
 * Why: one filter pass is a chain of dependent floating-point operations (ℓ_t, b_t need ℓ_{t−1},
 * b_{t−1}), so a single lane leaves most of the CPU idle; three interleaved lanes cost about as
 * much as one. Every lane performs exactly the operations of etsFilter in the same order, so its
 * value is bit-for-bit etsFilter's. A lane without trend runs with b₀ = 0, β/α = 0 (then φb = 0 and
 * q = ℓ + 0 = ℓ exactly); an undamped one with φ = 1 (φb = b exactly).
 *
 * Lane c reads P[4c..4c+3] = α, β/α, γ, φ and X[c·w..] = ℓ₀, b₀, s₀..s_{m−1} (R's order, s₀ the
 * most recent; w = 2 + m, or 2 without season) and writes out[c] = n·log Σe² over y[0..n−1].
 * `ring` is scratch of length ≥ 3m. O(n + m) time, no allocation.
 */

/** ETS(A,Ad,N) in three lanes (see the module comment). */
export function lanesAN(y: Float64Array, n: number, m: number, P: Float64Array, X: Float64Array, ring: Float64Array, out: Float64Array): void {
  const stride = 2;
  let l0 = X[0];
  let b0 = X[1];
  let l1 = X[stride];
  let b1 = X[stride + 1];
  let l2 = X[2 * stride];
  let b2 = X[2 * stride + 1];
  const a0 = P[0],
    ba0 = P[1],
    p0 = P[3];
  const a1 = P[4],
    ba1 = P[5],
    p1 = P[7];
  const a2 = P[8],
    ba2 = P[9],
    p2 = P[11];
  let sse0 = 0,
    sse1 = 0,
    sse2 = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const phib0 = p0 * b0;
    const q0 = l0 + phib0;
    const e0 = yi - q0;
    sse0 += e0 * e0;
    const lNew0 = q0 + a0 * (yi - q0);
    b0 = phib0 + ba0 * (lNew0 - l0 - phib0);
    l0 = lNew0;
    const phib1 = p1 * b1;
    const q1 = l1 + phib1;
    const e1 = yi - q1;
    sse1 += e1 * e1;
    const lNew1 = q1 + a1 * (yi - q1);
    b1 = phib1 + ba1 * (lNew1 - l1 - phib1);
    l1 = lNew1;
    const phib2 = p2 * b2;
    const q2 = l2 + phib2;
    const e2 = yi - q2;
    sse2 += e2 * e2;
    const lNew2 = q2 + a2 * (yi - q2);
    b2 = phib2 + ba2 * (lNew2 - l2 - phib2);
    l2 = lNew2;
  }
  out[0] = n * Math.log(sse0);
  out[1] = n * Math.log(sse1);
  out[2] = n * Math.log(sse2);
}

/** ETS(A,Ad,A) in three lanes (see the module comment). */
export function lanesAA(y: Float64Array, n: number, m: number, P: Float64Array, X: Float64Array, ring: Float64Array, out: Float64Array): void {
  const stride = 2 + m;
  let l0 = X[0];
  let b0 = X[1];
  let l1 = X[stride];
  let b1 = X[stride + 1];
  let l2 = X[2 * stride];
  let b2 = X[2 * stride + 1];
  const a0 = P[0],
    ba0 = P[1],
    g0 = P[2],
    p0 = P[3];
  const a1 = P[4],
    ba1 = P[5],
    g1 = P[6],
    p1 = P[7];
  const a2 = P[8],
    ba2 = P[9],
    g2 = P[10],
    p2 = P[11];
  for (let k = 0; k < m; k++) {
    for (let c = 0; c < 3; c++) ring[3 * k + c] = X[c * stride + 1 + m - k];
  }
  const wrap = 3 * m;
  let j = 0;
  let sse0 = 0,
    sse1 = 0,
    sse2 = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const phib0 = p0 * b0;
    const q0 = l0 + phib0;
    const s0 = ring[j];
    const e0 = yi - (q0 + s0);
    sse0 += e0 * e0;
    const lNew0 = q0 + a0 * (yi - s0 - q0);
    b0 = phib0 + ba0 * (lNew0 - l0 - phib0);
    ring[j] = s0 + g0 * (yi - q0 - s0);
    l0 = lNew0;
    const phib1 = p1 * b1;
    const q1 = l1 + phib1;
    const s1 = ring[j + 1];
    const e1 = yi - (q1 + s1);
    sse1 += e1 * e1;
    const lNew1 = q1 + a1 * (yi - s1 - q1);
    b1 = phib1 + ba1 * (lNew1 - l1 - phib1);
    ring[j + 1] = s1 + g1 * (yi - q1 - s1);
    l1 = lNew1;
    const phib2 = p2 * b2;
    const q2 = l2 + phib2;
    const s2 = ring[j + 2];
    const e2 = yi - (q2 + s2);
    sse2 += e2 * e2;
    const lNew2 = q2 + a2 * (yi - s2 - q2);
    b2 = phib2 + ba2 * (lNew2 - l2 - phib2);
    ring[j + 2] = s2 + g2 * (yi - q2 - s2);
    l2 = lNew2;
    j += 3;
    if (j === wrap) j = 0;
  }
  out[0] = n * Math.log(sse0);
  out[1] = n * Math.log(sse1);
  out[2] = n * Math.log(sse2);
}
