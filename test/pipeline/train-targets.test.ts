import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/io/logger.js';
import { train } from '../../src/model/engine.js';
import type { Frame } from '../../src/frame/frame.js';
import { trainTargets, type TrainTargetsOptions } from '../../src/pipeline/train-targets.js';
import { demoFrame } from '../model/support/demo-frame.js';

const frame = demoFrame();
const shared = { horizon: 4, levels: [0.8, 0.95], metric: 'mae' as const, folds: 8 };
const logger = createLogger({ destination: new Writable({ write: (_c, _e, cb) => cb() }), level: 'silent' });
const TARGETS = ['desempleo', 'paro', 'sepe'];
const options = (o: Partial<TrainTargetsOptions> = {}): TrainTargetsOptions => ({
  frame,
  targets: TARGETS,
  shared,
  workers: 1,
  remainingMs: () => 60_000,
  logger,
  ...o,
});

test('each target is trained as if alone (its own folds, winner and intervals), in target order, on 1 or 2 threads alike', async () => {
  const inline = await trainTargets(options());
  assert.deepEqual(
    inline.results.map((r) => r.target),
    TARGETS,
  );
  for (const r of inline.results) {
    const alone = train(frame, { ...shared, target: r.target });
    assert.deepEqual(r.trained.model, alone.model, r.target);
    assert.equal(r.fellBack, false);
  }
  const pooled = await trainTargets(options({ workers: 2 }));
  assert.deepEqual(pooled, inline, 'a pool of 2 gives the same results as the main thread');
});

test('anytime across targets: every target gets its baseline first; those the deadline leaves out keep it, flagged', async () => {
  // The clock is the test's: time runs out after the baselines and one full search.
  let left = 60_000;
  let jobs = 0;
  const { results } = await trainTargets(
    options({
      remainingMs: () => left,
      afterEach: () => {
        if (++jobs === TARGETS.length + 1) left = 0;
      },
    }),
  );
  assert.deepEqual(
    results.map((r) => [r.target, r.fellBack]),
    [
      ['desempleo', false],
      ['paro', true],
      ['sepe', true],
    ],
  );
  for (const r of results.slice(1)) {
    assert.equal(r.trained.winner, 'naive');
    assert.equal(r.trained.deadlineHit, true);
    assert.ok(r.trained.skipped.includes('combo') && !r.trained.skipped.includes('naive'), r.trained.skipped.join(';'));
    assert.equal(r.forecasts.length, 4);
    assert.equal(r.trained.history.length > 0, true, 'the baseline has its fold forecasts and intervals');
  }
});

test('a pool stops a search still running when the time is up: training never runs past the deadline', async () => {
  let baselinesDone = 0;
  const start = Date.now();
  const end = { at: Infinity };
  const { results } = await trainTargets(
    options({
      workers: 2,
      remainingMs: () => end.at - Date.now(),
      afterEach: () => {
        if (++baselinesDone === TARGETS.length) end.at = Date.now() + 30; // 30 ms for three full searches
      },
    }),
  );
  assert.ok(
    results.every((r) => r.fellBack),
    results.map((r) => `${r.target}:${r.fellBack}`).join(' '),
  );
  assert.ok(Date.now() - start < 20_000);
  assert.ok(Date.now() <= end.at + 1000, `stopped ${Date.now() - end.at} ms after the deadline`);
});

test('baselines that cannot all finish are a deadline error (no table with targets missing); no time at all is one too', async () => {
  await assert.rejects(
    trainTargets(options({ remainingMs: () => 0 })),
    (e: Error & { exitCode?: number }) => e.exitCode === 4 && /no time left for the baselines/.test(e.message),
  );
});

test('a target whose data cannot be forecast is left out and reported; if none can, the run fails naming the first', async () => {
  const short = Float64Array.from(frame.dates, (_, i) => (i >= frame.dates.length - 5 ? i : NaN));
  const withShort: Frame = { ...frame, names: [...frame.names, 'new_kw'], columns: [...frame.columns, short] };
  const { results, excluded } = await trainTargets(options({ frame: withShort, targets: ['desempleo', 'new_kw'] }));
  assert.deepEqual(
    results.map((r) => r.target),
    ['desempleo'],
  );
  assert.deepEqual(
    excluded.map((x) => x.target),
    ['new_kw'],
  );
  assert.match(excluded[0].reason, /target 'new_kw' has 5 non-missing rows/);
  const onlyShort: Frame = { ...withShort, names: [...withShort.names, 'new_kw2'], columns: [...withShort.columns, short] };
  await assert.rejects(
    trainTargets(options({ frame: onlyShort, targets: ['new_kw', 'new_kw2'] })),
    (e: Error & { exitCode?: number }) => e.exitCode === 2 && /none of the 2 targets can be forecast; the first: target 'new_kw'/.test(e.message),
  );
});
