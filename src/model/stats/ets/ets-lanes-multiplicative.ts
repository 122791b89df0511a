/**
 * The ETS likelihood of three parameter vectors at once, multiplicative error: ETS(M,N,·),
 * (M,A,·), (M,Ad,·) with season N, A or M, as {@link etsFilter} computes it (R's `etscalc`),
 * written out for three independent lanes — see ets-lanes-additive.ts for why and for the layout.
 * out[c] = n·log Σe² + 2·Σ log|ŷ_t|, the second sum taken as in etsFilter: |ŷ| multiplied into
 * a running product that is logged and reset when it leaves [1e−100, 1e100]. Here the products
 * to log are set aside in `chunks` (scratch of length ≥ 3n) and logged after the loop, in the same
 * order, so that the loop makes no call; each lane is bit-for-bit etsFilter's value.
 * O(n + m) time, no allocation.
 */

/** Σ log chunks[from..from+count−1], accumulated in order from 0 (etsFilter's `slog`). O(count). */
function sumOfLogs(chunks: Float64Array, from: number, count: number): number {
  let s = 0;
  for (let k = 0; k < count; k++) s += Math.log(chunks[from + k]);
  return s;
}

/** ETS(M,Ad,N) in three lanes (see the module comment). */
// Left as laid out by hand (prettier-ignore): in lanes, the three models' statements side by side.
// prettier-ignore
export function lanesMN(y: Float64Array, n: number, m: number, P: Float64Array, X: Float64Array, ring: Float64Array, out: Float64Array, chunks: Float64Array): void {
  const stride = 2;
  let l0 = X[0];
  let b0 = X[1];
  let l1 = X[stride];
  let b1 = X[stride + 1];
  let l2 = X[2 * stride];
  let b2 = X[2 * stride + 1];
  const a0 = P[0], ba0 = P[1], p0 = P[3];
  const a1 = P[4], ba1 = P[5], p1 = P[7];
  const a2 = P[8], ba2 = P[9], p2 = P[11];
  let sse0 = 0, sse1 = 0, sse2 = 0;
  let prod0 = 1, prod1 = 1, prod2 = 1, nc0 = 0, nc1 = 0, nc2 = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const phib0 = p0 * b0;
    const q0 = l0 + phib0;
    const f0 = q0;
    const e0 = (yi - f0) / f0;
    sse0 += e0 * e0;
    prod0 *= Math.abs(f0);
    if (prod0 > 1e100 || prod0 < 1e-100) {
      chunks[nc0++] = prod0;
      prod0 = 1;
    }
    const lNew0 = q0 + a0 * (yi - q0);
    b0 = phib0 + ba0 * (lNew0 - l0 - phib0);
    l0 = lNew0;
    const phib1 = p1 * b1;
    const q1 = l1 + phib1;
    const f1 = q1;
    const e1 = (yi - f1) / f1;
    sse1 += e1 * e1;
    prod1 *= Math.abs(f1);
    if (prod1 > 1e100 || prod1 < 1e-100) {
      chunks[n + nc1++] = prod1;
      prod1 = 1;
    }
    const lNew1 = q1 + a1 * (yi - q1);
    b1 = phib1 + ba1 * (lNew1 - l1 - phib1);
    l1 = lNew1;
    const phib2 = p2 * b2;
    const q2 = l2 + phib2;
    const f2 = q2;
    const e2 = (yi - f2) / f2;
    sse2 += e2 * e2;
    prod2 *= Math.abs(f2);
    if (prod2 > 1e100 || prod2 < 1e-100) {
      chunks[2 * n + nc2++] = prod2;
      prod2 = 1;
    }
    const lNew2 = q2 + a2 * (yi - q2);
    b2 = phib2 + ba2 * (lNew2 - l2 - phib2);
    l2 = lNew2;
  }
  out[0] = n * Math.log(sse0) + 2 * (sumOfLogs(chunks, 0, nc0) + Math.log(prod0));
  out[1] = n * Math.log(sse1) + 2 * (sumOfLogs(chunks, n, nc1) + Math.log(prod1));
  out[2] = n * Math.log(sse2) + 2 * (sumOfLogs(chunks, 2 * n, nc2) + Math.log(prod2));
}

/** ETS(M,Ad,A) in three lanes (see the module comment). */
// Left as laid out by hand (prettier-ignore): in lanes, the three models' statements side by side.
// prettier-ignore
export function lanesMA(y: Float64Array, n: number, m: number, P: Float64Array, X: Float64Array, ring: Float64Array, out: Float64Array, chunks: Float64Array): void {
  const stride = 2 + m;
  let l0 = X[0];
  let b0 = X[1];
  let l1 = X[stride];
  let b1 = X[stride + 1];
  let l2 = X[2 * stride];
  let b2 = X[2 * stride + 1];
  const a0 = P[0], ba0 = P[1], g0 = P[2], p0 = P[3];
  const a1 = P[4], ba1 = P[5], g1 = P[6], p1 = P[7];
  const a2 = P[8], ba2 = P[9], g2 = P[10], p2 = P[11];
  for (let k = 0; k < m; k++) {
    for (let c = 0; c < 3; c++) ring[3 * k + c] = X[c * stride + 1 + m - k];
  }
  const wrap = 3 * m;
  let j = 0;
  let sse0 = 0, sse1 = 0, sse2 = 0;
  let prod0 = 1, prod1 = 1, prod2 = 1, nc0 = 0, nc1 = 0, nc2 = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const phib0 = p0 * b0;
    const q0 = l0 + phib0;
    const s0 = ring[j];
    const f0 = q0 + s0;
    const e0 = (yi - f0) / f0;
    sse0 += e0 * e0;
    prod0 *= Math.abs(f0);
    if (prod0 > 1e100 || prod0 < 1e-100) {
      chunks[nc0++] = prod0;
      prod0 = 1;
    }
    const lNew0 = q0 + a0 * (yi - s0 - q0);
    b0 = phib0 + ba0 * (lNew0 - l0 - phib0);
    ring[j] = s0 + g0 * (yi - q0 - s0);
    l0 = lNew0;
    const phib1 = p1 * b1;
    const q1 = l1 + phib1;
    const s1 = ring[j + 1];
    const f1 = q1 + s1;
    const e1 = (yi - f1) / f1;
    sse1 += e1 * e1;
    prod1 *= Math.abs(f1);
    if (prod1 > 1e100 || prod1 < 1e-100) {
      chunks[n + nc1++] = prod1;
      prod1 = 1;
    }
    const lNew1 = q1 + a1 * (yi - s1 - q1);
    b1 = phib1 + ba1 * (lNew1 - l1 - phib1);
    ring[j + 1] = s1 + g1 * (yi - q1 - s1);
    l1 = lNew1;
    const phib2 = p2 * b2;
    const q2 = l2 + phib2;
    const s2 = ring[j + 2];
    const f2 = q2 + s2;
    const e2 = (yi - f2) / f2;
    sse2 += e2 * e2;
    prod2 *= Math.abs(f2);
    if (prod2 > 1e100 || prod2 < 1e-100) {
      chunks[2 * n + nc2++] = prod2;
      prod2 = 1;
    }
    const lNew2 = q2 + a2 * (yi - s2 - q2);
    b2 = phib2 + ba2 * (lNew2 - l2 - phib2);
    ring[j + 2] = s2 + g2 * (yi - q2 - s2);
    l2 = lNew2;
    j += 3;
    if (j === wrap) j = 0;
  }
  out[0] = n * Math.log(sse0) + 2 * (sumOfLogs(chunks, 0, nc0) + Math.log(prod0));
  out[1] = n * Math.log(sse1) + 2 * (sumOfLogs(chunks, n, nc1) + Math.log(prod1));
  out[2] = n * Math.log(sse2) + 2 * (sumOfLogs(chunks, 2 * n, nc2) + Math.log(prod2));
}

/** ETS(M,Ad,M) in three lanes (see the module comment). */
// Left as laid out by hand (prettier-ignore): in lanes, the three models' statements side by side.
// prettier-ignore
export function lanesMM(y: Float64Array, n: number, m: number, P: Float64Array, X: Float64Array, ring: Float64Array, out: Float64Array, chunks: Float64Array): void {
  const stride = 2 + m;
  let l0 = X[0];
  let b0 = X[1];
  let l1 = X[stride];
  let b1 = X[stride + 1];
  let l2 = X[2 * stride];
  let b2 = X[2 * stride + 1];
  const a0 = P[0], ba0 = P[1], g0 = P[2], p0 = P[3];
  const a1 = P[4], ba1 = P[5], g1 = P[6], p1 = P[7];
  const a2 = P[8], ba2 = P[9], g2 = P[10], p2 = P[11];
  for (let k = 0; k < m; k++) {
    for (let c = 0; c < 3; c++) ring[3 * k + c] = X[c * stride + 1 + m - k];
  }
  const wrap = 3 * m;
  let j = 0;
  let sse0 = 0, sse1 = 0, sse2 = 0;
  let prod0 = 1, prod1 = 1, prod2 = 1, nc0 = 0, nc1 = 0, nc2 = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const phib0 = p0 * b0;
    const q0 = l0 + phib0;
    const s0 = ring[j];
    const f0 = q0 * s0;
    const e0 = (yi - f0) / f0;
    sse0 += e0 * e0;
    prod0 *= Math.abs(f0);
    if (prod0 > 1e100 || prod0 < 1e-100) {
      chunks[nc0++] = prod0;
      prod0 = 1;
    }
    const lNew0 = q0 + a0 * ((Math.abs(s0) < 1e-10 ? 1e10 : yi / s0) - q0);
    b0 = phib0 + ba0 * (lNew0 - l0 - phib0);
    ring[j] = s0 + g0 * ((Math.abs(q0) < 1e-10 ? 1e10 : yi / q0) - s0);
    l0 = lNew0;
    const phib1 = p1 * b1;
    const q1 = l1 + phib1;
    const s1 = ring[j + 1];
    const f1 = q1 * s1;
    const e1 = (yi - f1) / f1;
    sse1 += e1 * e1;
    prod1 *= Math.abs(f1);
    if (prod1 > 1e100 || prod1 < 1e-100) {
      chunks[n + nc1++] = prod1;
      prod1 = 1;
    }
    const lNew1 = q1 + a1 * ((Math.abs(s1) < 1e-10 ? 1e10 : yi / s1) - q1);
    b1 = phib1 + ba1 * (lNew1 - l1 - phib1);
    ring[j + 1] = s1 + g1 * ((Math.abs(q1) < 1e-10 ? 1e10 : yi / q1) - s1);
    l1 = lNew1;
    const phib2 = p2 * b2;
    const q2 = l2 + phib2;
    const s2 = ring[j + 2];
    const f2 = q2 * s2;
    const e2 = (yi - f2) / f2;
    sse2 += e2 * e2;
    prod2 *= Math.abs(f2);
    if (prod2 > 1e100 || prod2 < 1e-100) {
      chunks[2 * n + nc2++] = prod2;
      prod2 = 1;
    }
    const lNew2 = q2 + a2 * ((Math.abs(s2) < 1e-10 ? 1e10 : yi / s2) - q2);
    b2 = phib2 + ba2 * (lNew2 - l2 - phib2);
    ring[j + 2] = s2 + g2 * ((Math.abs(q2) < 1e-10 ? 1e10 : yi / q2) - s2);
    l2 = lNew2;
    j += 3;
    if (j === wrap) j = 0;
  }
  out[0] = n * Math.log(sse0) + 2 * (sumOfLogs(chunks, 0, nc0) + Math.log(prod0));
  out[1] = n * Math.log(sse1) + 2 * (sumOfLogs(chunks, n, nc1) + Math.log(prod1));
  out[2] = n * Math.log(sse2) + 2 * (sumOfLogs(chunks, 2 * n, nc2) + Math.log(prod2));
}
