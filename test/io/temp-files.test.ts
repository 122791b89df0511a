import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempsNow, trackTemp } from '../../src/io/temp-files.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { tempDir } from '../support/run-cli.js';

test('removeTempsNow removes the temps still being written, not the finished ones', () => {
  const dir = tempDir();
  const [a, b] = [join(dir, '.a.csv.0123456789ab.tmp'), join(dir, '.b.csv.0123456789ab.tmp')];
  writeFileSync(a, 'partial');
  writeFileSync(b, 'partial');
  trackTemp(a);
  trackTemp(b)();
  assert.equal(removeTempsNow(), 1);
  assert.equal(existsSync(a), false);
  assert.equal(existsSync(b), true, 'untracked: renamed or removed by its writer');
  assert.equal(removeTempsNow(), 0);
});

test('an atomic write tracks its temp only while it writes', async () => {
  const dir = tempDir();
  await writeFileAtomic(join(dir, 'x.csv'), 'a\n1\n');
  assert.equal(removeTempsNow(), 0);
  assert.deepEqual(readdirSync(dir), ['x.csv']);
});
