/**
 * Offline comparison of winner rules on the fits recorded by dump-selection.ts: at each backtest
 * origin a rule sees only the candidates' fold forecasts (and the folds' actuals) and picks a
 * forecast; its out-of-sample MAE over the 20 origins is divided by the best peer's on the same
 * rows. Prints the ratio per case and rule, and the geometric means.
 * Run: TZ=UTC node --import tsx scripts/experiments/rules.ts dumpdir
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Cand {
  loss: number[];
  folds: number[][];
  mean: number[];
  sd: number[];
}
interface Origin {
  cutoff: string;
  foldActual: number[][];
  actual: number[];
  last: number;
  winner: string;
  candidates: Record<string, Cand>;
}
type Pick = { mean: number[]; folds: number[][] };
type Rule = (o: Origin) => Pick | undefined;

const dir = process.argv[2];
const geo = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const SINGLES = ['naive', 'snaive', 'mean', 'theta', 'ets', 'stlf', 'arima', 'arimax', 'ridge_ar', 'ridge', 'lasso', 'enet', 'ridge_rfe', 'ols'];
const complete = (c: Cand) => c.folds.every((f) => f.every(Number.isFinite));

/** Fold losses (MAE per fold) of a pick. */
function lossOf(o: Origin, p: Pick): number[] {
  return p.folds.map((f, i) => avg(f.map((v, h) => Math.abs(v - o.foldActual[i][h]))));
}
function combo(o: Origin, names: string[], how: (xs: number[]) => number): Pick | undefined {
  const cs = names.map((n) => o.candidates[n]).filter((c) => c && complete(c));
  if (cs.length < 2) return undefined;
  return {
    mean: cs[0].mean.map((_, h) => how(cs.map((c) => c.mean[h]))),
    folds: cs[0].folds.map((f, i) => f.map((_, h) => how(cs.map((c) => c.folds[i][h])))),
  };
}
function singles(o: Origin): [string, Cand][] {
  return Object.entries(o.candidates).filter(([n, c]) => SINGLES.includes(n) && complete(c));
}
/** The default unless a challenger is better by z on paired fold losses. */
function switchRule(def: (o: Origin) => Pick | undefined, z: (k: number) => number, pool: (o: Origin) => [string, Pick][] = (o) => singles(o)): Rule {
  return (o) => {
    const d = def(o);
    if (!d) return undefined;
    const ld = lossOf(o, d);
    const ch = pool(o);
    const zc = z(ch.length);
    let best = d,
      bestMean = 0;
    for (const [, c] of ch) {
      const lc = lossOf(o, c);
      const diff = lc.map((v, i) => v - ld[i]);
      const m = avg(diff);
      const sd = Math.sqrt(diff.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, diff.length - 1));
      const zz = sd > 0 ? m / (sd / Math.sqrt(diff.length)) : m < 0 ? -Infinity : 0;
      if (zz < -zc && m < bestMean) {
        bestMean = m;
        best = c;
      }
    }
    return best;
  };
}
function topk(k: number, how: (xs: number[]) => number, recent = 1): Rule {
  return (o) => {
    const s = singles(o)
      .map(([n, c]) => ({ n, c, l: avg(c.loss.slice(Math.floor(c.loss.length * (1 - recent)))) }))
      .sort((a, b) => a.l - b.l);
    return (
      combo(
        o,
        s.slice(0, k).map((x) => x.n),
        how,
      ) ?? s[0]?.c
    );
  };
}
const phiInv = (p: number) => {
  // Acklam
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const q = p - 0.5,
    r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
};
const DEFAULTS: Record<string, (o: Origin) => Pick | undefined> = {
  base: (o) => o.candidates.combo_base,
  'med(e,a,t)': (o) => combo(o, ['ets', 'arima', 'theta'], med),
  'med(e,a,t,n)': (o) => combo(o, ['ets', 'arima', 'theta', 'naive'], med),
  'med(e,a,t,s)': (o) => combo(o, ['ets', 'arima', 'theta', 'stlf'], med) ?? combo(o, ['ets', 'arima', 'theta'], med),
  'mean(e,a,t)': (o) => combo(o, ['ets', 'arima', 'theta'], avg),
  'mean(e,a,t,r)': (o) => combo(o, ['ets', 'arima', 'theta', 'ridge_ar'], avg),
  'med(e,a,t,r)': (o) => combo(o, ['ets', 'arima', 'theta', 'ridge_ar'], med),
};
/** Top-k by fold loss, combined; the fold forecasts are prequential (fold f ranks on folds ≤ f − 1 whose windows ended), so a switch test against it is honest. */
function topkPreq(k: number, how: (xs: number[]) => number, H = 4, step = 1, pool: (o: Origin) => [string, Cand][] = singles): Rule {
  return (o) => {
    const s = pool(o);
    if (s.length === 0) return undefined;
    const rankOn = (folds: number[]) =>
      s
        .map(([n, c]) => ({ n, c, l: folds.length ? avg(folds.map((g) => c.loss[g])) : 0 }))
        .sort((a, b) => a.l - b.l)
        .slice(0, k);
    const all = rankOn(o.foldActual.map((_, g) => g));
    const mean = all[0].c.mean.map((_, h) => how(all.map((x) => x.c.mean[h])));
    const folds = o.foldActual.map((_, f) => {
      const prior = o.foldActual.map((_, g) => g).filter((g) => g + Math.ceil(H / step) <= f);
      const top = prior.length >= 3 ? rankOn(prior) : all;
      return top[0].c.folds[f].map((_, h) => how(top.map((x) => x.c.folds[f][h])));
    });
    return { mean, folds };
  };
}
/** Like topkPreq, but only candidates within `ratio` × the best mean loss (at least `min`). */
function topRatioPreq(k: number, ratio: number, min: number, how: (xs: number[]) => number, H = 4): Rule {
  return (o) => {
    const s = singles(o);
    if (s.length === 0) return undefined;
    const rankOn = (folds: number[]) => {
      const r = s.map(([n, c]) => ({ n, c, l: folds.length ? avg(folds.map((g) => c.loss[g])) : 0 })).sort((a, b) => a.l - b.l);
      const cut = r.filter((x, i) => i < min || x.l <= ratio * r[0].l);
      return cut.slice(0, k);
    };
    const all = rankOn(o.foldActual.map((_, g) => g));
    const mean = all[0].c.mean.map((_, h) => how(all.map((x) => x.c.mean[h])));
    const folds = o.foldActual.map((_, f) => {
      const prior = o.foldActual.map((_, g) => g).filter((g) => g + H <= f);
      const top = prior.length >= 3 ? rankOn(prior) : all;
      return top[0].c.folds[f].map((_, h) => how(top.map((x) => x.c.folds[f][h])));
    });
    return { mean, folds };
  };
}
const FAMILY: Record<string, string> = {
  ridge_ar: 'reg',
  ridge: 'reg',
  lasso: 'reg',
  enet: 'reg',
  ridge_rfe: 'reg',
  ols: 'reg',
  ets: 'stat',
  arima: 'stat',
  theta: 'stat',
  stlf: 'stat',
  arimax: 'stat',
  naive: 'base',
  snaive: 'base',
  mean: 'base',
};
/** Like topkPreq with at most `cap` members of one family. */
function topCapPreq(k: number, cap: number, how: (xs: number[]) => number, H = 4): Rule {
  return (o) => {
    const s = singles(o);
    if (s.length === 0) return undefined;
    const rankOn = (folds: number[]) => {
      const r = s.map(([n, c]) => ({ n, c, l: folds.length ? avg(folds.map((g) => c.loss[g])) : 0 })).sort((a, b) => a.l - b.l);
      const count = new Map<string, number>();
      const out: typeof r = [];
      for (const x of r) {
        const f = FAMILY[x.n] ?? x.n;
        if ((count.get(f) ?? 0) >= cap) continue;
        count.set(f, (count.get(f) ?? 0) + 1);
        out.push(x);
        if (out.length === k) break;
      }
      return out;
    };
    const all = rankOn(o.foldActual.map((_, g) => g));
    const mean = all[0].c.mean.map((_, h) => how(all.map((x) => x.c.mean[h])));
    const folds = o.foldActual.map((_, f) => {
      const prior = o.foldActual.map((_, g) => g).filter((g) => g + H <= f);
      const top = prior.length >= 3 ? rankOn(prior) : all;
      return top[0].c.folds[f].map((_, h) => how(top.map((x) => x.c.folds[f][h])));
    });
    return { mean, folds };
  };
}
/** Weighted mean (or weighted median) of the top k, weights exp(−λ·(L/L_best − 1)); prequential folds. */
function softPreq(k: number, lambda: number, wmedian: boolean, H = 4): Rule {
  const combineW = (xs: number[], ws: number[]) => {
    if (!wmedian) {
      const tw = ws.reduce((a, b) => a + b, 0);
      return xs.reduce((a, x, i) => a + (ws[i] / tw) * x, 0);
    }
    const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
    const tw = ws.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (const i of idx) {
      acc += ws[i];
      if (acc >= tw / 2) return xs[i];
    }
    return xs[idx[idx.length - 1]];
  };
  return (o) => {
    const s = singles(o);
    if (s.length === 0) return undefined;
    const rankOn = (folds: number[]) => {
      const r = s
        .map(([n, c]) => ({ n, c, l: folds.length ? avg(folds.map((g) => c.loss[g])) : 1 }))
        .sort((a, b) => a.l - b.l)
        .slice(0, k);
      return r.map((x) => ({ ...x, w: Math.exp(-lambda * (x.l / Math.max(1e-12, r[0].l) - 1)) }));
    };
    const all = rankOn(o.foldActual.map((_, g) => g));
    const mean = all[0].c.mean.map((_, h) =>
      combineW(
        all.map((x) => x.c.mean[h]),
        all.map((x) => x.w),
      ),
    );
    const folds = o.foldActual.map((_, f) => {
      const prior = o.foldActual.map((_, g) => g).filter((g) => g + H <= f);
      const top = prior.length >= 3 ? rankOn(prior) : all;
      return top[0].c.folds[f].map((_, h) =>
        combineW(
          top.map((x) => x.c.folds[f][h]),
          top.map((x) => x.w),
        ),
      );
    });
    return { mean, folds };
  };
}
function weighted(k: number): Rule {
  return (o) => {
    const s = singles(o)
      .map(([n, c]) => ({ n, c, l: avg(c.loss) }))
      .sort((a, b) => a.l - b.l)
      .slice(0, k);
    const w = s.map((x) => 1 / Math.max(1e-12, x.l) ** 2);
    const tw = w.reduce((a, b) => a + b, 0);
    return { mean: s[0].c.mean.map((_, h) => s.reduce((acc, x, i) => acc + (w[i] / tw) * x.c.mean[h], 0)), folds: s[0].c.folds };
  };
}
const trimmed = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const cut = v.length >= 5 ? 1 : 0;
  return avg(v.slice(cut, v.length - cut));
};
/** Statistical models and seasonal naive only, when seasonal naive beats naive on the folds (the season dominates). */
function seasonalPool(o: Origin): [string, Cand][] {
  const s = singles(o);
  const loss = (n: string) => {
    const c = o.candidates[n];
    return c && complete(c) ? avg(c.loss) : Infinity;
  };
  if (!(loss('snaive') < loss('naive'))) return s;
  const p = s.filter(([n]) => FAMILY[n] === 'stat' || n === 'snaive');
  return p.length >= 3 ? p : s;
}
/**
 * The recorded combo (prequential), the single best on the earlier folds (combo's forecast while
 * fewer than 3 are observed; a gap of 4 folds, exact for folds one step apart), and a blend
 * w·best + (1 − w)·combo with w among `grid` chosen by mean fold loss.
 */
function blendRule(grid: number[]): Rule {
  return (o) => {
    const combo = o.candidates.combo;
    const s = singles(o);
    if (!combo || s.length === 0) return undefined;
    const F = o.foldActual.length;
    const rank = (gs: number[]) => s.map(([, c], i) => ({ c, i, l: avg(gs.map((g) => c.loss[g])) })).sort((a, b) => a.l - b.l || a.i - b.i)[0].c;
    const bestFolds = o.foldActual.map((_, f) => {
      const prior = o.foldActual.map((_, g) => g).filter((g) => g + 4 <= f);
      return prior.length >= 3 ? rank(prior).folds[f] : combo.folds[f];
    });
    const best = rank(o.foldActual.map((_, g) => g));
    const mix = (w: number): Pick => ({
      mean: combo.mean.map((v, h) => w * best.mean[h] + (1 - w) * v),
      folds: combo.folds.map((fc, f) => fc.map((v, h) => w * bestFolds[f][h] + (1 - w) * v)),
    });
    const picks = grid.map(mix);
    const losses = picks.map((p) => avg(lossOf(o, p).slice(0, F)));
    return picks[losses.indexOf(Math.min(...losses))];
  };
}
const RULES: Record<string, Rule> = {
  'blend(0,½,1)': blendRule([0, 0.5, 1]),
  'blend(0,½)': blendRule([0, 0.5]),
  'blend(0,½)|z2.33': switchRule(blendRule([0, 0.5]), () => 2.33),
  'seas7p-med|z2.33': switchRule(topkPreq(7, med, 4, 1, seasonalPool), () => 2.33),
  'seas5p-med|z2.33': switchRule(topkPreq(5, med, 4, 1, seasonalPool), () => 2.33),
  recorded: (o) => o.candidates[o.winner],
  'top4-med': topk(4, med),
  'top6-med': topk(6, med),
  'top7-med': topk(7, med),
  'top8-med': topk(8, med),
  'top10-med': topk(10, med),
  'all-med': topk(99, med),
  'top7-trim': topk(7, trimmed),
  'top7p-med|z1.64': switchRule(topkPreq(7, med), () => 1.64),
  'top7p-med|z2.33': switchRule(topkPreq(7, med), () => 2.33),
  'top7-med-recent': topk(7, med, 0.5),
  'soft5-mean|z2.33': switchRule(softPreq(7, 5, false), () => 2.33),
  'soft10-mean|z2.33': switchRule(softPreq(7, 10, false), () => 2.33),
  'soft20-mean|z2.33': switchRule(softPreq(7, 20, false), () => 2.33),
  'soft5-wmed|z2.33': switchRule(softPreq(7, 5, true), () => 2.33),
  'soft10-wmed|z2.33': switchRule(softPreq(7, 10, true), () => 2.33),
  'soft20-wmed|z2.33': switchRule(softPreq(7, 20, true), () => 2.33),
  'soft10-mean': softPreq(7, 10, false),
  'soft10-wmed': softPreq(7, 10, true),
  'cap2-k5|z2.33': switchRule(topCapPreq(5, 2, med), () => 2.33),
  'cap2-k6|z2.33': switchRule(topCapPreq(6, 2, med), () => 2.33),
  'cap3-k7|z2.33': switchRule(topCapPreq(7, 3, med), () => 2.33),
  'cap2-k5mean|z2.33': switchRule(topCapPreq(5, 2, avg), () => 2.33),
  'cap2-k4|z2.33': switchRule(topCapPreq(4, 2, med), () => 2.33),
  'cap1-k3|z2.33': switchRule(topCapPreq(3, 1, med), () => 2.33),
  'cap2-k5trim|z2.33': switchRule(topCapPreq(5, 2, trimmed), () => 2.33),
  'r1.1|z2.33': switchRule(topRatioPreq(7, 1.1, 3, med), () => 2.33),
  'r1.2|z2.33': switchRule(topRatioPreq(7, 1.2, 3, med), () => 2.33),
  'r1.3|z2.33': switchRule(topRatioPreq(7, 1.3, 3, med), () => 2.33),
  'r1.5|z2.33': switchRule(topRatioPreq(7, 1.5, 3, med), () => 2.33),
  'r1.2m5|z2.33': switchRule(topRatioPreq(7, 1.2, 5, med), () => 2.33),
  'r1.2-mean|z2.33': switchRule(topRatioPreq(7, 1.2, 3, avg), () => 2.33),
  'r1.3-trim|z2.33': switchRule(topRatioPreq(7, 1.3, 3, trimmed), () => 2.33),
  'top5-trim': topk(5, trimmed),
  'top5-mean': topk(5, avg),
  'top5-w': weighted(5),
  'top5-med-recent': topk(5, med, 0.5),
  'top5p-med|z1.64': switchRule(topkPreq(5, med), () => 1.64),
  'top5p-med|bonf': switchRule(topkPreq(5, med), (k) => phiInv(1 - 0.05 / Math.max(1, k))),
  'top5p-med|z2.33': switchRule(topkPreq(5, med), () => 2.33),
  'best-mean': topk(1, avg),
  'top2-mean': topk(2, avg),
  'top3-mean': topk(3, avg),
  'top3-med': topk(3, med),
  'top5-med': topk(5, med),
  'top3-mean-recent': topk(3, avg, 0.5),
};
for (const [dn, d] of Object.entries(DEFAULTS)) {
  RULES[`${dn}`] = (o) => d(o);
  RULES[`${dn}|z1.64`] = switchRule(d, () => 1.64);
  RULES[`${dn}|bonf`] = switchRule(d, (k) => phiInv(1 - 0.05 / Math.max(1, k)));
}

const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();
const table = new Map<string, number[]>();
const names = Object.keys(RULES);
console.log('rule'.padEnd(22) + cases.map((c) => c.slice(0, 7).padStart(8)).join('') + '     geo');
const perCase: Record<string, Record<string, number>> = {};
for (const c of cases) {
  const origins: Origin[] = JSON.parse(readFileSync(`${dir}/${c}.json`, 'utf8'));
  const peers: Record<string, [string, number, number, number][]> = JSON.parse(
    readFileSync(new URL(`../../fixtures/bench/peers/${c}.json`, import.meta.url), 'utf8'),
  );
  const keys = new Set(origins.flatMap((o) => o.actual.map((_, h) => `${o.cutoff}|${h + 1}`)));
  const best = Math.min(
    ...Object.values(peers)
      .filter((p) => p.length)
      .map((p) => avg(p.filter((r) => keys.has(`${r[0]}|${r[1]}`)).map((r) => Math.abs(r[2] - r[3])))),
  );
  perCase[c] = {};
  for (const rn of names) {
    const errs: number[] = [];
    for (const o of origins) {
      const p = RULES[rn](o) ?? o.candidates[o.winner];
      o.actual.forEach((a, h) => errs.push(Math.abs(a - p.mean[h])));
    }
    perCase[c][rn] = avg(errs) / best;
    table.set(rn, [...(table.get(rn) ?? []), perCase[c][rn]]);
  }
}
for (const rn of names)
  console.log(
    rn.padEnd(22) +
      cases.map((c) => perCase[c][rn].toFixed(3).padStart(8)).join('') +
      geo(table.get(rn) as number[])
        .toFixed(3)
        .padStart(8) +
      '  max ' +
      Math.max(...(table.get(rn) as number[])).toFixed(2),
  );
