#!/usr/bin/env node
// The "bare parse" baseline of the events benchmark: stream FILE (gunzipped when it ends in .gz)
// through papaparse's Node stream mode with a no-op chunk callback, and nothing else. Prints the
// row count and bytes on stderr. Usage: node scripts/bench/papaparse-bare.mjs FILE
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) {
  console.error('usage: papaparse-bare.mjs FILE');
  process.exit(2);
}
let stream = createReadStream(file);
if (file.endsWith('.gz')) stream = stream.pipe(createGunzip());
let rows = 0;
Papa.parse(stream, {
  chunk(results) {
    rows += results.data.length;
  },
  complete() {
    console.error(`papaparse-bare: ${rows} rows`);
  },
  error(e) {
    console.error(e);
    process.exit(1);
  },
});
