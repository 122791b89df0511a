/**
 * The admissible parameter region of the linear ETS models (Hyndman, Akram & Archibald 2008,
 * "The admissible parameter space for exponential smoothing models", *Annals of the Institute of
 * Statistical Mathematics* 60(2), 407–426), as R's `forecast` checks it in
 * `EtsTargetFunction::admissible` (src/etsTargetFunction.cpp) and `admissible()` (R/ets.R).
 */

/**
 * True when every root of Σ c_k z^k (coefficients in increasing powers, c_d ≠ 0) has modulus
 * ≤ 1 + tol. Schur–Cohn test (Schur 1917; Cohn 1922; see Henrici 1974, *Applied and Computational
 * Complex Analysis* I, §6.8) on q(z) = p((1 + tol)z): with r = q₀/q_d, all roots lie strictly
 * inside the unit circle iff |r| < 1 and (q(z) − r·z^d q(1/z))/z has the same property. It replaces
 * R's Jenkins–Traub root finder (`polyroot` / `R_cpolyroot`), deciding the same inequality
 * (R rejects when max|root| > 1 + 1e−10). O(d²) time, O(d) memory.
 */
export function rootsInUnitCircle(coefs: ArrayLike<number>, tol = 1e-10): boolean {
  const buf = new Float64Array(2 * coefs.length);
  for (let k = 0; k < coefs.length; k++) buf[k] = coefs[k];
  return schurCohn(buf, coefs.length - 1, tol);
}

/** Schur–Cohn on buf[0..d] (overwritten), with buf[d + 1..2d + 1] as scratch. No allocation. */
function schurCohn(buf: Float64Array, degree: number, tol: number): boolean {
  let d = degree;
  let a = 0;
  let next = d + 1;
  const s = 1 + tol;
  let scale = 1;
  for (let k = 0; k <= d; k++) {
    buf[k] *= scale;
    scale *= s;
  }
  while (d > 0) {
    const r = buf[a] / buf[a + d];
    if (!(Math.abs(r) < 1)) return false;
    // The two entries the next quotient needs come first, so that it need not wait for the row.
    buf[next] = buf[a + 1] - r * buf[a + d - 1];
    if (d > 1) buf[next + d - 1] = buf[a + d] - r * buf[a];
    for (let k = 1; k < d - 1; k++) buf[next + k] = buf[a + k + 1] - r * buf[a + d - 1 - k];
    const tmp = a;
    a = next;
    next = tmp;
    d--;
  }
  return true;
}

/**
 * R's admissibility test for ETS smoothing parameters (`bounds = "admissible"` or `"both"`).
 * Non-seasonal: 1 − 1/φ < α < 1 + 1/φ and, with trend, α(φ − 1) < β < (1 + φ)(2 − α).
 * Seasonal (m > 1, β = 0 without trend): max(1 − 1/φ − α, 0) < γ < 1 + 1/φ − α,
 * α > 1 − 1/φ − γ(1 − m + φ + φm)/(2φm), β > −(1 − φ)(γ/m + α), and every root of the
 * characteristic polynomial z^{m+1} + (α + β − φ)z^m + (α + β − αφ)(z^{m−1} + … + z²)
 * + (α + β − αφ + γ − 1)z + φ(1 − α − γ) within 1 + 1e−10 of the unit circle.
 * `work` is optional scratch of length ≥ 2(m + 2), to avoid an allocation per call. O(m²).
 */
export function etsAdmissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  hasTrend: boolean,
  hasSeason: boolean,
  m: number,
  work?: Float64Array,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!hasSeason) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const b = hasTrend ? beta : 0;
  const d = 1 - 1 / phi - alpha;
  if (gamma < (d > 0 ? d : 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  const c = work ?? new Float64Array(2 * (m + 2));
  // Increasing powers: c₀ = φ(1 − α − γ), c₁ = α + β − αφ + γ − 1, c₂..c_{m−1} = α + β − αφ,
  // c_m = α + β − φ, c_{m+1} = 1.
  const mid = alpha + b - alpha * phi;
  c[0] = phi * (1 - alpha - gamma);
  c[1] = mid + gamma - 1;
  for (let k = 2; k < m; k++) c[k] = mid;
  c[m] = alpha + b - phi;
  c[m + 1] = 1;
  return schurCohn(c, m + 1, 1e-10);
}
