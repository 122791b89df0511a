// Seeded generators for synthetic, GDELT-shaped and Google-Trends-shaped data (fixtures and benchmarks).
// Everything here is SYNTHETIC: deterministic for a given seed, never real news or search data.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const pad = (n) => String(n).padStart(2, '0');
export const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
export const compactDay = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
};

/**
 * GDELT-shaped events: `theme,Date,Sentiment`, one row per article, Date as yyyymmdd.
 * Each theme has a base daily rate; `shock(theme, dayIndex)` multiplies it.
 */
export function* events({ seed, themes, startMs, days, rate, shock = () => 1 }) {
  const rand = mulberry32(seed);
  for (let d = 0; d < days; d++) {
    const date = compactDay(startMs + d * DAY);
    for (let t = 0; t < themes.length; t++) {
      const n = Math.floor(rate * (0.5 + rand()) * shock(themes[t], d));
      for (let i = 0; i < n; i++) {
        const tone = (rand() - 0.55) * 10 - (shock(themes[t], d) > 1 ? 2 : 0);
        yield `${themes[t]},${date},${tone.toFixed(3)}`;
      }
    }
  }
}

/**
 * Google-Trends-shaped long table (`,keyword,date,trend_index` with a pandas index column):
 * `keywords` weekly series of `weeks` Sundays starting `startMs`, AR(1) around a seasonal level.
 */
export function* trends({ seed, keywords, startMs, weeks }) {
  const rand = mulberry32(seed);
  let row = 0;
  yield ',keyword,date,trend_index';
  for (let k = 0; k < keywords; k++) {
    let x = 0;
    const level = 20 + rand() * 50;
    const amp = rand() * 15;
    for (let w = 0; w < weeks; w++) {
      x = 0.8 * x + (rand() - 0.5) * 10;
      const v = Math.max(0, Math.min(100, Math.round(level + amp * Math.sin((2 * Math.PI * w) / 52) + x)));
      yield `${row++},kw_${k},${isoDay(startMs + w * 7 * DAY)},${v}`;
    }
  }
}

/**
 * `n` SYNTHETIC GDELT-style theme names (`ECON_SYNTH_007`-like), seeded so the same n gives the
 * same names. Lengths vary like real GKG themes (10–30 characters).
 */
export function themeNames(n, seed = 7) {
  const rand = mulberry32(seed);
  const heads = ['ECON', 'EPU', 'HEALTH', 'WB', 'TAX_FNCACT', 'CRISISLEX', 'UNGP', 'SOC', 'ENV', 'GENERAL'];
  const tails = ['UNEMPLOYMENT', 'ECONOMY', 'PANDEMIC', 'JOBS', 'WORKERS', 'HOUSING_PRICES', 'POVERTY', 'PROTEST', 'TRADE', 'INFLATION'];
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(`${heads[Math.floor(rand() * heads.length)]}_${tails[Math.floor(rand() * tails.length)]}_SYN${String(i).padStart(3, '0')}`);
  }
  return out;
}

/**
 * Stream an iterable of lines to `path` (a file, optionally gzipped when `gzip` is true) in
 * ~1 MiB writes, respecting backpressure: memory stays flat however many lines. Writes to
 * `path.tmp` first and renames, so an interrupted run never leaves a half file behind.
 * Returns the number of lines and uncompressed bytes written.
 */
export async function writeLines(path, lines, { gzip = false } = {}) {
  const { createWriteStream, renameSync } = await import('node:fs');
  const { createGzip } = await import('node:zlib');
  const { once } = await import('node:events');
  const { pipeline } = await import('node:stream/promises');
  const { PassThrough } = await import('node:stream');
  const tmp = `${path}.tmp`;
  const src = new PassThrough();
  const done = gzip ? pipeline(src, createGzip(), createWriteStream(tmp)) : pipeline(src, createWriteStream(tmp));
  let buf = '';
  let n = 0;
  let bytes = 0;
  for (const line of lines) {
    buf += line + '\n';
    n++;
    if (buf.length >= 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!src.write(buf)) await Promise.race([once(src, 'drain'), done]);
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  src.end(buf);
  await done;
  renameSync(tmp, path);
  return { lines: n, bytes };
}
