import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../../src/report/html-escape.js';
import { renderReportHtml, type ChartSection } from '../../src/report/html.js';
import { inlineSvg } from '../../src/report/inline-svg.js';
import type { ReportInput } from '../../src/report/types.js';
import { HOSTILE_FEATURE, makeReportInput } from './support/report-fixture.js';

const input = makeReportInput();
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">' +
  '<clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
const charts: ChartSection[] = [
  { name: 'forecast', title: 'F', svg },
  { name: 'backtest', title: 'B', svg },
  { name: 'selection', title: 'S', note: 'No feature selection <was> run.' },
  { name: 'features', title: `Top of ${HOSTILE_FEATURE}`, svg },
  { name: 'outliers', title: 'O', svg },
];

test('escapeHtml: the five special characters, everything else untouched', () => {
  const cases = [
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`a & "b" 'c'`, 'a &amp; &quot;b&quot; &#39;c&#39;'],
    ['desempleo ñ – ±', 'desempleo ñ – ±'],
    ['&amp;', '&amp;amp;'],
  ];
  for (const [raw, escaped] of cases) assert.equal(escapeHtml(raw), escaped);
});

test('inlineSvg: drops namespaces, prefixes ids and their references, labels the image', () => {
  const out = inlineSvg(svg, 'forecast', 'a "b"');
  assert.ok(!out.includes('http'));
  assert.match(out, /^<svg role="img" aria-label="a &quot;b&quot;"/);
  assert.ok(out.includes('id="forecast-clip1"') && out.includes('url(#forecast-clip1)') && out.includes('href="#forecast-clip1"'));
});

test('renderReportHtml: self-contained, no http(s) anywhere, no src= or external href=', () => {
  const html = renderReportHtml(input, charts);
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(html, /\ssrc\s*=/i);
  assert.deepEqual(html.match(/\shref\s*=\s*"[^#][^"]*"/gi) ?? [], []);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\((?!#)/i);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('renderReportHtml: every data-derived text is escaped', () => {
  const hostile = '<script>alert("x")</script>';
  const evil: ReportInput = {
    ...input,
    target: hostile,
    winner: hostile,
    problems: [hostile],
    inputs: [{ uri: hostile, rows: 1 }],
    skipped: [hostile],
    removedFeatures: [{ feature: hostile, reason: hostile }],
    stageTimings: [{ stage: hostile, ms: 1 }],
    scores: input.scores.map((s) => ({ ...s, model: hostile })),
    backtest: input.backtest.map((b) => ({ ...b, model: hostile })),
  };
  const html = renderReportHtml(evil, charts);
  assert.ok(!html.includes('<script'), 'no raw <script');
  assert.ok(!html.includes('alert("x")'), 'quotes escaped too');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('No feature selection &lt;was&gt; run.'));
});

test('renderReportHtml: summary, winner, metrics ± std, back-test, removed features, problems', () => {
  const html = renderReportHtml(input, charts);
  for (const s of [
    'Winner this week: <strong>ridge</strong>',
    'MAE (selection)',
    ' ± ',
    'All 48 back-test rows',
    'constant: 5 features',
    'filled 3 missing weeks with 0 in trends.csv',
    'Removed rows (2): 2023-07-30, 2023-12-24',
    'fixtures/demo/trends.csv',
    '8.4 s',
  ]) {
    assert.ok(html.includes(s), `missing ${s}`);
  }
  assert.equal(html.match(/<figure/g)?.length, 4);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique on the page');
});

test('renderReportHtml: survives a JSON round trip (NaN → null) and empty sections', () => {
  const roundTripped = JSON.parse(JSON.stringify({ ...input, predictions: [], backtest: [], scores: input.scores })) as ReportInput;
  const html = renderReportHtml(roundTripped, charts);
  assert.ok(html.includes('No forecast rows.') && html.includes('No back-test rows.'));
  assert.ok(!html.includes('NaN') && !html.includes('null'));
});
