import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLayout } from '../../src/io/bq-layout.js';
import { schema } from '../../src/pipeline/table-schema.js';
import { TABLES, type TableDef } from '../../src/pipeline/tables.js';

const defs = Object.entries(TABLES) as [string, TableDef][];

test('every table has unique lower snake case columns, a key among them, and a layout BigQuery accepts', () => {
  for (const [name, t] of defs) {
    const names = t.columns.map((c) => c[0]);
    assert.equal(new Set(names).size, names.length, `${name}: a column twice`);
    for (const n of names) assert.match(n, /^[a-z][a-z0-9_]*$/, name);
    for (const k of t.key) assert.ok(names.includes(k), `${name}: key ${k}`);
    assert.doesNotThrow(() => checkLayout(t.layout, schema(t), name));
  }
});

test('the tables run-all publishes are clustered by target, and partitioned by run_date where they have one', () => {
  const cases: [string, string | undefined][] = [
    ['predictions', 'run_date'],
    ['weeklyScore', 'run_date'],
    ['featureRanking', undefined],
    ['removedFeatures', undefined],
    ['backtest', undefined],
  ];
  for (const [name, partition] of cases) {
    const t = TABLES[name as keyof typeof TABLES] as TableDef;
    assert.deepEqual(t.layout, { ...(partition ? { partitionBy: partition } : {}), clusterBy: ['target'] }, name);
  }
  assert.deepEqual(
    defs.filter(([, t]) => t.layout).map(([n]) => n),
    cases.map(([n]) => n),
  );
});

test('weekly_score keeps its column order (an append into an older table adds columns at the end only)', () => {
  assert.equal(
    TABLES.weeklyScore.columns.map((c) => c[0]).join(),
    [
      'run_date,model,horizon,n_train,n_features_in,n_features_selected,mae,mae_std,rmse,rmse_std,mape,mape_std,mse,mse_std',
      'explained_variance,explained_variance_std,median_ae,median_ae_std,max_error,r2,rows_removed_pct,elapsed_ms,smape,mase',
      'coverage,target,deadline_hit,skipped',
    ].join(),
  );
});
