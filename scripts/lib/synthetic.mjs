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
export const compactDay = (ms) => { const d = new Date(ms); return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`; };

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
