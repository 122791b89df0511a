/**
 * Reads test/model/stats/fixtures/ets.json, written by scripts/parity/ets.R from R's
 * forecast::ets (R is not needed to run the tests).
 */
import { readFileSync } from 'node:fs';

/** One R fit: form code ("MAdM"), parameters, states in R's order, criteria, forecasts h = 1..8. */
export interface RFit {
  form: string;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  initstate: number[];
  finalstate: number[];
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  mean: number[];
  lower80: number[];
  upper80: number[];
}

export interface RSeries {
  name: string;
  kind: 'simulated' | 'real';
  trueForm: string | null;
  m: number;
  y: number[];
  auto: RFit;
  fixed: RFit[];
}

export interface Fixture {
  forecast: string;
  h: number;
  series: RSeries[];
  multTrend: {
    series: string;
    auto: string;
    autoAicc: number;
    fits: { form: string; aicc: number; loglik: number; alpha: number; beta: number; phi: number; mean1: number }[];
  }[];
  initstate: { series: string; trend: 'N' | 'A' | 'M'; season: 'N' | 'A' | 'M'; state: number[] }[];
  admissible: { alpha: number; beta: number; gamma: number; phi: number; m: number; trended: boolean; seasonal: boolean; ok: boolean }[];
  nelderMead: { fn: string; x0: number[]; maxit: number; par: number[]; value: number; count: number; convergence: number }[];
}

export const fixture: Fixture = JSON.parse(readFileSync(new URL('../fixtures/ets.json', import.meta.url), 'utf8'));

/** z_{0.9}: R's 80 % bounds are mean ± z·sd. */
export const Z80 = 1.2815515655446004;
