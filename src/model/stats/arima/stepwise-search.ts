/**
 * The stepwise order search of forecast's `auto.arima` (R/newarima2.R; Hyndman & Khandakar 2008,
 * JSS 27(3), §3.2, Algorithm step 2): four starting models, then moves of ±1 in P, Q, (P, Q), p, q,
 * (p, q) and toggling the constant, accepting the first move that lowers the criterion, until no move
 * improves or `nmodels` models were fitted.
 */
import { fitCandidate, verifyCandidate, type Candidate, type CandidateContext, type CandidateOrder } from './candidate.js';

/** Bounds and starting point of the search. */
export interface StepwiseBounds {
  readonly d: number;
  readonly D: number;
  readonly m: number;
  readonly maxP: number;
  readonly maxQ: number;
  readonly maxPs: number;
  readonly maxQs: number;
  readonly startP: number;
  readonly startQ: number;
  readonly startPs: number;
  readonly startQs: number;
  readonly allowDrift: boolean;
  readonly allowMean: boolean;
  readonly nmodels: number;
}

/** The search result: the best candidate and every candidate fitted, in order. */
export interface SearchResult {
  readonly best: Candidate;
  readonly tried: Candidate[];
}

const same = (a: CandidateOrder, b: CandidateOrder) =>
  a.p === b.p && a.d === b.d && a.q === b.q && a.P === b.P && a.D === b.D && a.Q === b.Q && a.constant === b.constant;

/**
 * Runs the stepwise search. Each step costs one candidate fit; the covariance check of a candidate
 * runs only when it would become the best (identical choices to R's eager check).
 */
// Left as laid out by hand (prettier-ignore): forecast::auto.arima's search in R's order and layout, for parity.
// prettier-ignore
export function stepwiseSearch(ctx: CandidateContext, b: StepwiseBounds, approximation: boolean): SearchResult {
  const { d, D, m, maxP, maxQ, maxPs, maxQs, nmodels } = b;
  const tried: Candidate[] = [];
  let constant = b.allowDrift || b.allowMean;
  let p = b.startP, q = b.startQ, P = b.startPs, Q = b.startQs;
  const run = (o: CandidateOrder) => {
    const c = fitCandidate(ctx, o, approximation);
    tried.push(c);
    return c;
  };
  const order = (pp: number, qq: number, PP: number, QQ: number, cc: boolean): CandidateOrder =>
    ({ p: pp, d, q: qq, P: PP, D, Q: QQ, constant: cc });
  let best = run(order(p, q, P, Q, constant));
  verifyCandidate(best);
  const better = (c: Candidate) => c.ic < best.ic && verifyCandidate(c) < best.ic;
  let c = run(order(0, 0, 0, 0, constant));
  if (better(c)) { best = c; p = q = P = Q = 0; }
  if (maxP > 0 || maxPs > 0) {
    const pp = maxP > 0 ? 1 : 0, PP = m > 1 && maxPs > 0 ? 1 : 0;
    c = run(order(pp, 0, PP, 0, constant));
    if (better(c)) { best = c; p = pp; P = PP; q = Q = 0; }
  }
  if (maxQ > 0 || maxQs > 0) {
    const qq = maxQ > 0 ? 1 : 0, QQ = m > 1 && maxQs > 0 ? 1 : 0;
    c = run(order(0, qq, 0, QQ, constant));
    if (better(c)) { best = c; p = P = 0; Q = QQ; q = qq; }
  }
  if (constant) {
    c = run(order(0, 0, 0, 0, false));
    if (better(c)) { best = c; p = q = P = Q = 0; }
  }
  const isNew = (o: CandidateOrder) => !tried.some((t) => same(t.order, o));
  let k = tried.length;
  let startk = 0;
  // The moves in R's order: [Δp, Δq, ΔP, ΔQ, guard].
  const moves: Array<[number, number, number, number]> = [
    [0, 0, -1, 0], [0, 0, 0, -1], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, -1, -1], [0, 0, -1, 1], [0, 0, 1, -1], [0, 0, 1, 1],
    [-1, 0, 0, 0], [0, -1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [-1, -1, 0, 0], [-1, 1, 0, 0], [1, -1, 0, 0], [1, 1, 0, 0],
  ];
  const inRange = (v: number, max: number) => v >= 0 && v <= max;
  while (startk < k && k < nmodels) {
    startk = k;
    let moved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const np = p + dp, nq = q + dq, nP = P + dP, nQ = Q + dQ;
      if (!inRange(np, maxP) || !inRange(nq, maxQ) || !inRange(nP, maxPs) || !inRange(nQ, maxQs)) continue;
      const o = order(np, nq, nP, nQ, constant);
      if (!isNew(o)) continue;
      k++;
      if (k > nmodels) break;
      c = run(o);
      if (better(c)) { best = c; p = np; q = nq; P = nP; Q = nQ; moved = true; break; }
    }
    if (moved || k > nmodels) continue;
    if (b.allowDrift || b.allowMean) {
      const o = order(p, q, P, Q, !constant);
      if (isNew(o)) {
        k++;
        if (k > nmodels) continue;
        c = run(o);
        if (better(c)) { best = c; constant = !constant; }
      }
    }
  }
  return { best, tried };
}
