import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTS } from '../../src/report/charts/charts.js';
import { noteChart } from '../../src/report/charts/note-chart.js';
import { renderSvg, svgToPng } from '../../src/report/render.js';
import { decodePng, inkStats, PNG_MAGIC } from './support/png-decode.js';
import { HOSTILE_FEATURE, makeReportInput } from './support/report-fixture.js';

const input = makeReportInput();

for (const { name, build } of CHARTS) {
  test(`render ${name}: non-empty SVG and a PNG of the same size with visible text and marks`, async () => {
    const out = build(input);
    assert.equal(out.kind, 'chart');
    if (out.kind !== 'chart') return;
    const svg = await renderSvg(out.spec);
    assert.match(svg, /^<svg[^>]* width="(\d+)" height="(\d+)"/);
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    assert.ok(Number(w) >= 640 && Number(w) <= 1000 && Number(h) >= 200 && Number(h) <= 700, `size ${w}×${h}`);
    assert.ok(svg.includes(`>${out.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`), 'the title is drawn');
    const png = await svgToPng(svg);
    assert.deepEqual([...png.subarray(0, 8)], PNG_MAGIC);
    const decoded = decodePng(png);
    assert.deepEqual([decoded.width, decoded.height], [Number(w), Number(h)]);
    const { inked, colours } = inkStats(decoded);
    assert.ok(inked > 0.02 && colours > 10, `${name}.png looks blank: ${inked}, ${colours}`);
  });
}

test('render: data text is escaped inside the SVG', async () => {
  const out = CHARTS.find((c) => c.name === 'features')?.build(input);
  assert.ok(out?.kind === 'chart');
  const svg = await renderSvg(out.spec);
  assert.ok(!svg.includes(HOSTILE_FEATURE));
  assert.ok(svg.includes('&lt;script&gt;'));
});

test('render: a note chart shows its text (glyphs drawn, so a font was found)', async () => {
  const blank = decodePng(await svgToPng(await renderSvg(noteChart('', ''))));
  const noted = decodePng(await svgToPng(await renderSvg(noteChart('Feature selection', 'Nothing to show.'))));
  assert.equal(inkStats(blank).inked, 0);
  assert.ok(inkStats(noted).inked > 0.005, 'text pixels present');
});

test('render: the same spec gives the same bytes', async () => {
  const out = CHARTS[0].build(input);
  assert.ok(out.kind === 'chart');
  const [a, b] = [await renderSvg(out.spec), await renderSvg(out.spec)];
  assert.equal(a, b);
  assert.deepEqual(await svgToPng(a), await svgToPng(b));
});

test('render: the PNGs use the shipped DejaVu font files, never the system fonts', async () => {
  const { existsSync, readFileSync } = await import('node:fs');
  const { chartFonts } = await import('../../src/report/render.js');
  const fonts = chartFonts();
  assert.equal(fonts.loadSystemFonts, false, 'the Cloud Functions image has no DejaVu: system fonts are not relied on');
  assert.deepEqual(
    fonts.fontFiles.map((f) => f.split('/').slice(-1)[0]),
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'],
  );
  for (const f of fonts.fontFiles) {
    assert.ok(existsSync(f), f);
    assert.ok(!f.startsWith('/usr/share/fonts'), `${f} ships with the project's dependencies`);
    assert.equal(readFileSync(f).readUInt32BE(0), 0x00010000, `${f} is a TrueType font`);
  }
  // With those files alone, text is drawn; with no font at all (an image without DejaVu), it is not.
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = await renderSvg(noteChart('Feature selection', 'Nothing to show.'));
  const withShipped = decodePng(await svgToPng(svg));
  const withNone = decodePng(new Uint8Array(new Resvg(svg, { background: 'white', font: { loadSystemFonts: false } }).render().asPng()));
  assert.ok(inkStats(withShipped).inked > 0.005, 'text drawn from the shipped fonts');
  assert.equal(inkStats(withNone).inked, 0, 'no font, no text: the shipped files are what draws it');
});
