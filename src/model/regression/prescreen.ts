/**
 * Sure-independence-style pre-screening (Fan & Lv 2008): keep the k features with the largest
 * |Pearson correlation| with the target's future change y_{i+H} − y_i over the training
 * origins only, so the expensive stages see at most k columns. O(n·p + p log p).
 */

/** Indices (ascending) of the top-k of `candidates` by |corr|; ties broken by index. */
export function prescreen(
  cols: readonly Float64Array[],
  candidates: readonly number[],
  y: Float64Array,
  from: number,
  to: number,
  horizon: number,
  k: number,
): number[] {
  if (candidates.length <= k) return [...candidates];
  const n = to - from + 1;
  const d = new Float64Array(n);
  let md = 0;
  for (let i = from; i <= to; i++) {
    d[i - from] = y[i + horizon] - y[i];
    md += d[i - from];
  }
  md /= n;
  const score = candidates.map((j) => {
    const c = cols[j];
    let mc = 0;
    for (let i = from; i <= to; i++) mc += c[i];
    mc /= n;
    let sxy = 0,
      sxx = 0,
      syy = 0;
    for (let i = from; i <= to; i++) {
      const a = c[i] - mc,
        b = d[i - from] - md;
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
    }
    const r = sxx > 0 && syy > 0 ? Math.abs(sxy) / Math.sqrt(sxx * syy) : 0;
    return { j, r };
  });
  score.sort((a, b) => b.r - a.r || a.j - b.j);
  return score
    .slice(0, k)
    .map((s) => s.j)
    .sort((a, b) => a - b);
}
