import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInput } from '../../src/report/types.js';
import { PNG_MAGIC } from './support/png-decode.js';
import { makeReportInput } from './support/report-fixture.js';

const NAMES = ['forecast.png', 'backtest.png', 'selection.png', 'features.png', 'outliers.png'];

const input = makeReportInput();
const first = buildReport(input);

test('buildReport: the page with five inline charts and the five PNGs', async () => {
  const report = await first;
  assert.deepEqual(
    report.pngs.map((p) => p.name),
    NAMES,
  );
  for (const p of report.pngs) {
    assert.deepEqual([...p.bytes.subarray(0, 8)], PNG_MAGIC, p.name);
    assert.ok(p.bytes.length > 20_000 && p.bytes.length < 1_000_000, `${p.name}: ${p.bytes.length} bytes`);
  }
  assert.equal(report.html.match(/<svg/g)?.length, 5);
  assert.doesNotMatch(report.html, /https?:\/\//);
});

test('buildReport: naive winner, no outliers, no back-test: notes, not broken charts', async () => {
  const full = makeReportInput();
  const input: ReportInput = {
    ...full,
    winner: 'naive',
    selectionCurve: [],
    backtest: [],
    featureRanking: full.featureRanking.map((f) => ({ ...f, coefficient: NaN, selected: false })),
    outliers: full.outliers.map((o) => ({ ...o, removed: false })),
  };
  const report = await buildReport(input);
  assert.deepEqual(
    report.pngs.map((p) => p.name),
    NAMES,
  );
  assert.equal(report.html.match(/<svg/g)?.length, 1);
  for (const note of ['No feature selection was run', 'No rows were removed as outliers.', 'No back-test was run', 'No feature has a coefficient']) {
    assert.ok(report.html.includes(note), note);
  }
});

test('buildReport: same input, same bytes', async () => {
  const [a, b] = [await first, await buildReport(input)];
  assert.equal(a.html, b.html);
  a.pngs.forEach((p, i) => assert.deepEqual(p.bytes, b.pngs[i].bytes));
});
