// Benchmark inputs: SYNTHETIC, seeded data sets and their pipeline configs, generated into the
// cache dir (.bench/) only when missing. Big files are stream-written (scripts/lib/synthetic.mjs).
import { existsSync, mkdirSync, writeFileSync, createReadStream, createWriteStream, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { events, themeNames, trends, writeLines, isoDay } from '../lib/synthetic.mjs';

const DAY = 86400000;
/** Sunday 2010-01-03: the first week of the 520-week data sets. */
export const START_MS = Date.UTC(2010, 0, 3);
export const WEEKS = 520;
/** The last Sunday of the 520 weeks (2019-12-22): the configs' `end` and the runs' `--run-date`. */
export const END_DATE = isoDay(START_MS + (WEEKS - 1) * 7 * DAY);

const log = (msg) => console.error(`[bench] ${msg}`);

/** `kw_0 … kw_{n-1}` × 520 weeks long CSV (Google-Trends-shaped) and a run-all config forecasting kw_0. */
export async function trendsCase(dir, keywords) {
  const csv = join(dir, `trends_${keywords}x${WEEKS}.csv`);
  if (!existsSync(csv)) {
    log(`generating ${csv} (SYNTHETIC, ${keywords} keywords × ${WEEKS} weeks)`);
    const t0 = Date.now();
    const { lines, bytes } = await writeLines(csv, trends({ seed: 20100103 + keywords, keywords, startMs: START_MS, weeks: WEEKS }));
    log(`  ${lines - 1} rows, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const config = join(dir, `pipeline_trends_${keywords}.json`);
  writeFileSync(
    config,
    JSON.stringify(
      {
        description: `SYNTHETIC benchmark: ${keywords} Google-Trends-shaped keywords × ${WEEKS} weeks, forecast kw_0 4 weeks ahead with selection, CV and intervals.`,
        sources: [{ uri: `trends_${keywords}x${WEEKS}.csv`, format: 'long', key: 'keyword', date: 'date', value: 'trend_index' }],
        freq: 'W-SUN',
        end: END_DATE,
        target: 'kw_0',
        horizon: 4,
        levels: [0.8, 0.95],
        metric: 'mae',
        folds: 8,
        outDir: 'out',
        report: true,
        deadline: '60s',
        maxMemory: '3.5GiB',
      },
      null,
      2,
    ) + '\n',
  );
  return { csv, config };
}

/** Themes and per-theme daily rate of the events files: rows ≈ themes × days × rate. */
const EVENT_THEMES = 100;
const EVENT_DAYS = WEEKS * 7;

/**
 * `rows` (≈) GDELT-shaped SYNTHETIC events (`theme,Date,Sentiment`) over the same 100 themes and
 * 3,640 days whatever the size, so keys × periods stay fixed and only the row count grows.
 * With `gzip`, also writes `<file>.gz` (compressed from the CSV, streaming).
 */
export async function eventsCase(dir, rows, { gzip = false } = {}) {
  const label = rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`;
  const csv = join(dir, `events_${label}.csv`);
  if (!existsSync(csv)) {
    log(`generating ${csv} (SYNTHETIC, ≈${rows} GDELT-shaped events)`);
    const t0 = Date.now();
    const themes = themeNames(EVENT_THEMES);
    const rate = rows / (EVENT_THEMES * EVENT_DAYS) + 0.5; // + 0.5: events() floors each day's count
    const out = await writeLines(
      csv,
      (function* () {
        yield 'theme,Date,Sentiment';
        yield* events({ seed: 20100103, themes, startMs: START_MS, days: EVENT_DAYS, rate });
      })(),
    );
    log(`  ${out.lines - 1} rows, ${(out.bytes / 1e6).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const gz = `${csv}.gz`;
  if (gzip && !existsSync(gz)) {
    log(`compressing ${gz}`);
    const t0 = Date.now();
    await pipeline(createReadStream(csv), createGzip(), createWriteStream(`${gz}.tmp`));
    renameSync(`${gz}.tmp`, gz);
    log(`  ${(statSync(gz).size / 1e6).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { csv, gz, bytes: statSync(csv).size };
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}
