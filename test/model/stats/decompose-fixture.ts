/**
 * Reads test/model/stats/fixtures/decompose.json, written by scripts/parity/decompose.R from R's
 * stats and forecast packages (R is never needed to run the tests), and compares arrays with it.
 */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

type Num = number | null;
type Args = Record<string, number | string | boolean | number[] | undefined>;
export interface Fixture {
  series: Record<string, { values: number[]; period: number }>;
  stl: { series: string; period: number; args: Args; seasonal: number[]; trend: number[]; remainder: number[]; weights: number[] }[];
  mstl: { series: string; periods: number | number[]; args: Args; trend: number[]; seasonals: number[][]; remainder: number[]; lambda: number | null }[];
  decompose: { series: string; period: number; type: 'additive' | 'multiplicative'; trend: Num[]; seasonal: number[]; random: Num[]; figure: number[] }[];
  guerrero: { series: string; period: number; lower: number; upper: number; lambda: number }[];
  invBoxCox: { z: number[]; lambda: number; biasadj: boolean; fvar: number[]; out: Num[] }[];
  boxCox: { x: number[]; lambda: number; out: Num[] }[];
  fourier: { periods: number | number[]; K: number | number[]; n: number; h?: number; labels: string[]; columns: number[][] }[];
  seas: { series: string; period: number; strength: number }[];
}

export const fixture: Fixture = JSON.parse(readFileSync(new URL('./fixtures/decompose.json', import.meta.url), 'utf8'));

/** R's values with NA (JSON null) as NaN. */
export function f64(v: readonly Num[]): Float64Array {
  return Float64Array.from(v, (x) => (x === null ? NaN : x));
}

export function seriesOf(name: string): Float64Array {
  return f64(fixture.series[name].values);
}

/** max |a − b| over the points; R's NA/NaN/±Inf (JSON null) must meet a non-finite value, or the result is Infinity. */
export function maxDiff(a: Float64Array, b: readonly Num[]): number {
  assert.equal(a.length, b.length, 'lengths');
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const r = b[i];
    if (r === null || !Number.isFinite(a[i])) {
      if (!(r === null && !Number.isFinite(a[i]))) return Infinity;
      continue;
    }
    m = Math.max(m, Math.abs(a[i] - r));
  }
  return m;
}

/** Largest |value| of a series: the scale for relative tolerances. */
export function scaleOf(y: Float64Array): number {
  let m = 1;
  for (const v of y) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

export function assertClose(a: Float64Array, b: readonly Num[], tol: number, what: string): void {
  const d = maxDiff(a, b);
  assert.ok(d <= tol, `${what}: max |diff| ${d} > ${tol}`);
}
