import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { settleAll } from '../../src/pipeline/settle-all.js';

test('settleAll keeps the given order, whatever order the work finishes in', async () => {
  assert.deepEqual(await settleAll([sleep(20).then(() => 'a'), sleep(1).then(() => 'b'), Promise.resolve('c')]), ['a', 'b', 'c']);
  assert.deepEqual(await settleAll([]), []);
});

test('settleAll reports the first failure in order, and only after everything has settled', async () => {
  let slowDone = false;
  const slow = sleep(30).then(() => {
    slowDone = true;
    return 'slow';
  });
  await assert.rejects(
    settleAll([sleep(10).then(() => { throw new Error('first in order'); }), Promise.reject(new Error('first in time')), slow]),
    /first in order/,
  );
  assert.equal(slowDone, true, 'the slow write finished before the error surfaced');
});
