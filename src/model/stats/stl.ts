/**
 * STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae & Terpenning
 * (1990, *J. Official Statistics* 6(1):3–73): a port of R's `stats::stl` (R/stl.R and the
 * Fortran `stl`, `stlstp`, `stlss`, `stlfts`, `stlma`, `stlrwt` of src/library/stats/src/stl.f),
 * with R's defaults, so that its output matches R's to rounding.
 */
import { inputError } from '../../errors.js';
import { loessAt, loessSmooth, partialSort } from './loess.js';

/** Options of {@link stl}, named after R's arguments (s.window → sWindow, t.jump → tJump, …), with R's defaults. */
export interface StlOptions {
  /** Seasonal loess span (odd, ≥ 3 after R's rounding) or 'periodic' (10·n + 1, degree 0, then averaged by cycle). Default 'periodic'. */
  sWindow?: number | 'periodic';
  /** Seasonal loess degree, 0 or 1. Default 0. */
  sDegree?: number;
  /** Trend span. Default nextodd(⌈1.5·period / (1 − 1.5/sWindow)⌉). */
  tWindow?: number;
  /** Trend degree. Default 1. */
  tDegree?: number;
  /** Low-pass span. Default nextodd(period). */
  lWindow?: number;
  /** Low-pass degree. Default tDegree. */
  lDegree?: number;
  /** Evaluate the seasonal smoother every sJump points and interpolate. Default ⌈sWindow/10⌉. */
  sJump?: number;
  /** The same for the trend. Default ⌈tWindow/10⌉. */
  tJump?: number;
  /** The same for the low-pass. Default ⌈lWindow/10⌉. */
  lJump?: number;
  /** Robust fitting with Tukey-biweight weights on the remainder. Default false. */
  robust?: boolean;
  /** Inner iterations. Default 2, or 1 when robust. */
  inner?: number;
  /** Outer (robustness) iterations. Default 0, or 15 when robust. */
  outer?: number;
}

/** The components of {@link stl}, like R's `time.series` columns, plus its `weights`. */
export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  /** y − seasonal − trend. */
  remainder: Float64Array;
  /** Final robustness weights (all 1 without outer iterations). */
  weights: Float64Array;
}

/** R's `nextodd`: round half to even, then the next odd integer. */
export function nextOdd(x: number): number {
  let r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) r -= 1; // R rounds halves to even
  return r % 2 === 0 ? r + 1 : r;
}

function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i];
  ave[0] = v / len;
  for (let j = 1, k = len, m = 0; j < n - len + 1; j++, k++, m++) {
    v = v - x[m] + x[k];
    ave[j] = v / len;
  }
}

function robustnessWeights(y: Float64Array, fit: Float64Array, rw: Float64Array, sorted: Float64Array): void {
  const n = y.length;
  const abs = sorted.subarray(0, n);
  for (let i = 0; i < n; i++) abs[i] = Math.abs(y[i] - fit[i]);
  const m1 = (n >> 1) + 1;
  const m2 = n - m1 + 1;
  partialSort(abs, n, [m1, m2]); // not always the exact order statistics, but what R uses
  const cmad = 3 * (abs[m1 - 1] + abs[m2 - 1]); // 6·MAD
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = Math.abs(y[i] - fit[i]);
    if (r <= c1) rw[i] = 1;
    else if (r <= c9) {
      const u = r / cmad;
      rw[i] = (1 - u * u) * (1 - u * u);
    } else rw[i] = 0;
  }
}

interface Spec {
  np: number;
  ns: number;
  nt: number;
  nl: number;
  isdeg: number;
  itdeg: number;
  ildeg: number;
  nsjump: number;
  ntjump: number;
  nljump: number;
}

/** Cycle-subseries smoothing (`stlss`): writes the smoothed subseries, extended one period each side, to c[0..n+2np). */
function cycleSubseries(
  s: Spec,
  y: Float64Array,
  n: number,
  rw: Float64Array | null,
  c: Float64Array,
  w1: Float64Array,
  w2: Float64Array,
  w3: Float64Array,
  w4: Float64Array,
): void {
  const { np, ns, isdeg, nsjump } = s;
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 0; i < k; i++) w1[i] = y[i * np + j - 1];
    if (rw !== null) for (let i = 0; i < k; i++) w3[i] = rw[i * np + j - 1];
    const sw = rw === null ? null : w3;
    loessSmooth(w1, k, ns, isdeg, nsjump, sw, w2, 1, w4);
    const lo = loessAt(w1, k, ns, isdeg, 0, 1, Math.min(ns, k), w4, sw);
    w2[0] = Number.isNaN(lo) ? w2[1] : lo;
    const hi = loessAt(w1, k, ns, isdeg, k + 1, Math.max(1, k - ns + 1), k, w4, sw);
    w2[k + 1] = Number.isNaN(hi) ? w2[k] : hi;
    for (let m = 0; m < k + 2; m++) c[m * np + j - 1] = w2[m];
  }
}

/** The inner loop (`stlstp`): `ni` passes of detrending, cycle smoothing, low-pass filtering and trend smoothing. */
function innerLoop(s: Spec, y: Float64Array, ni: number, rw: Float64Array | null, season: Float64Array, trend: Float64Array, work: Float64Array[]): void {
  const n = y.length;
  const { np } = s;
  const [w1, w2, w3, w4, w5] = work;
  for (let it = 0; it < ni; it++) {
    for (let i = 0; i < n; i++) w1[i] = y[i] - trend[i];
    cycleSubseries(s, w1, n, rw, w2, w3, w4, w5, season);
    movingAverage(w2, n + 2 * np, np, w3);
    movingAverage(w3, n + np + 1, np, w1);
    movingAverage(w1, n + 2, 3, w3);
    loessSmooth(w3, n, s.nl, s.ildeg, s.nljump, null, w1, 0, w5);
    for (let i = 0; i < n; i++) season[i] = w2[np + i] - w1[i];
    for (let i = 0; i < n; i++) w1[i] = y[i] - season[i];
    loessSmooth(w1, n, s.nt, s.itdeg, s.ntjump, rw, trend, 0, w3);
  }
}

function degree(d: number, name: string): number {
  const v = Math.trunc(d);
  if (!(v === 0 || v === 1)) throw inputError('stl_degree', `${name} must be 0 or 1, got ${d}`);
  return v;
}

function oddSpan(w: number): number {
  const v = Math.max(3, Math.trunc(w));
  return v % 2 === 0 ? v + 1 : v;
}

/**
 * STL decomposition y = seasonal + trend + remainder, as R's `stl(ts(y, frequency = period), …)`.
 * A non-integer period is used as R does: the Fortran gets ⌊period⌋ while the default spans use
 * the real value; with 'periodic' the seasonal is averaged over positions i mod ⌊period⌋.
 * Requires finite y, period ≥ 2 and n > 2·period.
 * Cost O((inner·(outer + 1))·n·(sWindow/sJump + tWindow/tJump + lWindow/lJump)); scratch 5·(n + 2·period) doubles.
 * @example stl(y, 12, { sWindow: 7, robust: true })
 */
export function stl(y: Float64Array, period: number, opts: StlOptions = {}): StlResult {
  const n = y.length;
  if (!(period >= 2) || n <= 2 * period)
    throw inputError('stl_period', `stl needs period >= 2 and more than two periods of data (n = ${n}, period = ${period})`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw inputError('stl_missing', `stl needs finite values (index ${i} is ${y[i]})`);
  const periodic = opts.sWindow === undefined || opts.sWindow === 'periodic';
  const sWindow = periodic ? 10 * n + 1 : (opts.sWindow as number);
  if (!(sWindow > 0)) throw inputError('stl_window', `sWindow must be positive, got ${sWindow}`);
  const sDegree = periodic ? 0 : degree(opts.sDegree ?? 0, 'sDegree');
  const tDegree = degree(opts.tDegree ?? 1, 'tDegree');
  const lDegree = degree(opts.lDegree ?? tDegree, 'lDegree');
  const tWindow = opts.tWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = opts.lWindow ?? nextOdd(period);
  const robust = opts.robust ?? false;
  const inner = Math.trunc(opts.inner ?? (robust ? 1 : 2));
  const outer = Math.trunc(opts.outer ?? (robust ? 15 : 0));
  const np = Math.max(2, Math.trunc(period));
  const s: Spec = {
    np,
    ns: oddSpan(sWindow),
    nt: oddSpan(tWindow),
    nl: oddSpan(lWindow),
    isdeg: sDegree,
    itdeg: tDegree,
    ildeg: lDegree,
    nsjump: Math.max(1, Math.trunc(opts.sJump ?? Math.ceil(sWindow / 10))),
    ntjump: Math.max(1, Math.trunc(opts.tJump ?? Math.ceil(tWindow / 10))),
    nljump: Math.max(1, Math.trunc(opts.lJump ?? Math.ceil(lWindow / 10))),
  };
  const work = Array.from({ length: 5 }, () => new Float64Array(n + 2 * np));
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const weights = new Float64Array(n).fill(1);
  let rw: Float64Array | null = null;
  for (let k = 0; ; k++) {
    innerLoop(s, y, inner, rw, seasonal, trend, work);
    if (k + 1 > outer) break;
    for (let i = 0; i < n; i++) work[0][i] = trend[i] + seasonal[i];
    robustnessWeights(y, work[0], weights, work[1]);
    rw = weights;
  }
  if (outer <= 0) weights.fill(1);
  if (periodic) averageByCycle(seasonal, np, work[0]);
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i] - seasonal[i] - trend[i];
  return { seasonal, trend, remainder, weights };
}

function averageByCycle(x: Float64Array, np: number, sums: Float64Array): void {
  sums.fill(0, 0, np);
  for (let i = 0; i < x.length; i++) sums[i % np] += x[i];
  for (let j = 0; j < np; j++) sums[j] /= Math.floor((x.length - 1 - j) / np) + 1;
  for (let i = 0; i < x.length; i++) x[i] = sums[i % np];
}
