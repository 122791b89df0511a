/**
 * Offline analysis of the per-candidate backtests written by bench-candidates.ts (DUMP=dir):
 * each single candidate's and each fixed combination's MAE over the best peer's, per case, and
 * their geometric means, with no selection involved (every number is out of sample).
 * Run: TZ=UTC node --import tsx scripts/experiments/combine.ts dir [combo ...]
 *   combo: mean:ets+arima+theta or median:ets+arima+theta (default: a standard list)
 */
import { readdirSync, readFileSync } from 'node:fs';

type Row = [string, number, number, number, number, number];
const [dir, ...combos] = process.argv.slice(2);
const list =
  combos.length > 0
    ? combos
    : [
        'median:ets+arima+theta',
        'mean:ets+arima+theta',
        'mean:ets+arima+theta+stlf',
        'median:ets+arima+theta+stlf',
        'mean:ets+theta',
        'mean:ets+arima',
        'mean:arima+theta',
        'mean:ets+arima+theta+ridge_ar',
        'median:ets+arima+theta+naive',
      ];
const geo = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();
const results = new Map<string, number[]>();
const header: string[] = [];
const lines: string[] = [];
for (const c of cases) {
  const rows: Record<string, Row[]> = JSON.parse(readFileSync(`${dir}/${c}.json`, 'utf8'));
  const peers: Record<string, Row[]> = JSON.parse(readFileSync(new URL(`../../fixtures/bench/peers/${c}.json`, import.meta.url), 'utf8'));
  const key = (r: Row) => `${r[0]}|${r[1]}`;
  const keys = new Set((rows.naive ?? Object.values(rows)[0]).map(key));
  const best = Math.min(
    ...Object.values(peers)
      .filter((p) => p.length)
      .map((p) => {
        const k = p.filter((r) => keys.has(key(r)));
        return k.reduce((s, r) => s + Math.abs(r[2] - r[3]), 0) / k.length;
      }),
  );
  const mae = (rs: Row[]) => rs.reduce((s, r) => s + Math.abs(r[2] - r[3]), 0) / rs.length;
  const vals: [string, number][] = Object.entries(rows).map(([name, rs]) => [name, mae(rs) / best]);
  for (const spec of list) {
    const [how, parts] = spec.split(':');
    const names = parts.split('+');
    if (!names.every((n) => rows[n])) {
      vals.push([spec, NaN]);
      continue;
    }
    const by = names.map((n) => new Map(rows[n].map((r) => [key(r), r])));
    const comb = rows[names[0]].map((r): Row => {
      const fs = by.map((m) => (m.get(key(r)) as Row)[2]).sort((a, b) => a - b);
      const f =
        how === 'mean' ? fs.reduce((s, x) => s + x, 0) / fs.length : fs.length % 2 ? fs[fs.length >> 1] : (fs[fs.length / 2 - 1] + fs[fs.length / 2]) / 2;
      return [r[0], r[1], f, r[3], NaN, NaN];
    });
    vals.push([spec, mae(comb) / best]);
  }
  if (header.length === 0) header.push(...vals.map(([n]) => n));
  for (const [n, v] of vals) if (Number.isFinite(v)) results.set(n, [...(results.get(n) ?? []), v]);
  lines.push(c.padEnd(20) + vals.map(([, v]) => (Number.isFinite(v) ? v.toFixed(3) : '  -  ').padStart(8)).join(''));
}
console.log(''.padEnd(20) + header.map((h, i) => `#${i}`.padStart(8)).join(''));
lines.forEach((l) => console.log(l));
console.log('\ngeometric mean of MAE / best peer (cases where defined):');
header.forEach((h, i) => {
  const v = results.get(h) ?? [];
  console.log(`#${i} ${h}: ${geo(v).toFixed(3)} (${v.length})`);
});
