#!/usr/bin/env node
// Writes fixtures/gdelt_events_synthetic.csv: a small SYNTHETIC GDELT-shaped events table
// (theme,Date,Sentiment), seeded so it is the same bytes every time. Not real GDELT data.
import { writeFileSync } from 'node:fs';
import { events } from './lib/synthetic.mjs';

const themes = ['ECON_UNEMPLOYMENT', 'EPU_ECONOMY', 'HEALTH_PANDEMIC', 'WB_2670_JOBS', 'TAX_FNCACT_WORKERS', 'ECON_HOUSING_PRICES'];
const startMs = Date.UTC(2018, 11, 31); // Monday 2018-12-31: first week ends Sunday 2019-01-06
const lockdown = 435; // 2020-03-10, days from start
const shock = (theme, d) =>
  d >= lockdown && ['HEALTH_PANDEMIC', 'ECON_UNEMPLOYMENT', 'WB_2670_JOBS'].includes(theme) ? 3 + Math.exp(-(d - lockdown) / 30) * 4 : 1;
const lines = ['theme,Date,Sentiment', ...events({ seed: 20190106, themes, startMs, days: 511, rate: 2, shock })];
writeFileSync(new URL('../fixtures/gdelt_events_synthetic.csv', import.meta.url), lines.join('\n') + '\n');
console.error(`wrote fixtures/gdelt_events_synthetic.csv: ${lines.length - 1} synthetic events`);
