/**
 * Projection of a frame's rows onto the first two principal components of its standardised
 * feature columns, so the report can show which rows were removed as outliers.
 */
import type { Frame } from '../frame/frame.js';
import { isoDate } from './iso-date.js';
import type { ReportOutlierPoint } from './types.js';

const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-10;

/**
 * Scores of every row on PC1 and PC2 of the standardised features (all columns but `target`).
 *
 * Each feature is centred and divided by its population standard deviation; NaN becomes the
 * column mean (0 after centring); constant columns drop out. With Z the n×p standardised matrix
 * and Z = U S Vᵀ its SVD, the scores are Z V = U S. They come from the eigenvectors of the
 * smaller Gram matrix: Z Zᵀ (n×n, scores √λ·u) when p > n, else Zᵀ Z (p×p, scores Z v).
 * Eigenvectors by power iteration from a fixed start vector, the second kept orthogonal to the
 * first. Signs are fixed so the score largest in magnitude (the first, on ties) is positive.
 *
 * Cost O(n·p·min(n, p)) for the Gram matrix plus O(min(n, p)²) per iteration: about 0.3 s for
 * 520 rows × 2,000 columns.
 *
 * @example outlierProjection(frame, 'desempleo', [19358]) // [{ date, pc1, pc2, removed }, …]
 */
export function outlierProjection(frame: Frame, target: string, removedDates: readonly number[]): ReportOutlierPoint[] {
  const n = frame.dates.length;
  const removed = new Set(removedDates);
  const features = frame.names.flatMap((name, j) => (name === target ? [] : [frame.columns[j]]));
  const z = features.map(standardise).filter((c): c is Float64Array => c !== undefined);
  const scores = principalScores(z, n);
  return Array.from(frame.dates, (d, i) => ({
    date: isoDate(d),
    pc1: scores[0][i],
    pc2: scores[1][i],
    removed: removed.has(d),
  }));
}

/** Centred, unit-variance copy of a column (NaN → mean); undefined when constant or empty. */
function standardise(col: Float64Array): Float64Array | undefined {
  let sum = 0;
  let count = 0;
  for (const x of col)
    if (Number.isFinite(x)) {
      sum += x;
      count++;
    }
  if (count === 0) return undefined;
  const mean = sum / count;
  const out = new Float64Array(col.length);
  let ss = 0;
  for (let i = 0; i < col.length; i++) {
    const d = Number.isFinite(col[i]) ? col[i] - mean : 0;
    out[i] = d;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / col.length);
  if (!(sd > 1e-12 * (Math.abs(mean) + 1))) return undefined;
  for (let i = 0; i < out.length; i++) out[i] /= sd;
  return out;
}

/** PC1 and PC2 scores (length n each) of the columns `z` (each of length n). */
function principalScores(z: readonly Float64Array[], n: number): [Float64Array, Float64Array] {
  const p = z.length;
  const byRows = p > n;
  // Vectors whose Gram matrix is the smaller one: rows of Z (p > n) or its columns.
  const vectors = byRows ? transpose(z, n) : z;
  const gram = gramMatrix(vectors);
  const first = powerIteration(gram, []);
  const second = powerIteration(gram, first.vector.length > 0 ? [first.vector] : []);
  const out = [first, second].map(({ vector, value }) => {
    if (vector.length === 0 || n === 0) return new Float64Array(n);
    const s = byRows ? vector.map((u) => u * Math.sqrt(Math.max(value, 0))) : combine(z, vector, n);
    return fixSign(s);
  });
  return [out[0], out[1]];
}

function transpose(cols: readonly Float64Array[], n: number): Float64Array[] {
  const rows = Array.from({ length: n }, () => new Float64Array(cols.length));
  cols.forEach((c, j) => {
    for (let i = 0; i < n; i++) rows[i][j] = c[i];
  });
  return rows;
}

/** Symmetric m×m matrix of dot products, row-major. O(m²·len/2). */
function gramMatrix(vectors: readonly Float64Array[]): Float64Array {
  const m = vectors.length;
  const g = new Float64Array(m * m);
  const set = (a: number, b: number, s: number) => {
    g[a * m + b] = s;
    g[b * m + a] = s;
  };
  for (let a = 0; a < m; a++) {
    const va = vectors[a];
    let b = a;
    // Four dot products per pass over `va`: the loop is bound by memory loads.
    for (; b + 3 < m; b += 4) {
      const [v0, v1, v2, v3] = [vectors[b], vectors[b + 1], vectors[b + 2], vectors[b + 3]];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < va.length; k++) {
        const x = va[k];
        s0 += x * v0[k];
        s1 += x * v1[k];
        s2 += x * v2[k];
        s3 += x * v3[k];
      }
      set(a, b, s0);
      set(a, b + 1, s1);
      set(a, b + 2, s2);
      set(a, b + 3, s3);
    }
    for (; b < m; b++) set(a, b, dot(va, vectors[b]));
  }
  return g;
}

/** Dominant unit eigenvector of symmetric `g` orthogonal to `against`, with its eigenvalue. */
function powerIteration(g: Float64Array, against: readonly Float64Array[]): { vector: Float64Array; value: number } {
  const m = Math.round(Math.sqrt(g.length));
  // Uneven fixed start, so it is not orthogonal to the eigenvector by construction.
  let v: Float64Array = Float64Array.from({ length: m }, (_, i) => 1 + (i + 1) / (m + 1));
  let value = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    orthogonalise(v, against);
    if (!normalise(v)) return { vector: new Float64Array(0), value: 0 };
    const w = multiply(g, v, m);
    value = dot(v, w);
    orthogonalise(w, against);
    if (!normalise(w)) return { vector: new Float64Array(0), value: 0 };
    const change = Math.min(distance(w, v, 1), distance(w, v, -1));
    v = w;
    if (change < TOLERANCE) break;
  }
  return { vector: v, value };
}

function multiply(g: Float64Array, v: Float64Array, m: number): Float64Array {
  const w = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) s += g[a * m + b] * v[b];
    w[a] = s;
  }
  return w;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function orthogonalise(v: Float64Array, against: readonly Float64Array[]): void {
  for (const u of against) {
    const d = dot(v, u);
    for (let i = 0; i < v.length; i++) v[i] -= d * u[i];
  }
}

/** Scales to unit length in place; false when the vector is (numerically) zero. */
function normalise(v: Float64Array): boolean {
  const norm = Math.sqrt(dot(v, v));
  if (!(norm > 1e-12)) return false;
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return true;
}

function distance(a: Float64Array, b: Float64Array, sign: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i] - sign * b[i]));
  return s;
}

/** Σ_j weights[j]·cols[j]. */
function combine(cols: readonly Float64Array[], weights: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  cols.forEach((c, j) => {
    for (let i = 0; i < n; i++) out[i] += weights[j] * c[i];
  });
  return out;
}

/** Flips `s` so its largest-magnitude entry (first within rounding, on ties) is positive. */
function fixSign(s: Float64Array): Float64Array {
  let max = 0;
  for (const x of s) max = Math.max(max, Math.abs(x));
  const lead = s.find((x) => Math.abs(x) >= max * (1 - 1e-9)) ?? 0;
  return lead < 0 ? s.map((x) => -x) : s;
}
