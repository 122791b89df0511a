import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../src/error-codes.js';

const EXIT = { input: 2, cloud: 3, limit: 4, signal: { sigint: 130, sigpipe: 141, sigterm: 143 } } as const;

test('docs/cli.md lists every registered error code with its exit and meaning, and no other (scripts/error-codes-doc.ts writes it)', () => {
  const doc = readFileSync('docs/cli.md', 'utf8');
  const listed = [...doc.matchAll(/^\| `((?:input|cloud|limit|signal)\.[a-z0-9_]+)` \| (\d+) \| (.+) \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  const exitOf = (family: keyof typeof EXIT, name: string) => (family === 'signal' ? EXIT.signal[name as 'sigint'] : EXIT[family]);
  const registered = Object.entries(ERROR_CODES).flatMap(([family, codes]) =>
    Object.entries(codes).map(([name, meaning]) => `${family}.${name} ${exitOf(family as keyof typeof EXIT, name)} ${meaning}`),
  );
  assert.deepEqual(listed, registered);
});

test('every code is lower snake case', () => {
  for (const codes of Object.values(ERROR_CODES)) for (const name of Object.keys(codes)) assert.match(name, /^[a-z][a-z0-9_]*$/);
});
