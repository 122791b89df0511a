import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../src/io/progress.js';

function sink() {
  const out: string[] = [];
  return { out, stream: { write: (s: string) => { out.push(s); return true; } } };
}

test('createProgress: writes nothing when stderr is not a TTY', () => {
  const { out, stream } = sink();
  const p = createProgress(stream, false);
  p.start('train', 3); p.tick(); p.tick(2); p.done();
  assert.deepEqual(out, []);
});

test('createProgress: on a TTY, one redrawn line with count and percent, cleared by done()', () => {
  const { out, stream } = sink();
  const p = createProgress(stream, true);
  p.start('train', 4);
  p.tick(); p.tick(0); p.tick(3); p.tick(); p.done(); p.done();
  const clear = '\r\x1b[2K';
  assert.deepEqual(out, [`${clear}train 0/4 (0 %)`, `${clear}train 1/4 (25 %)`, `${clear}train 4/4 (100 %)`, clear]);
});

test('createProgress: without a total it counts; ticks before start or after done are ignored', () => {
  const { out, stream } = sink();
  const p = createProgress(stream, true);
  p.tick();
  p.start('reading');
  p.tick(5);
  p.done();
  p.tick();
  assert.deepEqual(out.map((s) => s.replace('\r\x1b[2K', '')), ['reading 0', 'reading 5', '']);
});
