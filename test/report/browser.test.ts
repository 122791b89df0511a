/**
 * Opens the generated report.html in headless Chromium and checks what a reader would get:
 * no console errors or exceptions, no request but the page itself, a page that is not blank.
 * Skipped only when Chromium is missing outside CI; in CI (CI=true) a missing browser fails.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport } from '../../src/report/build-report.js';
import { CHROMIUM, hasChromium, launchChromium, openPage, type Browser } from './support/chromium.js';
import { decodePng, inkStats } from './support/png-decode.js';
import { HOSTILE_FEATURE, makeReportInput } from './support/report-fixture.js';

const skip = !hasChromium() && process.env.CI !== 'true' ? `${CHROMIUM} is missing (run .ci/install-chromium.sh); required when CI=true` : false;

const cases = [
  { name: '73 weeks × 80 features', features: 80 },
  { name: '73 weeks × 2,000 features', features: 2000 },
];

interface PageFacts {
  svgs: number;
  scripts: number;
  title: string;
  height: number;
  hostile: boolean;
}

/** Loads `url` in a new tab; returns the page's facts, its events and a screenshot. */
async function visit(browser: Browser, url: string) {
  const session = await openPage(browser, url);
  const evaluated = (await browser.send(
    'Runtime.evaluate',
    {
      expression: `JSON.stringify({ svgs: document.querySelectorAll('svg').length, scripts: document.scripts.length,
      title: document.title, height: document.documentElement.scrollHeight,
      hostile: document.body.textContent.includes(${JSON.stringify(HOSTILE_FEATURE)}) })`,
      returnByValue: true,
    },
    session,
  )) as { result: { value: string } };
  const shot = (await browser.send('Page.captureScreenshot', { format: 'png' }, session)) as { data: string };
  return {
    page: JSON.parse(evaluated.result.value) as PageFacts,
    events: browser.events.filter((e) => e.sessionId === session),
    png: decodePng(Buffer.from(shot.data, 'base64')),
  };
}

describe('browser: report.html in headless Chromium', { skip }, () => {
  let browser: Browser;
  let dir: string;
  before(() => {
    browser = launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'report-browser-'));
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const c of cases) {
    test(`${c.name}: loads with no console error, makes no request, is not blank`, { timeout: 60_000 }, async () => {
      const file = join(dir, `report-${c.features}.html`);
      writeFileSync(file, (await buildReport(makeReportInput({ features: c.features }))).html);
      const url = pathToFileURL(file).href;
      let visited: Awaited<ReturnType<typeof visit>>;
      try {
        visited = await visit(browser, url);
      } catch (e) {
        throw new Error(`${(e as Error).message}\nchromium stderr: ${browser.stderr().slice(-1500)}`, { cause: e });
      }
      const { page, events, png } = visited;
      const errors = events.filter(
        (e) =>
          e.method === 'Runtime.exceptionThrown' ||
          (e.method === 'Runtime.consoleAPICalled' && e.params.type === 'error') ||
          (e.method === 'Log.entryAdded' && (e.params.entry as { level: string }).level === 'error'),
      );
      assert.deepEqual(
        errors.map((e) => JSON.stringify(e.params).slice(0, 300)),
        [],
        'console errors or exceptions',
      );
      const requests = events.filter((e) => e.method === 'Network.requestWillBeSent').map((e) => (e.params.request as { url: string }).url);
      assert.deepEqual(requests, [url], 'no request other than the page itself');
      assert.equal(page.svgs, 5, 'five inline charts');
      assert.equal(page.scripts, 0, 'no <script> element (the hostile feature name stays text)');
      assert.ok(page.hostile, 'the hostile feature name is shown as text');
      assert.match(page.title, /^Forecast report: desempleo/);
      assert.ok(page.height > 2000, `page height ${page.height}`);
      assert.equal(png.width, 1200);
      const { inked, colours } = inkStats(png);
      assert.ok(inked > 0.03 && colours > 20, `screenshot looks blank: ${(inked * 100).toFixed(1)} % inked, ${colours} colours`);
    });
  }
});
