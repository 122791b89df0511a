import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { align } from '../../src/frame/align.js';
import type { Frame } from '../../src/frame/frame.js';
import { backtest, train, predict } from '../../src/model/engine.js';
import { readSeries } from '../../src/io/source/read-series.js';
import { parseUri } from '../../src/io/uri.js';

async function demoFrame(): Promise<Frame> {
  const r = await readSeries(
    Readable.from([readFileSync('fixtures/google_trends_spain_2019_2020.csv')]),
    { uri: parseUri('demo'), format: 'long', key: 'keyword', value: 'trend_index' },
    { freq: 'W-SUN' },
  );
  return align([{ series: r.series, fill: 'ffill' }], 'W-SUN').frame;
}

/** The same frame with every value after row `t` replaced by wild numbers. */
function scrambleAfter(frame: Frame, t: number): Frame {
  return { ...frame, columns: frame.columns.map((c, j) => c.map((v, i) => (i > t ? 1000 + ((i * 7919 + j * 104729) % 997) : v))) };
}

const opts = { target: 'desempleo', horizon: 2, levels: [0.8], metric: 'mae' as const, folds: 4 };

test('no look-ahead: backtest forecasts at a cutoff do not change when every later row changes', async () => {
  const frame = await demoFrame();
  const n = frame.dates.length;
  const origins = 3;
  const first = n - opts.horizon - origins; // index of the first backtest cutoff
  const a = backtest(frame, { ...opts, origins });
  const b = backtest(scrambleAfter(frame, first), { ...opts, origins });
  const atFirst = (r: typeof a) => r.rows.filter((x) => x.cutoff === frame.dates[first]).map((x) => [x.forecast, x.lower[0], x.upper[0], x.model]);
  assert.equal(atFirst(a).length, opts.horizon);
  assert.deepEqual(atFirst(b), atFirst(a));
  // …while the scrambled future does change the later cutoffs (the check can fail).
  assert.notDeepEqual(b.rows.at(-1)!.forecast, a.rows.at(-1)!.forecast);
});

test('no look-ahead: predict forecasts from rows up to its origin only, whatever the other columns hold later', async () => {
  const frame = await demoFrame();
  const t = frame.dates.length - 10;
  const cut = (f: Frame): Frame => ({ ...f, dates: f.dates.subarray(0, t + 1), columns: f.columns.map((c) => c.subarray(0, t + 1)) });
  const { model } = train(cut(frame), opts);
  // Rows after t: the target missing (so t is the origin), every other column scrambled.
  const target = frame.names.indexOf(opts.target);
  const scrambled = scrambleAfter(frame, t);
  const masked: Frame = { ...scrambled, columns: scrambled.columns.map((c, j) => (j === target ? c.map((v, i) => (i > t ? NaN : v)) : c)) };
  assert.deepEqual(predict(model, masked), predict(model, cut(frame)));
  // …while a scrambled target after t moves the origin and the forecasts (the check can fail).
  assert.notDeepEqual(predict(model, scrambled), predict(model, cut(frame)));
});
