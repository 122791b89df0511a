import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs, { mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { acquireRunLock } from '../../src/io/run-lock.js';
import { cloudContext } from '../support/cloud-context.js';
import { localContext } from '../support/local-context.js';
import { parseFolder } from '../../src/io/uri.js';

/**
 * The out-dir lock (issue 15, defects 2 and 3): created whole, taken over only by compare-and-swap
 * on what was read, always expiring, and free at once when its process is gone.
 */
const dir = () => mkdtempSync(join(tmpdir(), 'forecast-lock-'));
const lockBody = (o: Record<string, unknown>) => JSON.stringify({ owner: 'someone', runDate: '2020-05-24', expiresAt: Date.now() + 60_000, ...o });
const take = (d: string, expiresAt = Date.now() + 60_000) => acquireRunLock(parseFolder(d), localContext(), { runDate: '2020-05-24', expiresAt });
const locked = (e: unknown) => (e as { code?: string }).code === 'cloud.locked';
/** This machine as a lock records it: host name and kernel boot id. */
const here = { host: hostname(), boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() };
/** A pid that was just used and is free again. */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

describe('local lock', () => {
  test('an empty lock (a run between creating and writing it, as older versions did) is held, not stale', async () => {
    const d = dir();
    writeFileSync(join(d, '.forecast.lock'), '');
    await assert.rejects(take(d), locked);
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(join(d, '.forecast.lock'), old, old);
    await (
      await take(d)
    )();
  });

  test('the lock holds its owner from the moment it exists, and expires within a bound whatever the deadline', async () => {
    const d = dir();
    const release = await take(d, Infinity);
    const body = JSON.parse(readFileSync(join(d, '.forecast.lock'), 'utf8'));
    assert.equal(typeof body.owner, 'string');
    assert.ok(Number.isFinite(body.expiresAt) && body.expiresAt <= Date.now() + 11 * 60_000, `expiresAt ${body.expiresAt}`);
    await release();
    assert.deepEqual(readdirSync(d), [], 'released, no temp left');
  });

  test('a takeover that lands between our read of a stale lock and our replace wins: we back off', async () => {
    const d = dir();
    const lock = join(d, '.forecast.lock');
    writeFileSync(lock, lockBody({ expiresAt: Date.now() - 1 }));
    const original = fs.promises.readFile;
    let theirs: Promise<() => Promise<void>> | undefined;
    // The first read of the lock is followed, before its answer arrives, by another run's whole takeover.
    fs.promises.readFile = (async (p: fs.PathLike, o?: never) => {
      const data = await original(p, o);
      if (String(p) === lock && !theirs) {
        fs.promises.readFile = original;
        syncBuiltinESMExports();
        theirs = acquireRunLock(parseFolder(d), localContext(), { runDate: '2020-05-31', expiresAt: Date.now() + 60_000 });
        await theirs;
      }
      return data;
    }) as typeof original;
    syncBuiltinESMExports();
    try {
      await assert.rejects(take(d), locked);
    } finally {
      fs.promises.readFile = original;
      syncBuiltinESMExports();
    }
    assert.equal(JSON.parse(readFileSync(lock, 'utf8')).runDate, '2020-05-31', 'their lock stays');
  });

  test('contenders for a stale lock: exactly one holds it, every time', async () => {
    for (let trial = 0; trial < 40; trial++) {
      const d = dir();
      writeFileSync(join(d, '.forecast.lock'), lockBody({ expiresAt: Date.now() - 1 }));
      const r = await Promise.allSettled([0, 1, 2, 3].map(() => take(d)));
      assert.equal(r.filter((x) => x.status === 'fulfilled').length, 1, `trial ${trial}`);
      for (const x of r) if (x.status === 'rejected') assert.ok(locked(x.reason), String(x.reason));
    }
  });

  const cases: { name: string; body: Record<string, unknown>; free: boolean }[] = [
    { name: 'its process is gone on this machine', body: { ...here, pid: deadPid() }, free: true },
    { name: 'its pid now belongs to a later process', body: { ...here, pid: process.pid, pidStart: '1' }, free: true },
    { name: 'its process is alive', body: { ...here, pid: process.pid }, free: false },
    { name: 'it was taken on another machine', body: { host: 'elsewhere', boot: here.boot, pid: deadPid() }, free: false },
  ];
  for (const c of cases) {
    test(`an unexpired lock is ${c.free ? 'taken over at once' : 'held'} when ${c.name}`, async () => {
      const d = dir();
      writeFileSync(join(d, '.forecast.lock'), lockBody(c.body));
      if (c.free) await (await take(d))();
      else await assert.rejects(take(d), locked);
    });
  }
});

describe('gs:// lock', () => {
  let d: CloudDoubles;
  before(async () => {
    d = await startCloudDoubles();
    d.gcs.ensureBucket('lock-out');
  });
  after(() => d.close());
  const ctx = () => cloudContext({ FORECAST_GCS_ENDPOINT: d.gcsEndpoint });

  test('release deletes the lock with a generation precondition: a lock taken over meanwhile survives', async () => {
    const c = ctx();
    const release = await acquireRunLock(parseFolder('gs://lock-out/weekly'), c, { runDate: '2020-05-24', expiresAt: Date.now() + 60_000 });
    assert.ok(d.gcs.find('lock-out', 'weekly/.forecast.lock'));
    // The delete is held up; meanwhile another run (whose clock says ours expired) takes the lock over.
    d.faults.add({ method: 'DELETE', pathRegex: '\\.forecast\\.lock', mode: 'slow', delayMs: 500, count: 1 });
    const releasing = release();
    while (d.faults.list().length > 0) await new Promise((r) => setTimeout(r, 2)); // the delete has arrived
    const theirs = Buffer.from(lockBody({ owner: 'another-run' }));
    d.gcs.put('lock-out', 'weekly/.forecast.lock', theirs, { contentType: 'application/json' });
    await releasing;
    assert.deepEqual(d.gcs.find('lock-out', 'weekly/.forecast.lock')?.data, theirs, "the other run's lock is still there");
    assert.ok(
      c.lines.some((l) => /could not release the output lock/.test(String(l.message))),
      'the failed release was logged',
    );
    const again = await acquireRunLock(parseFolder('gs://lock-out/mine'), c, { runDate: '2020-05-24', expiresAt: Date.now() + 60_000 });
    await again();
    assert.equal(d.gcs.find('lock-out', 'mine/.forecast.lock'), undefined, 'an untouched lock is released');
  });

  test('a huge deadline still gives a lock that expires', async () => {
    const release = await acquireRunLock(parseFolder('gs://lock-out/huge'), ctx(), { runDate: '2020-05-24', expiresAt: Infinity });
    const body = JSON.parse(d.gcs.find('lock-out', 'huge/.forecast.lock')!.data.toString());
    assert.ok(Number.isFinite(body.expiresAt), `expiresAt ${body.expiresAt}`);
    await release();
  });

  test('a lock whose process is gone on this machine is taken over at once; an alive one is held', async () => {
    d.gcs.put('lock-out', 'dead/.forecast.lock', Buffer.from(lockBody({ ...here, pid: deadPid() })), {});
    await (
      await acquireRunLock(parseFolder('gs://lock-out/dead'), ctx(), { runDate: '2020-05-24', expiresAt: Date.now() + 60_000 })
    )();
    d.gcs.put('lock-out', 'alive/.forecast.lock', Buffer.from(lockBody({ ...here, pid: process.pid })), {});
    await assert.rejects(acquireRunLock(parseFolder('gs://lock-out/alive'), ctx(), { runDate: '2020-05-24', expiresAt: Date.now() + 60_000 }), locked);
  });
});
