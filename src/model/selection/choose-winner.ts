import { complete, type Candidate } from './candidate.js';
import { meanStd } from './metrics.js';

/** One-sided z a candidate must beat the default by (α = 1 %). */
export const Z_SWITCH = 2.33;

/**
 * The winner: the default combination unless a candidate beats it clearly — its mean paired
 * fold-loss difference is below zero by more than Z_SWITCH standard errors (a one-sided test at
 * 1 %: with a dozen challengers a 5 % test lets one through by luck about half the time; per-fold
 * differences are paired, so a shared bad fold does not blur the comparison). Without the default,
 * the lowest mean loss plus its standard error. Ties: earlier candidate.
 */
export function chooseWinner(cands: readonly Candidate[], loss: (c: Candidate) => Float64Array, defaultName: string): Candidate {
  const ok = cands.filter(complete);
  const base = ok.find((c) => c.name === defaultName);
  if (base) {
    const lb = loss(base);
    let winner = base,
      best = 0;
    for (const c of ok) {
      const lc = loss(c);
      const d = meanStd(Array.from(lc, (v, f) => v - lb[f]));
      const z = d.std > 0 ? d.mean / (d.std / Math.sqrt(lc.length)) : d.mean < 0 ? -Infinity : 0;
      if (z < -Z_SWITCH && d.mean < best) {
        best = d.mean;
        winner = c;
      }
    }
    return winner;
  }
  let winner = ok[0] ?? cands[0];
  let best = Infinity;
  for (const c of ok) {
    const s = meanStd(loss(c));
    const l = s.mean + s.std / Math.sqrt(s.std >= 0 ? loss(c).length : 1);
    if (l < best) {
      best = l;
      winner = c;
    }
  }
  return winner;
}

/**
 * How much larger than every earlier change a change among the last h must be to count as a
 * break. On the demo's 80 keywords (scripts/experiments/all-keywords.ts) holding the default
 * after such a break took the geometric mean of MAE / naive from 0.9787 to 0.9763, with 1.5 and
 * 2 alike; `trends_netflix` on the accuracy benchmark went from 1.12 to 1.00 × its best peer
 * (a single model had won the fold test the week searches doubled, and served the old level),
 * and no other series changed by more than 0.01.
 */
export const BREAK_FACTOR = 2;

/** Whether one of the last h changes of y exceeds BREAK_FACTOR × every change before them (NaN skipped). O(n). */
export function breakAtOrigin(y: ArrayLike<number>, h: number): boolean {
  const n = y.length;
  let before = 0,
    recent = 0;
  for (let i = 1; i < n; i++) {
    const d = Math.abs(y[i] - y[i - 1]);
    if (!Number.isFinite(d)) continue;
    if (i >= n - h) recent = Math.max(recent, d);
    else before = Math.max(before, d);
  }
  return recent > BREAK_FACTOR * before;
}
