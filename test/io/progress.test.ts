import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../src/io/progress.js';

function sink() {
  const out: string[] = [];
  return {
    out,
    stream: {
      write: (s: string) => {
        out.push(s);
        return true;
      },
    },
  };
}

test('createProgress: writes nothing when stderr is not a TTY', () => {
  const { out, stream } = sink();
  const p = createProgress(stream, false);
  p.start('train', 3);
  p.tick();
  p.tick(2);
  p.done();
  assert.deepEqual(out, []);
});

test('createProgress: on a TTY, one redrawn line with count and percent, cleared by done()', () => {
  const { out, stream } = sink();
  const p = createProgress(stream, true);
  p.start('train', 4);
  p.tick();
  p.tick(0);
  p.tick(3);
  p.tick();
  p.done();
  p.done();
  const clear = '\r\x1b[2K';
  assert.deepEqual(out, [`${clear}train 0/4 (0 %)`, `${clear}train 1/4 (25 %)`, `${clear}train 4/4 (100 %)`, clear]);
});

test('createProgress: without a total it shows the label, then counts; ticks before start or after done are ignored', () => {
  const { out, stream } = sink();
  const p = createProgress(stream, true);
  p.tick();
  p.start('reading');
  p.tick(5);
  p.done();
  p.tick();
  assert.deepEqual(
    out.map((s) => s.replace('\r\x1b[2K', '')),
    ['reading', 'reading 5', ''],
  );
});

test('a log line on the same terminal clears the progress line first and draws it again after', async () => {
  const { createLogger } = await import('../../src/io/logger.js');
  const { out, stream } = sink();
  const p = createProgress(stream, true);
  const log = createLogger({ destination: stream as unknown as NodeJS.WritableStream, pretty: true });
  p.start('merge: chunks read');
  p.tick(500);
  log.info('merged');
  p.done();
  log.info('published');
  const clear = '\r\x1b[2K';
  assert.equal(out[2].startsWith(clear), true, 'the progress line is cleared before the log line');
  assert.match(out[2].slice(clear.length), /^\d\d:\d\d:\d\d INFO {4}merged\nmerge: chunks read 500$/);
  assert.match(out[4], /^\d\d:\d\d:\d\d INFO {4}published\n$/, 'after done() nothing is redrawn');
  // What a terminal shows: every line whole, never `merge: chunks read 500:06:00 INFO …`.
  const screen = out
    .join('')
    .split('\n')
    .map((l) => l.split('\r\x1b[2K').at(-1));
  assert.ok(
    screen.every((l) => !/read \d+\d\d:/.test(l ?? '')),
    screen.join(' | '),
  );
});
