import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const TRENDS_SPEC = 'fixtures/google_trends_spain_2019_2020.csv?format=long&key=keyword&date=date&value=trend_index';

/** 40,000 rows × 5 columns, about 1.3 MB: more than a pipe holds, so a reader that leaves early is met mid-output. */
function bigCsv(): string {
  const path = join(tempDir(), 'big.csv');
  const rows = Array.from({ length: 40_000 }, (_, i) => `${i},${i * 2},${i % 7},x${i},${(i / 3).toFixed(6)}`);
  writeFileSync(path, `a,b,c,d,e\n${rows.join('\n')}\n`);
  return path;
}

// Each case closes the child's stdout as `| head` does: before anything is written (the reader is
// gone at once) or after the first chunk (the reader took what it wanted). Either way the tool
// stops quietly with 141 (128 + SIGPIPE, as a shell reports `yes | head`'s `yes`), never with a
// Node stack trace and exit 1.
const cases: { name: string; args: () => string[]; closeAfterFirstChunk: boolean }[] = [
  { name: '--help (written without a callback)', args: () => ['--help'], closeAfterFirstChunk: false },
  { name: 'merge to stdout', args: () => ['merge', '--source', TRENDS_SPEC], closeAfterFirstChunk: false },
  { name: 'extract of a large table, closed mid-output', args: () => ['extract', '--from', bigCsv(), '--to', '-'], closeAfterFirstChunk: true },
];

for (const c of cases) {
  test(`a reader that closes stdout early: ${c.name} exits 141 without a message`, async () => {
    const r = await runCli(c.args(), {
      timeoutMs: 30_000,
      onSpawn: (child) => {
        if (c.closeAfterFirstChunk) child.stdout?.once('data', () => child.stdout?.destroy());
        else child.stdout?.destroy();
      },
    });
    assert.equal(r.code, 141, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|forecast: \[|\n\s+at /);
  });
}
