import { createHash } from 'node:crypto';
import { inputError } from '../errors.js';

/** Shard `index` of `count` (0-based, as Cloud Run numbers a job's tasks). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** The most shards a run may be split into (Cloud Run jobs run at most 10,000 tasks). */
export const MAX_SHARDS = 10_000;

/** `--shard 3/8` → shard 3 of 8 (0 … 7). */
export function parseShard(text: string, what = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  return checkShard(m ? { index: Number(m[1]), count: Number(m[2]) } : undefined, text, what);
}

/** The shard of a Cloud Run job's task (settings.ts: CLOUD_RUN_TASK_INDEX of CLOUD_RUN_TASK_COUNT), when it runs in one. */
export function shardOfTask(task: ShardSpec | undefined): ShardSpec | undefined {
  return task && checkShard(task, `${task.index}/${task.count}`, 'CLOUD_RUN_TASK_INDEX/CLOUD_RUN_TASK_COUNT');
}

function checkShard(spec: ShardSpec | undefined, text: string, what: string): ShardSpec {
  if (!spec || spec.count < 1 || spec.count > MAX_SHARDS || spec.index >= spec.count) {
    throw inputError('bad_option', `${what} '${text}' must be INDEX/COUNT with 0 <= INDEX < COUNT <= ${MAX_SHARDS}, e.g. 0/8 … 7/8`);
  }
  return spec;
}

/**
 * The shard a target belongs to: the first 4 bytes of the SHA-256 of its name (UTF-8), as an
 * unsigned big-endian number, modulo `count`. The same on every machine, whatever the other
 * targets: adding a keyword never moves another one.
 */
export function shardOf(target: string, count: number): number {
  return createHash('sha256').update(target, 'utf8').digest().readUInt32BE(0) % count;
}

/** The targets of one shard, in the order given. */
export function shardTargets(targets: readonly string[], spec: ShardSpec): string[] {
  return targets.filter((t) => shardOf(t, spec.count) === spec.index);
}

/** `shard-3-of-8`: a shard's folder under the run date's `shards/` folder. */
export function shardName(spec: ShardSpec): string {
  return `shard-${spec.index}-of-${spec.count}`;
}
