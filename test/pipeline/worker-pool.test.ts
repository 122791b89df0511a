import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameOf, shareFrame } from '../../src/pipeline/shared-frame.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import { demoFrame } from '../model/support/demo-frame.js';

const frame = demoFrame();
const shared = { horizon: 4, levels: [0.8], metric: 'mae' as const, folds: 8 };

test('a shared frame reads back as the same frame, without copies per reader', () => {
  const s = shareFrame(frame);
  const back = frameOf(s);
  assert.deepEqual(back, { ...frame, names: [...frame.names] });
  assert.equal(back.columns[1].buffer, back.columns[0].buffer, 'one buffer for every column');
});

test('a job past its hard limit is stopped (its worker terminated and replaced); the next job runs', async () => {
  const pool = new WorkerPool({ frame: shareFrame(frame), shared, where: 't' }, 1);
  try {
    const t0 = Date.now();
    // 30 backtest origins: a whole selection per origin, seconds of work, and no budget of its own.
    const stopped = await pool.run({ kind: 'backtest', target: 'desempleo', origins: 30 }, 200);
    assert.equal(stopped, 'stopped');
    assert.ok(Date.now() - t0 < 5000, `stopped after ${Date.now() - t0} ms`);
    const next = await pool.run({ kind: 'train', target: 'paro', tier: 'baseline' });
    assert.ok(next !== 'stopped' && next.ok, JSON.stringify(next).slice(0, 200));
  } finally {
    await pool.close();
  }
});

test('a failed job is an outcome carrying the error code and exit code, not a crash', async () => {
  const pool = new WorkerPool({ frame: shareFrame(frame), shared, where: 't.csv' }, 2);
  try {
    const r = await pool.run({ kind: 'train', target: 'no_such_column', tier: 'full' });
    assert.ok(r !== 'stopped' && !r.ok);
    assert.deepEqual([r.error.code, r.error.exitCode], ['input.column_missing', 2]);
  } finally {
    await pool.close();
  }
});
