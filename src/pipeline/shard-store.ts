import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import { readBytesIfAny } from '../io/read-bytes.js';
import { childUri, subFolder, type Folder } from '../io/uri.js';
import { writeBytes } from '../io/write-table.js';
import { shardName, type ShardSpec } from './shard-spec.js';
import type { TargetResult } from './train-targets.js';

/**
 * The files of a sharded run, under `<outDir>/shards/<run_date>/`:
 * - `merged.frame`: the merged table, built once (frame-file.ts);
 * - `shard-I-of-N/part.v8`: what shard I trained (its targets' results), then
 *   `shard-I-of-N/done.json`, written last, with the part's SHA-256: a shard is done when its
 *   marker is there and its part matches it;
 * - `prepare/`, `gather/`: the locks that let one shard merge and one shard gather;
 * - `gathered.json`: the fingerprint of the shards the last gather published.
 * A shard run again rewrites its own folder only, so it can neither duplicate nor lose another
 * shard's rows.
 */
export function shardsDir(outDir: Folder, runDate: string): Folder {
  return subFolder(outDir, `shards/${runDate}`);
}

export const FRAME_FILE = 'merged.frame';
export const GATHERED_FILE = 'gathered.json';

/** What a shard trained: v8-serialised, so numbers (NaN included) and typed arrays come back exactly. */
export interface ShardPart {
  readonly results: readonly TargetResult[];
  readonly excluded: readonly { readonly target: string; readonly reason: string }[];
}

/** A shard's marker: written after its part, the part's checksum in it. */
export interface ShardDone {
  readonly format: 'forecast-shard';
  readonly version: 1;
  readonly runDate: string;
  readonly shard: number;
  readonly of: number;
  /** config-keys.ts trainKey: every shard of one gather must share it. */
  readonly key: string;
  /** Of the part's bytes: the marker matches its part. */
  readonly sha256: string;
  /**
   * Of the part's content (canonical JSON, non-finite numbers spelled out): equal results give
   * equal fingerprints even when V8 lays the same numbers out differently (a small integer or a
   * heap double), so running a finished shard again with the same results is not gathered twice.
   */
  readonly contentSha256: string;
  readonly targets: number;
  readonly fellBack: number;
  readonly elapsedMs: number;
}

/** Write a shard's part, then its marker (the marker last: a shard killed before it is not done). */
export async function writeShard(
  dir: Folder,
  spec: ShardSpec,
  part: ShardPart,
  done: Omit<ShardDone, 'format' | 'version' | 'sha256' | 'contentSha256' | 'shard' | 'of'>,
  ctx: IoContext,
): Promise<ShardDone> {
  const folder = subFolder(dir, shardName(spec));
  const bytes = serialize(part);
  const marker: ShardDone = {
    format: 'forecast-shard',
    version: 1,
    ...done,
    shard: spec.index,
    of: spec.count,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentSha256: createHash('sha256')
      .update(JSON.stringify(part, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)))
      .digest('hex'),
  };
  await writeBytes(childUri(folder, 'part.v8'), bytes, ctx, 'application/octet-stream');
  await writeBytes(childUri(folder, 'done.json'), JSON.stringify(marker, null, 1) + '\n', ctx, 'application/json');
  return marker;
}

/** A shard's marker, or null while it has none. */
export async function readDone(dir: Folder, spec: ShardSpec, ctx: IoContext): Promise<ShardDone | null> {
  const uri = childUri(subFolder(dir, shardName(spec)), 'done.json');
  const got = await readBytesIfAny(uri, ctx);
  if (!got) return null;
  try {
    const d = JSON.parse(got.data.toString('utf8')) as ShardDone;
    if (d.format === 'forecast-shard' && d.version === 1 && d.shard === spec.index && d.of === spec.count) return d;
  } catch {
    // reported below
  }
  throw inputError('bad_shard', `${uri.text} is not the marker of shard ${spec.index}/${spec.count}; remove the shard's folder and run the shard again`);
}

/** A shard's part, checked against its marker; null when it no longer matches (the shard is being run again). */
export async function readPart(dir: Folder, done: ShardDone, ctx: IoContext): Promise<ShardPart | null> {
  const got = await readBytesIfAny(childUri(subFolder(dir, shardName({ index: done.shard, count: done.of })), 'part.v8'), ctx);
  if (!got || createHash('sha256').update(got.data).digest('hex') !== done.sha256) return null;
  return deserialize(got.data) as ShardPart;
}

/** The fingerprint of a set of shard markers: what one gather publishes. */
export function fingerprint(dones: readonly ShardDone[]): string {
  return createHash('sha256')
    .update(JSON.stringify(dones.map((d) => [d.shard, d.of, d.key, d.contentSha256])))
    .digest('hex')
    .slice(0, 32);
}

export async function readGathered(dir: Folder, ctx: IoContext): Promise<{ fingerprint: string } | null> {
  const got = await readBytesIfAny(childUri(dir, GATHERED_FILE), ctx);
  if (!got) return null;
  try {
    return JSON.parse(got.data.toString('utf8')) as { fingerprint: string };
  } catch {
    return null;
  }
}

export async function writeGathered(
  dir: Folder,
  value: { fingerprint: string; runDate: string; shards: number; outputs: string[] },
  ctx: IoContext,
): Promise<void> {
  await writeBytes(childUri(dir, GATHERED_FILE), JSON.stringify(value, null, 1) + '\n', ctx, 'application/json');
}
