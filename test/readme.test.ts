import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DOCS = [
  'README.md',
  'docs/method.md',
  'docs/accuracy.md',
  'docs/performance.md',
  'docs/cli.md',
  'docs/cloud.md',
  'docs/deploy.md',
  'docs/reliability.md',
  'docs/engineering-log.md',
  'docs/targets.md',
  'docs/schemas.md',
];

test('the README stays a user guide of at most 16 KiB; the rest lives in docs/', () => {
  assert.ok(statSync('README.md').size <= 16 * 1024, `README.md is ${statSync('README.md').size} bytes`);
});

test('every relative link in the README and docs/ points at a file that exists', () => {
  const broken: string[] = [];
  for (const doc of DOCS) {
    for (const m of readFileSync(doc, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z]+:/.test(target)) continue;
      if (!existsSync(join(dirname(doc), target))) broken.push(`${doc}: ${m[1]}`);
    }
  }
  assert.deepEqual(broken, []);
});
