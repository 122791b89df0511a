import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStale, parseLockBody, UNREADABLE_LOCK_MS, type LockBody, type Liveness } from '../../src/io/lock-owner.js';

/** When a lock stops protecting a publish: hand-built cases, a fixed clock and machine. */
const now = 1_000_000;
const live: Liveness = { host: 'h1', boot: 'b1', alive: (pid) => pid === 7 };
const body = (o: Partial<LockBody>): LockBody => ({ owner: 'o', runDate: '2020-05-24', expiresAt: now + 1, host: 'h1', boot: 'b1', pid: 7, ...o });

const cases: { name: string; b: LockBody | null; writtenAt?: number; stale: boolean }[] = [
  { name: 'unexpired, alive here', b: body({}), stale: false },
  { name: 'expired', b: body({ expiresAt: now }), stale: true },
  { name: 'process gone here', b: body({ pid: 8 }), stale: true },
  { name: 'process gone, other host', b: body({ pid: 8, host: 'h2' }), stale: false },
  { name: 'process gone, other boot', b: body({ pid: 8, boot: 'b2' }), stale: false },
  { name: 'process gone, no boot id recorded', b: body({ pid: 8, boot: undefined }), stale: false },
  { name: 'unreadable, just written', b: null, writtenAt: now - 1, stale: false },
  { name: 'unreadable, long ago', b: null, writtenAt: now - UNREADABLE_LOCK_MS - 1, stale: true },
];
for (const c of cases) {
  test(`isStale: ${c.name} → ${c.stale}`, () => assert.equal(isStale(c.b, c.writtenAt ?? now, now, live), c.stale));
}

test('parseLockBody: a body needs an owner and a finite expiry (JSON has no Infinity: null is not one)', () => {
  assert.equal(parseLockBody(Buffer.from('')), null);
  assert.equal(parseLockBody(Buffer.from('{"owner":"a","expiresAt":null}')), null);
  assert.equal(parseLockBody(Buffer.from('{"expiresAt":5}')), null);
  assert.equal(parseLockBody(Buffer.from('{"owner":"a","runDate":"x","expiresAt":5}'))?.expiresAt, 5);
});
