#!/usr/bin/env node
// Builds the report of the test fixture and writes report.html, the PNGs and report-data.json
// to a directory (default report-samples/ under the OS temp dir), printing how long buildReport took.
// Usage: node --import tsx scripts/report-samples.ts [out-dir] [features]
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../src/report/build-report.js';
import { makeReportInput } from '../test/report/support/report-fixture.js';

const outDir = process.argv[2] ?? join(tmpdir(), 'report-samples');
const features = Number(process.argv[3] ?? 80);
const input = makeReportInput({ features });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report-data.json'), JSON.stringify(input, null, 1) + '\n');
for (const run of ['first (loads vega and resvg)', 'second']) {
  const t0 = performance.now();
  const report = await buildReport(input);
  console.log(`buildReport, ${run}: ${(performance.now() - t0).toFixed(0)} ms`);
  writeFileSync(join(outDir, 'report.html'), report.html);
  for (const p of report.pngs) writeFileSync(join(outDir, p.name), p.bytes);
}
console.log(`wrote ${outDir}`);
