// Reads test/model/stats/fixtures/arima.json, written by scripts/parity/arima.R (R is not needed here).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** jsonlite writes length-1 vectors as scalars and empty ones as null: always give an array. */
export const arr = <T>(x: T | T[] | null | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

export interface FitRecord {
  arma: number[];
  coefNames: string[];
  coef: number[];
  loglik: number;
  aicc: number | null;
  sigma2: number;
  mean: number[];
  lower80: number[];
  upper80: number[];
  se: number[];
  spec: { order: number[]; seasonal: number[]; includeMean: boolean; includeDrift: boolean; method: 'CSS-ML' | 'ML' | 'CSS'; xreg: boolean };
}

export interface ParityCase {
  name: string;
  kind: 'sim' | 'real';
  period: number;
  seasonal: boolean;
  y: number[];
  xreg: number[][] | null;
  xregFuture: number[][] | null;
  unitRoot: { kpss: number; kpssLag: number; ndiffs: number; seasStrength?: number; nsdiffs?: number; ocsb?: number; ocsbCrit?: number; nsdiffsOcsb?: number };
  auto: FitRecord;
  fixed: FitRecord[];
}

const path = fileURLToPath(new URL('../fixtures/arima.json', import.meta.url));
const raw = JSON.parse(readFileSync(path, 'utf8')) as { h: number; cases: ParityCase[] };

const norm = (f: FitRecord): FitRecord => ({
  ...f,
  arma: arr(f.arma),
  coefNames: arr(f.coefNames),
  coef: arr(f.coef),
  mean: arr(f.mean),
  lower80: arr(f.lower80),
  upper80: arr(f.upper80),
  se: arr(f.se),
  spec: f.spec && { ...f.spec, order: arr(f.spec.order), seasonal: arr(f.spec.seasonal) },
});

/** The parity cases with every vector as an array. */
export const cases: ParityCase[] = raw.cases.map((c) => ({
  ...c,
  y: arr(c.y),
  auto: norm(c.auto),
  fixed: arr(c.fixed).map(norm),
  xreg: c.xreg ? arr(c.xreg).map((col) => arr(col)) : null,
  xregFuture: c.xregFuture ? arr(c.xregFuture).map((col) => arr(col)) : null,
}));

/** The forecast horizon of the fixture. */
export const horizon = raw.h;

/** max − min of the series: the scale forecasts are compared on. */
export function scaleOf(y: readonly number[]): number {
  let lo = Infinity,
    hi = -Infinity;
  for (const v of y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi - lo;
}
