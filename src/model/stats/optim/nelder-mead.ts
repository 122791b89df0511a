/**
 * Nelder–Mead simplex minimiser, a line-by-line port of R's `nmmin`
 * (R `src/appl/optim.c`, Ripley's recasting of the Pascal code in J. C. Nash, *Compact Numerical
 * Methods for Computers*, 2nd ed., 1990, Algorithm 19), so that a caller reproducing an R fit
 * follows the same simplex path: same initial simplex, same order of vertex updates, same stopping
 * rule `f_high ≤ f_low + reltol·(|f₀| + reltol)` or `f_low ≤ abstol`, same shrink test.
 *
 * Written "ask/tell" ({@link NelderMeadSearch}) so that independent searches can be advanced
 * together and their evaluations batched (the ETS estimator runs three forms in one filter pass).
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
// prettier-ignore
const START = 0, VERTEX = 1, REFLECT = 2, EXPAND = 3, CONTRACT = 4, DONE = 5; // what the pending evaluation is for

/**
 * One Nelder–Mead search as a state machine: read {@link point}, evaluate it, {@link tell} the
 * value, until {@link done}. The sequence of points, hence the result, is exactly R's `nmmin`
 * for the same values. P is (n + 1) × (n + 2), row-major: rows 0..n−1 hold the vertices'
 * coordinates, row n their values; columns 0..n are the vertices, column n + 1 the centroid.
 * Memory O(n²); O(n) work per step plus O(n²) per centroid and shrink.
 */
export class NelderMeadSearch {
  /** The point to evaluate next (scratch: read it before calling tell, do not keep it). */
  readonly point: Float64Array;
  /** True once the search has stopped; then {@link result} is available. */
  done = false;
  /** When the current point is the step after a reflection, its kind as in {@link lookahead}, else −1. */
  followUp = -1;
  /** How many reflections were followed by each kind of step so far. */
  readonly kinds = [0, 0, 0];
  private readonly n: number;
  private readonly P: Float64Array;
  private readonly abstol: number;
  private readonly intol: number;
  private readonly alpha: number;
  private readonly bet: number;
  private readonly gamm: number;
  private readonly maxit: number;
  private phase = START;
  private funcount = 0;
  private convtol = 0;
  private oldsize = 0;
  private j = 0; // next vertex to evaluate in the VERTEX phase
  // R's names: best and worst vertices (1-based columns) and their values, the reflection's value.
  private L = 1;
  private H = 1;
  private VL = 0;
  private VH = 0;
  private VR = 0;
  private fail: 0 | 1 | 10 | 20 = 0;
  private final: NelderMeadResult | undefined;

  constructor(x0: ArrayLike<number>, opts: NelderMeadOptions = {}) {
    this.abstol = opts.abstol ?? -Infinity;
    this.intol = opts.reltol ?? Math.sqrt(Number.EPSILON);
    this.alpha = opts.alpha ?? 1;
    this.bet = opts.beta ?? 0.5;
    this.gamm = opts.gamma ?? 2;
    this.maxit = opts.maxit ?? 500;
    this.n = x0.length;
    this.point = Float64Array.from(x0);
    this.P = new Float64Array((this.n + 1) * (this.n + 2));
  }

  /** Records f(point) and moves to the next point (or stops). */
  tell(value: number): void {
    const phase = this.phase;
    this.followUp = -1;
    if (phase === START) return this.start(value);
    const f = Number.isFinite(value) ? value : BIG;
    this.funcount++;
    const { n, P, point: bvec, bet } = this;
    const w = n + 2; // row width; column H − 1 is the worst vertex, column n + 1 the centroid
    const C = n + 1;
    const H = this.H - 1;
    if (phase === VERTEX) {
      P[n * w + this.j++] = f;
      return this.nextVertex();
    }
    if (phase === REFLECT) {
      const VR = (this.VR = f);
      this.followUp = VR < this.VL ? 0 : VR < this.VH ? 1 : 2;
      this.kinds[this.followUp]++;
      if (VR < this.VL) {
        P[n * w + C] = f;
        for (let i = 0; i < n; i++) {
          const e = this.gamm * bvec[i] + (1 - this.gamm) * P[i * w + C];
          P[i * w + C] = bvec[i];
          bvec[i] = e;
        }
        this.phase = EXPAND;
        return;
      }
      if (VR < this.VH) {
        for (let i = 0; i < n; i++) P[i * w + H] = bvec[i];
        P[n * w + H] = VR;
      }
      for (let i = 0; i < n; i++) bvec[i] = (1 - bet) * P[i * w + H] + bet * P[i * w + C];
      this.phase = CONTRACT;
      return;
    }
    if (phase === EXPAND) {
      const keep = f < this.VR;
      for (let i = 0; i < n; i++) P[i * w + H] = keep ? bvec[i] : P[i * w + C];
      P[n * w + H] = keep ? f : this.VR;
      return this.endIteration(false);
    }
    // CONTRACT
    if (f < P[n * w + H]) {
      for (let i = 0; i < n; i++) P[i * w + H] = bvec[i];
      P[n * w + H] = f;
    } else if (this.VR >= this.VH) {
      // Shrink towards the best vertex.
      const L = this.L - 1;
      let size = 0;
      for (let j = 0; j < n + 1; j++) {
        if (j === L) continue;
        for (let i = 0; i < n; i++) {
          P[i * w + j] = bet * (P[i * w + j] - P[i * w + L]) + P[i * w + L];
          size += Math.abs(P[i * w + j] - P[i * w + L]);
        }
      }
      if (!(size < this.oldsize)) {
        this.fail = 10;
        return this.finish();
      }
      this.oldsize = size;
      return this.endIteration(true);
    }
    return this.endIteration(false);
  }

  /**
   * While the current point is a reflection: the point that {@link tell} will ask for next if the
   * reflection turns out to be followed by a step of `kind` (0 expansion, 1 outside contraction,
   * 2 inside contraction), bit for bit, written to `out`; so a caller with spare capacity can
   * evaluate it ahead. False (and `out` untouched) at any other point. O(n).
   */
  lookahead(kind: number, out: Float64Array): boolean {
    if (this.phase !== REFLECT) return false;
    const { n, P, point: r, gamm, bet } = this;
    const w = n + 2;
    const h = this.H - 1;
    for (let i = 0; i < n; i++) {
      const c = P[i * w + n + 1];
      if (kind === 0) out[i] = gamm * r[i] + (1 - gamm) * c;
      else out[i] = (1 - bet) * (kind === 1 ? r[i] : P[i * w + h]) + bet * c;
    }
    return true;
  }

  /** The outcome; throws before the search is done. */
  result(): NelderMeadResult {
    if (!this.final) throw new Error('Nelder–Mead search not finished');
    return this.final;
  }

  private start(f: number): void {
    const { n, P, point: bvec } = this;
    if (this.maxit <= 0) return this.stop({ x: Float64Array.from(bvec), value: f, fnCount: 0, fail: 0 });
    this.funcount = 1;
    if (!Number.isFinite(f)) return this.stop({ x: Float64Array.from(bvec), value: f, fnCount: 1, fail: 20 });
    const w = n + 2;
    this.convtol = this.intol * (Math.abs(f) + this.intol);
    P[n * w] = f;
    for (let i = 0; i < n; i++) P[i * w] = bvec[i];
    let size = 0;
    let step = 0;
    for (let i = 0; i < n; i++) if (0.1 * Math.abs(bvec[i]) > step) step = 0.1 * Math.abs(bvec[i]);
    if (step === 0) step = 0.1;
    for (let j = 2; j <= n + 1; j++) {
      for (let i = 0; i < n; i++) P[i * w + j - 1] = bvec[i];
      let trystep = step;
      while (P[(j - 2) * w + j - 1] === bvec[j - 2]) {
        P[(j - 2) * w + j - 1] = bvec[j - 2] + trystep;
        trystep *= 10;
      }
      size += trystep;
    }
    this.oldsize = size;
    this.L = 1;
    this.beginVertices();
  }

  /** R's `calcvert`: evaluate every vertex but the best, in column order. */
  private beginVertices(): void {
    this.j = 0;
    this.phase = VERTEX;
    this.nextVertex();
  }

  private nextVertex(): void {
    const { n, P } = this;
    if (this.j + 1 === this.L) this.j++;
    if (this.j > n) return this.iterate();
    for (let i = 0; i < n; i++) this.point[i] = P[i * (n + 2) + this.j];
  }

  /** Picks the best and worst vertices, tests convergence, and asks for the reflection. */
  private iterate(): void {
    const { n, P } = this;
    const w = n + 2;
    let L = this.L;
    let VL = P[n * w + L - 1];
    let VH = VL;
    let H = L;
    for (let j = 1; j <= n + 1; j++) {
      if (j === L) continue;
      const f = P[n * w + j - 1];
      if (f < VL) {
        L = j;
        VL = f;
      }
      if (f > VH) {
        H = j;
        VH = f;
      }
    }
    this.L = L;
    this.H = H;
    this.VL = VL;
    this.VH = VH;
    if (VH <= VL + this.convtol || VL <= this.abstol) return this.finish();
    for (let i = 0; i < n; i++) {
      let temp = -P[i * w + H - 1];
      for (let j = 0; j < n + 1; j++) temp += P[i * w + j];
      P[i * w + n + 1] = temp / n;
    }
    const alpha = this.alpha;
    for (let i = 0; i < n; i++) this.point[i] = (1.0 + alpha) * P[i * w + n + 1] - alpha * P[i * w + H - 1];
    this.phase = REFLECT;
  }

  /** End of R's do-while body: `while (funcount <= maxit)`. */
  private endIteration(calcvert: boolean): void {
    if (this.funcount > this.maxit) this.finish();
    else if (calcvert) this.beginVertices();
    else this.iterate();
  }

  private finish(): void {
    const { n, P } = this;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = P[i * (n + 2) + this.L - 1];
    if (this.funcount > this.maxit) this.fail = 1;
    this.stop({ x, value: P[n * (n + 2) + this.L - 1], fnCount: this.funcount, fail: this.fail });
  }

  private stop(r: NelderMeadResult): void {
    this.final = r;
    this.phase = DONE;
    this.done = true;
  }
}

/**
 * Minimises `fn` from `x0` by the Nelder–Mead simplex method (Nelder & Mead 1965, as in R's
 * `nmmin`). The initial simplex moves each coordinate by `max(0.1·max|x0ᵢ|, 0.1)`; non-finite
 * values count as 1e35. `fn` receives a scratch vector that it must not keep.
 * Complexity: O(maxit · (cost(fn) + n)) time plus O(n²) per iteration and shrink; O(n²) memory.
 * @example nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function nelderMead(fn: (x: Float64Array) => number, x0: ArrayLike<number>, opts: NelderMeadOptions = {}): NelderMeadResult {
  const search = new NelderMeadSearch(x0, opts);
  while (!search.done) search.tell(fn(search.point));
  return search.result();
}
