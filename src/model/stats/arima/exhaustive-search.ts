/**
 * forecast's non-stepwise search (`search.arima`, R/newarima2.R): every (p, q, P, Q) with
 * p + q + P + Q ≤ maxOrder, with and without the constant; after an approximate search the best is
 * refitted by CSS-ML, and the whole search is repeated without approximation if that refit fails.
 */
import { fitCandidate, verifyCandidate, type Candidate, type CandidateContext } from './candidate.js';
import type { SearchResult } from './stepwise-search.js';

/** Bounds of the exhaustive search. */
export interface ExhaustiveBounds {
  readonly d: number;
  readonly D: number;
  readonly m: number;
  readonly maxP: number;
  readonly maxQ: number;
  readonly maxPs: number;
  readonly maxQs: number;
  readonly maxOrder: number;
  readonly allowDrift: boolean;
  readonly allowMean: boolean;
}

/** Fits every admissible candidate: O(maxP·maxQ·maxPs·maxQs·2) fits. */
export function exhaustiveSearch(ctx: CandidateContext, b: ExhaustiveBounds, approximation: boolean): SearchResult {
  const maxK = b.allowDrift || b.allowMean ? 1 : 0;
  const tried: Candidate[] = [];
  let best: Candidate | null = null;
  for (let i = 0; i <= b.maxP; i++) {
    for (let j = 0; j <= b.maxQ; j++) {
      for (let I = 0; I <= b.maxPs; I++) {
        for (let J = 0; J <= b.maxQs; J++) {
          if (i + j + I + J > b.maxOrder) continue;
          for (let K = 0; K <= maxK; K++) {
            const c = fitCandidate(ctx, { p: i, d: b.d, q: j, P: I, D: b.D, Q: J, constant: K === 1 }, approximation);
            tried.push(c);
            if (c.ic < (best?.ic ?? Infinity) && verifyCandidate(c) < (best?.ic ?? Infinity)) best = c;
          }
        }
      }
    }
  }
  if (!best) return { best: tried[0], tried };
  if (approximation) {
    const refit = fitCandidate(ctx, best.order, false);
    if (verifyCandidate(refit) === Infinity) return exhaustiveSearch(ctx, b, false);
    return { best: refit, tried };
  }
  return { best, tried };
}
