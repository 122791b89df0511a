import { inputError, isForecastError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import { listDir } from '../io/durable-file.js';
import { readBytesIfAny } from '../io/read-bytes.js';
import { acquireRunLock } from '../io/run-lock.js';
import { childUri, subFolder, type Folder } from '../io/uri.js';
import { trainKey } from './config-keys.js';
import { decodeFrameFile } from './frame-file.js';
import type { RunSummary } from './run-all.js';
import { publishStage, reserveFor, type Run } from './run-stages.js';
import { FRAME_FILE, fingerprint, readDone, readGathered, readPart, shardsDir, writeGathered, type ShardDone } from './shard-store.js';
import { compareNames } from './target-patterns.js';

/**
 * What a gather did: `published` the shards' results; `already` found this very set of shards
 * published; `waiting` for shards not done yet (or being run again); `busy`: another shard is
 * gathering.
 */
export interface GatherOutcome {
  readonly status: 'published' | 'already' | 'waiting' | 'busy';
  readonly fingerprint?: string;
  readonly missing?: readonly number[];
  readonly summary?: RunSummary;
}

/**
 * Combine a sharded run and publish it once, as a single process would (run-stages.ts
 * publishStage: the same tables in target order, the same transaction, the same partition
 * replace per run_date). Automatically (`auto`, the last shard to finish) it gathers only when
 * every shard's marker is there, only if that set of markers was not gathered yet, and only
 * under the `gather/` lock, taken with a generation precondition, so two shards finishing
 * together publish once. A shard run again changes its marker's checksum (when its results
 * change), and the set is gathered again: the partition replace leaves no duplicate.
 * By hand (`forecast gather`) it publishes whatever was gathered before, or says which shards
 * are missing.
 */
export async function gather(run: Run, o: { count?: number; auto: boolean }): Promise<GatherOutcome> {
  const { ctx } = run;
  const dir = shardsDir(run.outDir, run.runDate);
  const count = o.count ?? (await shardCount(dir, ctx));
  const dones = await Promise.all(Array.from({ length: count }, (_, index) => readDone(dir, { index, count }, ctx)));
  const missing = dones.flatMap((d, i) => (d ? [] : [i]));
  if (missing.length > 0) {
    if (o.auto) return { status: 'waiting', missing };
    throw inputError(
      'shards_missing',
      `${dir.text}: shards ${missing.join(', ')} of ${count} have not finished; run them (forecast run-all --shard I/${count}) and gather again`,
    );
  }
  const done = dones as ShardDone[];
  // Shards of another config (changed between runs of one run date) wait to be run again with this one.
  const key = trainKey(run.config);
  const stale = done.filter((d) => d.key !== key).map((d) => d.shard);
  if (stale.length > 0) {
    if (o.auto) return { status: 'waiting', missing: stale };
    throw inputError(
      'bad_shard',
      `${dir.text}: shard ${stale[0]}/${count} was run with another config (sources, targets or engine options); run it again with this one`,
    );
  }
  const fp = fingerprint(done);
  if (o.auto && (await readGathered(dir, ctx))?.fingerprint === fp) return { status: 'already', fingerprint: fp };
  const release = await acquireRunLock(
    subFolder(dir, 'gather'),
    ctx,
    { runDate: run.runDate, expiresAt: run.now() + run.deadline.remainingMs() },
    run.now,
    run.opts.liveness,
  ).catch((e: unknown) => {
    if (o.auto && isForecastError(e) && e.code === 'cloud.locked') return undefined;
    throw e;
  });
  if (!release) return { status: 'busy', fingerprint: fp };
  try {
    if (o.auto && (await readGathered(dir, ctx))?.fingerprint === fp) return { status: 'already', fingerprint: fp };
    const frameUri = childUri(dir, FRAME_FILE);
    const frameBytes = await readBytesIfAny(frameUri, ctx);
    if (!frameBytes) throw inputError('bad_shard', `${frameUri.text} is gone; run the shards again`);
    const merged = decodeFrameFile(frameBytes.data, frameUri.text);
    const parts = await Promise.all(done.map((d) => readPart(dir, d, ctx)));
    const changed = parts.findIndex((p) => p === null);
    if (changed >= 0) {
      if (o.auto) return { status: 'waiting', missing: [changed] };
      throw inputError('bad_shard', `${dir.text}: shard ${changed}/${count} changed since its marker (it is being run again); gather when it is done`);
    }
    const byTarget = <T extends { target: string }>(xs: T[]) => xs.sort((a, b) => compareNames(a.target, b.target));
    const results = byTarget(parts.flatMap((p) => [...p!.results]));
    const excluded = byTarget(parts.flatMap((p) => [...p!.excluded]));
    if (results.length === 0) throw inputError('no_target', `none of the targets of ${dir.text} can be forecast; the first: ${excluded[0]?.reason}`);
    run.deadline.lap('gather');
    const kept = reserveFor(run.opts.deadlineMs, run.config.report, results.length);
    const summary = await publishStage(run, merged, { results, excluded }, kept, {
      manifest: { shards: count, shardsFingerprint: fp },
      elapsedMs: Math.max(...done.map((d) => d.elapsedMs)),
    });
    await writeGathered(dir, { fingerprint: fp, runDate: run.runDate, shards: count, outputs: summary.outputs }, ctx);
    return { status: 'published', fingerprint: fp, summary };
  } finally {
    await release();
  }
}

const SHARD_FOLDER = /^shard-(\d+)-of-(\d+)$/;

/** The shard count of the run date's shards (from their folders); several counts, or none, is an error. */
async function shardCount(dir: Folder, ctx: IoContext): Promise<number> {
  let names: string[];
  if (dir.kind === 'gs') {
    const { listGcsObjects } = await import('../io/gcs.js');
    names = (await listGcsObjects(dir.bucket, dir.prefix, ctx)).map((n) => n.slice(dir.prefix.length).split('/')[0]);
  } else {
    names = await listDir(dir.path);
  }
  const counts = [...new Set(names.flatMap((n) => SHARD_FOLDER.exec(n)?.[2] ?? []))].map(Number).sort((a, b) => a - b);
  if (counts.length === 1) return counts[0];
  throw inputError(
    'shards_missing',
    counts.length === 0
      ? `${dir.text} holds no shard: run forecast run-all --shard I/N first`
      : `${dir.text} holds shards of several counts (${counts.join(', ')}); pass --shards N`,
  );
}
