import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A path that only exists on one machine: a home, a workspace, a temp dir spelled out. */
const ABSOLUTE = /(?<![\w.:/])\/(?:work|home|Users|tmp|root)\/[\w.-]/;

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|mjs|js|sh|R)$/.test(e.name)) yield p;
  }
}

test('no absolute machine paths in src/, test/ or scripts/: a fresh clone anywhere runs the same', () => {
  const found: string[] = [];
  for (const root of ['src', 'test', 'scripts']) {
    for (const f of files(root)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (ABSOLUTE.test(line) && !line.includes('no-absolute-paths: allow')) found.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
  }
  assert.deepEqual(found, []);
});

test('the pattern catches what it should and passes URLs and relative paths', () => {
  const cases: [string, boolean][] = [
    ["readFileSync('/work/shared/data/x.csv')", true], // no-absolute-paths: allow
    [' * see /home/me/notes.md', true], // no-absolute-paths: allow
    ["const out = '/tmp/report-samples';", true], // no-absolute-paths: allow
    ["fetch('http://127.0.0.1:4443/tmp/x')", false],
    ['gs://bucket/tmp/x.csv', false],
    ["join(tmpdir(), 'x')", false],
    ["'../fixtures/tmp/x.csv'", false],
  ];
  for (const [line, want] of cases) assert.equal(ABSOLUTE.test(line), want, line);
});
