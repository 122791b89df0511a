import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { settleAll, settleEach } from '../../src/pipeline/settle-all.js';

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
    settleAll([
      sleep(10).then(() => {
        throw new Error('first in order');
      }),
      Promise.reject(new Error('first in time')),
      slow,
    ]),
    /first in order/,
  );
  assert.equal(slowDone, true, 'the slow write finished before the error surfaced');
});

test('settleEach: at most `limit` at once, values in order, nothing new started after a failure', async () => {
  const cases: { n: number; limit: number; failAt?: number; maxStarted?: number }[] = [
    { n: 50, limit: 4 },
    { n: 3, limit: 8 },
    { n: 0, limit: 8 },
    { n: 50, limit: 4, failAt: 5, maxStarted: 6 }, // items 0…5 started; 5 fails at once
  ];
  for (const c of cases) {
    let running = 0,
      peak = 0,
      started = 0;
    const work = async (i: number) => {
      started++;
      running++;
      peak = Math.max(peak, running);
      try {
        if (i === c.failAt) throw new Error(`item ${i}`);
        await sleep(i % 3);
        return i * 10;
      } finally {
        running--;
      }
    };
    const items = Array.from({ length: c.n }, (_, i) => i);
    if (c.failAt === undefined) {
      assert.deepEqual(
        await settleEach(items, c.limit, work),
        items.map((i) => i * 10),
      );
      assert.equal(started, c.n);
    } else {
      await assert.rejects(settleEach(items, c.limit, work), new RegExp(`item ${c.failAt}`));
      assert.ok(started <= c.maxStarted!, `${started} started`);
      assert.equal(running, 0, 'nothing still running when it throws');
    }
    assert.ok(peak <= c.limit, `peak ${peak} of ${c.limit}`);
  }
});
