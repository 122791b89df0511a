#!/usr/bin/env node
// Fallback peak-RSS probe for machines without GNU time: runs SCRIPT in this process (dynamic
// import, with process.argv rewritten as if SCRIPT had been started directly) and, on exit,
// writes `<maxRSS KiB> <user s> <system s>` to OUTFILE (GNU time's `%M %U %S`). Usage: node scripts/bench/peak-rss.mjs OUTFILE SCRIPT [args…]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
if (!out || !script) {
  console.error('usage: peak-rss.mjs OUTFILE SCRIPT [args…]');
  process.exit(2);
}
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(out, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
});
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
