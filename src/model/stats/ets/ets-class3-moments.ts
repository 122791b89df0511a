/**
 * Exact forecast mean and variance of the class-3 ETS models, ETS(M,N,M), ETS(M,A,M) and
 * ETS(M,Ad,M) (Hyndman et al. 2008, §6.4; Hyndman, Koehler, Ord & Snyder 2005, "Prediction
 * intervals for exponential smoothing using two new classes of state space models", JoF 24),
 * following R's `class3` (R/etsforecast.R). The state is split into x₁ = (ℓ, b) (k = 1 or 2)
 * and the seasonal x₂ (m); M_h = E[x₁ x₂ᵀ] and V_h = Var(vec M_h) evolve as
 *   M_{h+1} = F₁M_hF₂ᵀ + σ²G₁M_hG₂ᵀ,
 *   V_{h+1} = F₂₁V F₂₁ᵀ + σ²[F₂₁V G₂₁ᵀ + G₂₁V F₂₁ᵀ + K(V + μμᵀ)Kᵀ + σ²G₂₁(3V + 2μμᵀ)G₂₁ᵀ],
 * with F₂₁ = F₂⊗F₁, G₂₁ = G₂⊗G₁, K = G₂⊗F₁ + F₂⊗G₁, μ = vec M_h; then
 * ŷ_h = H₁M_hH₂ᵀ and v_h = (1 + σ²)H₂₁V_hH₂₁ᵀ + σ²ŷ_h².
 * The Kronecker factors are kept sparse (O(m) non-zeros), so a step is O((km)²).
 */
import type { EtsModel } from './ets-form.js';

/** Sparse matrix as parallel triplet arrays. */
interface Sparse {
  readonly r: number[];
  readonly c: number[];
  readonly v: number[];
}

function kron(a: Sparse, b: Sparse, k: number, out: Sparse = { r: [], c: [], v: [] }): Sparse {
  for (let i = 0; i < a.v.length; i++) {
    for (let j = 0; j < b.v.length; j++) {
      out.r.push(a.r[i] * k + b.r[j]);
      out.c.push(a.c[i] * k + b.c[j]);
      out.v.push(a.v[i] * b.v[j]);
    }
  }
  return out;
}

/** out += s·A X Bᵀ for sparse A, B and dense d × d X; tmp is d × d scratch. O((nnz A + nnz B)·d). */
function sandwich(A: Sparse, X: Float64Array, B: Sparse, s: number, out: Float64Array, tmp: Float64Array, d: number): void {
  tmp.fill(0);
  for (let t = 0; t < B.v.length; t++) {
    const r = B.r[t];
    const c = B.c[t];
    const v = B.v[t];
    for (let i = 0; i < d; i++) tmp[i * d + r] += X[i * d + c] * v; // tmp = X Bᵀ
  }
  for (let t = 0; t < A.v.length; t++) {
    const r = A.r[t];
    const c = A.c[t];
    const v = s * A.v[t];
    for (let j = 0; j < d; j++) out[r * d + j] += v * tmp[c * d + j];
  }
}

/** Mean and variance of ŷ_{T+h}, h = 1..H, for ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M). O(H·(km)²). */
export function class3Moments(model: EtsModel, horizon: number): { mean: Float64Array; variance: Float64Array } {
  const { form, m, alpha, beta, gamma, phi, sigma2, state } = model;
  const k = form.trend === 'N' ? 1 : 2;
  const d = k * m;
  const F1: Sparse = k === 1 ? { r: [0], c: [0], v: [1] } : { r: [0, 0, 1], c: [0, 1, 1], v: [1, 1, phi] };
  const G1: Sparse = k === 1 ? { r: [0], c: [0], v: [alpha] } : { r: [0, 0, 1, 1], c: [0, 1, 0, 1], v: [alpha, alpha, beta, beta] };
  const F2: Sparse = { r: [0], c: [m - 1], v: [1] };
  for (let i = 1; i < m; i++) {
    F2.r.push(i);
    F2.c.push(i - 1);
    F2.v.push(1);
  }
  const G2: Sparse = { r: [0], c: [m - 1], v: [gamma] };
  const F21 = kron(F2, F1, k);
  const G21 = kron(G2, G1, k);
  const K = kron(F2, G1, k, kron(G2, F1, k));
  // M (k × m, column-major = vec M), from the last state: M = x₁ x₂ᵀ.
  let M = new Float64Array(d);
  let Mn = new Float64Array(d);
  for (let c = 0; c < m; c++) for (let r = 0; r < k; r++) M[c * k + r] = state[r] * state[k + c];
  let V = new Float64Array(d * d);
  let Vn = new Float64Array(d * d);
  const W = new Float64Array(d * d);
  const tmp = new Float64Array(d * d);
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  const last = (m - 1) * k; // H₂₁ picks the block of the last seasonal column
  for (let h = 0; h < horizon; h++) {
    let mu = 0;
    for (let r = 0; r < k; r++) mu += M[last + r];
    let hvh = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) hvh += V[(last + a) * d + last + b];
    mean[h] = mu;
    variance[h] = (1 + sigma2) * hvh + sigma2 * mu * mu;
    if (h === horizon - 1) break;
    Vn.fill(0);
    sandwich(F21, V, F21, 1, Vn, tmp, d);
    sandwich(F21, V, G21, sigma2, Vn, tmp, d);
    sandwich(G21, V, F21, sigma2, Vn, tmp, d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) W[i * d + j] = V[i * d + j] + M[i] * M[j];
    sandwich(K, W, K, sigma2, Vn, tmp, d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) W[i * d + j] = 3 * V[i * d + j] + 2 * M[i] * M[j];
    sandwich(G21, W, G21, sigma2 * sigma2, Vn, tmp, d);
    [V, Vn] = [Vn, V];
    // M ← F₁ M F₂ᵀ + σ² G₁ M G₂ᵀ: (M F₂ᵀ) shifts columns right with wrap; (M G₂ᵀ) = γ·(last column) in column 0.
    Mn.fill(0);
    for (let c = 0; c < m; c++) {
      const src = c === 0 ? m - 1 : c - 1;
      for (let t = 0; t < F1.v.length; t++) Mn[c * k + F1.r[t]] += F1.v[t] * M[src * k + F1.c[t]];
    }
    for (let t = 0; t < G1.v.length; t++) Mn[G1.r[t]] += sigma2 * gamma * G1.v[t] * M[(m - 1) * k + G1.c[t]];
    [M, Mn] = [Mn, M];
  }
  return { mean, variance };
}
