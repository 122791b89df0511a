import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, simCases } from './support/simulated.js';

// Generality check on seeded simulated series (support/simulated.ts prints the table): the
// engine's rolling-origin backtest must not lose to naive (2 % slack where naive is optimal)
// and its 80 % intervals must cover between 65 % and 95 % of the actuals.
for (const c of simCases()) {
  test(`simulated: ${c.name}`, () => {
    const r = runCase(c);
    const mae = r.metrics.mae.mean;
    const limit = (c.naiveOptimal ? 1.02 : 1) * r.naiveMae;
    assert.ok(mae <= limit, `MAE ${mae.toFixed(3)} vs naive ${r.naiveMae.toFixed(3)}`);
    assert.ok(r.coverage[0] >= 0.65 && r.coverage[0] <= 0.95, `coverage80 ${r.coverage[0]}`);
  });
}
