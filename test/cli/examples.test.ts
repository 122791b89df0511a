import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { EXAMPLES } from '../../src/cli/examples.js';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from '../support/run-cli.js';

const sink = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
const program = buildProgram({ argv: [], stdout: sink, stderr: sink, stdin: process.stdin, env: {}, now: () => 0 } as never);

/** The words of a shell line, with '…' and "…" quoting; pipes and redirections end the command. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|([^\s'"|>]+)|([|>])/g)) {
    if (m[4]) break;
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

const longFlags = (c: Command) => c.options.map((o) => o.long).filter((l): l is string => Boolean(l));

test('every subcommand ends its --help with two or three examples (predict: one suffices)', () => {
  for (const cmd of program.commands) {
    const n = (EXAMPLES[cmd.name()] ?? []).length;
    assert.ok(n >= 1 && n <= 3, `${cmd.name()}: ${n} examples`);
  }
});

test('every example names a real subcommand and only options it has', () => {
  for (const [name, lines] of Object.entries(EXAMPLES)) {
    for (const line of lines) {
      const w = words(line);
      assert.equal(w[0], 'forecast', line);
      const cmd = program.commands.find((c) => c.name() === w[1]);
      assert.ok(cmd, `${line}: no subcommand ${w[1]}`);
      if (name !== 'forecast') assert.equal(cmd.name(), name, line);
      const known = new Set([...longFlags(cmd), ...longFlags(program), '--help']);
      for (const flag of w.filter((x) => x.startsWith('--'))) assert.ok(known.has(flag.split('=')[0]), `${line}: ${cmd.name()} has no ${flag}`);
    }
  }
});

test('--help prints the examples', async () => {
  const r = await runCli(['run-all', '--help']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\nExamples:\n {2}\$ forecast run-all --config fixtures\/demo\/pipeline\.json --out-dir out\n/);
});
