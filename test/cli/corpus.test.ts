import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../src/error-codes.js';
import { runCli, tempDir } from '../support/run-cli.js';

interface Case {
  readonly file: string;
  readonly args: string[];
  readonly exit: number;
  /** The error code printed before the message, from the registry (src/error-codes.ts). */
  readonly code?: string;
  readonly stderr?: string;
  readonly stdout?: string;
}

const cases = JSON.parse(readFileSync('test/corpus/cases.json', 'utf8')) as Case[];

/**
 * The malformed-input corpus: every file gets its documented exit code, its registered error
 * code and a one-line message naming the file (and row/column/value where there is one), and
 * leaves no output behind.
 * The `ok-*` files are messy but valid, and must merge to the exact table shown.
 */
test('malformed-input corpus', async (t) => {
  assert.ok(cases.filter((c) => c.exit !== 0).length >= 30, 'at least 30 malformed inputs');
  const dir = tempDir();
  for (const [i, c] of cases.entries()) {
    await t.test(`${c.file} ${c.args[0]} → exit ${c.exit}`, async () => {
      const out = join(dir, `out-${i}`);
      const args = c.args.map((a) => a.replace('{file}', `test/corpus/files/${c.file}`).replace('{out}', out));
      const r = await runCli(args);
      assert.equal(r.code, c.exit, `stderr: ${r.stderr}`);
      if (c.exit !== 0) {
        const [family, name] = (c.code ?? '').split('.') as [Exclude<keyof typeof ERROR_CODES, 'signal'>, string];
        assert.ok(name !== undefined && name in (ERROR_CODES[family] ?? {}), `case ${i}: '${c.code}' is a registered code`);
        assert.equal({ input: 2, cloud: 3, limit: 4 }[family], c.exit, `the family of ${c.code} is its exit code`);
        assert.ok(r.stderr.startsWith(`forecast: [${c.code}] `), `stderr names ${c.code}: ${r.stderr}`);
      }
      if (c.stderr) {
        assert.match(r.stderr, new RegExp(c.stderr));
        assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
        assert.equal(existsSync(out), false, 'no output written');
      }
      if (c.stdout) assert.match(r.stdout, new RegExp(c.stdout));
    });
  }
});
