import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli, tempDir } from '../support/run-cli.js';

/**
 * Bounded work on pathological input, through the real bin: the deadline and the memory guard
 * are checked inside the parse loop and before each source, so a single huge line or thousands
 * of sources stop on time; a line or field past the limits is a clear exit 2. Each bound has a
 * generous margin for process start and a slow machine; before the fix these runs took
 * 20–110 s (issue 15).
 */
const dir = tempDir();
const MARGIN_MS = 5000;
const KILL_MS = 60_000;

/** 1 GiB of 'a' with no newline after a header, as 1 MB of gzip (1,024 concatenated gzip members). */
function gzipBomb(): string {
  const member = gzipSync(Buffer.alloc(2 ** 20, 'a'), { level: 9 });
  const path = join(dir, 'bomb.csv.gz');
  writeFileSync(path, Buffer.concat([gzipSync('keyword,date,value\n'), ...Array<Buffer>(1024).fill(member)]));
  return path;
}

function config(name: string, sources: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ sources, target: 'a', outDir: join(dir, `${name}-out`), report: false }));
  return path;
}

test('a 1 MB gzip of a 1 GiB line: exit 2 at the line limit, or exit 4 at the deadline when the limits are raised', async () => {
  const bomb = gzipBomb();
  const cfg = config('bomb.json', [{ uri: bomb, format: 'long' }]);
  const limited = await runCli(['run-all', '--config', cfg, '--deadline', '8s'], { timeoutMs: KILL_MS });
  assert.equal(limited.code, 2, limited.stderr);
  assert.match(limited.stderr, /bomb\.csv\.gz row 2: a line of more than 64 MiB \(--max-line-length\)/);
  const timed = await runCli(['run-all', '--config', cfg, '--deadline', '3s', '--max-line-length', '4GiB', '--max-field-size', '4GiB'], { timeoutMs: KILL_MS });
  assert.equal(timed.code, 4, timed.stderr);
  assert.match(timed.stderr, /deadline of 3\.0s reached during merge/);
  assert.ok(timed.ms < 3000 + MARGIN_MS, `stopped after ${timed.ms} ms`);
});

test('a 50 MB line reports the deadline on time', async () => {
  const path = join(dir, 'long-line.csv');
  writeFileSync(path, `keyword,date,value\n${'x'.repeat(50_000_000)},2020-01-05,1\n`);
  const r = await runCli(['run-all', '--config', config('long.json', [{ uri: path }]), '--deadline', '400ms', '--max-field-size', '1GiB'], {
    timeoutMs: KILL_MS,
  });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /deadline of 400ms reached during merge/);
  assert.ok(r.ms < 400 + MARGIN_MS, `stopped after ${r.ms} ms`);
});

test('5,000 sources under --deadline and --max-memory stop on time (exit 4), reading a few at a time', async () => {
  const fixture = resolve('fixtures/google_trends_spain_2019_2020.csv');
  const sources = Array.from({ length: 5000 }, (_, i) => ({ uri: fixture, key: 'keyword', value: 'trend_index', prefix: `s${i}_` }));
  const r = await runCli(['run-all', '--config', config('many.json', sources), '--deadline', '4s', '--max-memory', '1GiB'], { timeoutMs: KILL_MS });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /(deadline of 4\.0s|memory limit of 1024 MiB) .*during merge/);
  assert.ok(r.ms < 4000 + MARGIN_MS, `stopped after ${r.ms} ms`);
});
