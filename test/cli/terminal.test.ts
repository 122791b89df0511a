import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../support/run-cli.js';

/**
 * What a terminal shows for a byte stream: `\r` returns to column 0, `ESC[2K` clears the line,
 * `\n` moves to a new line, and other characters overwrite from the cursor. Returns the lines,
 * and each line on which a character was written over another one (never cleared first).
 */
function render(bytes: string): { lines: string[]; overwritten: string[] } {
  const lines: string[] = [];
  const overwritten: string[] = [];
  let line: string[] = [];
  let col = 0;
  let over = false;
  const newLine = () => {
    const text = line.join('');
    lines.push(text);
    if (over) overwritten.push(text);
    line = [];
    col = 0;
    over = false;
  };
  for (let i = 0; i < bytes.length; i++) {
    if (bytes.startsWith('\x1b[2K', i)) {
      line = [];
      over = false;
      i += 3;
      continue;
    }
    const ch = bytes[i];
    if (ch === '\r') col = 0;
    else if (ch === '\n') newLine();
    else {
      over ||= line[col] !== undefined;
      line[col++] = ch;
    }
  }
  if (line.length) newLine();
  return { lines, overwritten };
}
const screen = (bytes: string): string[] => render(bytes).lines;

test('screen: overwrites, clears and new lines as a terminal does', () => {
  assert.deepEqual(screen('abc\rX\n'), ['Xbc']);
  assert.deepEqual(screen('progress 5\r\x1b[2K12:00:00 INFO done\nprogress 5'), ['12:00:00 INFO done', 'progress 5']);
  assert.deepEqual(screen('progress 5\r12:00\n'), ['12:00ess 5'], 'without the clear the progress shows through');
  assert.deepEqual(render('progress 5\r12:00\n').overwritten, ['12:00ess 5']);
  assert.deepEqual(render('progress 5\r\x1b[2K12:00\n').overwritten, []);
});

test('run-all on a pseudo-terminal: progress and log lines never overwrite each other; it ends with the readable summary', () => {
  const out = join(tempDir(), 'out');
  const cmd = `'${process.execPath}' bin/forecast run-all --config fixtures/demo/pipeline.json --out-dir '${out}' --no-report`;
  // util-linux script(1) runs the command on a pseudo-terminal, so stderr and stdout are TTYs.
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } });
  assert.equal(r.error, undefined, 'script(1) from util-linux is needed for this test');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes('\x1b[2K'), 'a progress line was drawn (stderr is a TTY)');
  const shown = screen(r.stdout.replace(/\r\n/g, '\n')).filter((l) => l.trim() !== '');
  const log = /^\d\d:\d\d:\d\d (INFO|WARNING|ERROR) /;
  const logLines = shown.filter((l) => log.test(l));
  assert.ok(logLines.some((l) => / merged /.test(l)) && logLines.some((l) => / trained /.test(l)), shown.join('\n'));
  for (const l of logLines) assert.doesNotMatch(l, /(chunks read|selecting among|writing outputs)/, `a log line mixed with progress: ${l}`);
  for (const l of shown.filter((x) => !log.test(x))) assert.doesNotMatch(l, /\d\d:\d\d:\d\d (INFO|WARNING)/, `progress mixed with a log line: ${l}`);
  assert.deepEqual(render(r.stdout.replace(/\r\n/g, '\n')).overwritten, [], 'no character is written over another one');
  // stdout is a TTY: the readable summary (cli/run-summary-text.ts) instead of the one-line JSON.
  assert.ok(!shown.some((l) => l.startsWith('{')), `the JSON summary is for pipes: ${shown.join('\n')}`);
  const at = shown.findIndex((l) => /^Run \d{4}-\d\d-\d\d: desempleo in \d+\.\d s$/.test(l));
  assert.ok(at >= 0, `a summary headed by the run: ${shown.join('\n')}`);
  const summary = shown.slice(at);
  assert.match(summary[1], /^ {2}Winner: \S+/);
  assert.match(summary[2], /^ {2}MAE [\d.]+ against naive [\d.]+: ratio \d+\.\d\d$/);
  assert.equal(summary[3], '  Forecasts (80 % interval):');
  for (const l of summary.slice(4, 8)) assert.match(l, /^ {4}\d{4}-\d\d-\d\d {2}-?[\d.]+ {2}\[-?[\d.]+, -?[\d.]+\]$/, 'four weeks, each with its interval');
  assert.equal(summary[8], `  Outputs: 10 files in ${out}`);
  assert.equal(summary.length, 9, 'the summary is the last thing shown');
});
