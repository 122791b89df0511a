/**
 * Test helper: pivots the long-format Google Trends demo table (`,keyword,date,trend_index`)
 * into a weekly Frame, one column per keyword in first-appearance order. Independent of
 * src/frame's merge on purpose.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Frame } from '../../../src/frame/frame.js';

/** The demo table shipped in the repository (the same file as the shared data folder's). */
export const DEMO_CSV = fileURLToPath(new URL('../../../fixtures/google_trends_spain_2019_2020.csv', import.meta.url));

/** Day number of an ISO date (yyyy-mm-dd), via Date.UTC (tests may use the clock-free Date API). */
export function isoDay(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

export function demoFrame(path = DEMO_CSV): Frame {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const names: string[] = [];
  const days = new Set<number>();
  const cells = new Map<string, Map<number, number>>();
  for (const line of lines) {
    const [, keyword, date, value] = line.split(',');
    const day = isoDay(date);
    days.add(day);
    if (!cells.has(keyword)) {
      cells.set(keyword, new Map());
      names.push(keyword);
    }
    (cells.get(keyword) as Map<number, number>).set(day, Number(value));
  }
  const dates = Int32Array.from([...days].sort((a, b) => a - b));
  const columns = names.map((k) => {
    const m = cells.get(k) as Map<number, number>;
    return Float64Array.from(dates, (d) => m.get(d) ?? NaN);
  });
  return { freq: 'W-SUN', dates, names, columns };
}
