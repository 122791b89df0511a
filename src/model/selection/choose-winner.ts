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
    let winner = base, best = 0;
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
