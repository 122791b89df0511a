import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeAppend } from '../../src/io/append-rows.js';

test('mergeAppend table', () => {
  const cases: { name: string; existing: string | null; incoming: string; key: string[]; want: string }[] = [
    { name: 'first write', existing: null, incoming: 'run_date,mae\n2020-01-05,1\n', key: ['run_date'], want: 'run_date,mae\n2020-01-05,1\n' },
    {
      name: 'new week appends',
      existing: 'run_date,mae\n2020-01-05,1\n',
      incoming: 'run_date,mae\n2020-01-12,2\n',
      key: ['run_date'],
      want: 'run_date,mae\n2020-01-05,1\n2020-01-12,2\n',
    },
    {
      name: 'same week replaces, no duplicate',
      existing: 'run_date,mae\n2020-01-05,1\n2020-01-12,2\n',
      incoming: 'run_date,mae\n2020-01-05,9\n',
      key: ['run_date'],
      want: 'run_date,mae\n2020-01-12,2\n2020-01-05,9\n',
    },
    {
      name: 'new column upstream: union of columns',
      existing: 'run_date,mae\n2020-01-05,1\n',
      incoming: 'run_date,mae,smape\n2020-01-12,2,0.1\n',
      key: ['run_date'],
      want: 'run_date,mae,smape\n2020-01-05,1,\n2020-01-12,2,0.1\n',
    },
    {
      name: 'compound key',
      existing: 'run_date,date,v\nw1,d1,1\nw1,d2,2\n',
      incoming: 'run_date,date,v\nw1,d2,5\n',
      key: ['run_date', 'date'],
      want: 'run_date,date,v\nw1,d1,1\nw1,d2,5\n',
    },
  ];
  for (const c of cases) assert.equal(mergeAppend(c.existing, c.incoming, c.key), c.want, c.name);
});

test('mergeAppend is idempotent: appending the same rows twice equals once', () => {
  const inc = 'run_date,mae\n2020-01-05,1\n';
  const once = mergeAppend('run_date,mae\n2019-12-29,3\n', inc, ['run_date']);
  assert.equal(mergeAppend(once, inc, ['run_date']), once);
});
