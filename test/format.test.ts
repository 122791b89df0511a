import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The formatter's check, so CI (which runs `npm test`) fails on unformatted code as `npm run check` does. */
test('src, test and scripts are formatted by prettier (npm run format)', () => {
  const bin = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
  const r = spawnSync(process.execPath, [bin, '--list-different', 'src', 'test', 'scripts'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `not formatted (run npm run format):\n${r.stdout}${r.stderr}`);
});
