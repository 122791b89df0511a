// Pathological benchmark inputs (issue 15): a long line, a wide header, a gzip of one 1 GiB
// line, and thousands of sources. SYNTHETIC, generated into the cache dir only when missing.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `keyword,date,value` whose first key is one field of `mb` MB (no quotes), then a short row. */
export function longLineCase(dir, mb) {
  const csv = join(dir, `long_line_${mb}mb.csv`);
  if (!existsSync(csv)) writeFileSync(csv, `keyword,date,value\n${'x'.repeat(mb * 1e6)},2020-01-05,1\na,2020-01-05,2\n`);
  return { csv };
}

/** A wide table of `columns` series × 3 weeks. */
export function wideCase(dir, columns) {
  const csv = join(dir, `wide_${columns}.csv`);
  if (!existsSync(csv)) {
    const names = Array.from({ length: columns }, (_, i) => `c${i}`);
    const row = (v) => names.map(() => v).join(',');
    writeFileSync(csv, `date,${names.join(',')}\n2020-01-05,${row('1')}\n2020-01-12,${row('2')}\n2020-01-19,${row('3')}\n`);
  }
  return { csv };
}

/** 1 GiB of 'a' with no newline after a header, as ~1 MB of gzip (1,024 concatenated members), and a run-all config. */
export function gzipBombCase(dir) {
  const gz = join(dir, 'bomb_1gib_one_line.csv.gz');
  if (!existsSync(gz)) {
    const member = gzipSync(Buffer.alloc(2 ** 20, 'a'), { level: 9 });
    writeFileSync(gz, Buffer.concat([gzipSync('keyword,date,value\n'), ...Array(1024).fill(member)]));
  }
  return { config: config(dir, 'pipeline_bomb.json', [{ uri: gz, format: 'long' }]) };
}

/** A run-all config of `n` sources, each the demo's 80-keyword table under its own prefix. */
export function manySourcesCase(dir, n) {
  const fixture = resolve('fixtures/google_trends_spain_2019_2020.csv');
  const sources = Array.from({ length: n }, (_, i) => ({ uri: fixture, key: 'keyword', value: 'trend_index', prefix: `s${i}_` }));
  return { config: config(dir, `pipeline_sources_${n}.json`, sources, 's0_desempleo') };
}

/** A run-all config over one long-line source. */
export function longLineConfig(dir, mb) {
  return { config: config(dir, `pipeline_long_line_${mb}mb.json`, [{ uri: longLineCase(dir, mb).csv }]) };
}

function config(dir, name, sources, target = 'a') {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify({ description: 'SYNTHETIC pathological input (issue 15)', sources, target, report: false }, null, 2)}\n`);
  return path;
}
