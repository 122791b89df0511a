import { trainKey } from './config-keys.js';
import { gather, type GatherOutcome } from './gather.js';
import { preparedMerge } from './prepared-merge.js';
import type { RunAllOptions } from './run-all.js';
import { openRun, reserveFor, trainStage } from './run-stages.js';
import { shardTargets, type ShardSpec } from './shard-spec.js';
import { shardsDir, writeShard } from './shard-store.js';
import { resolveTargets } from './target-patterns.js';

export interface ShardSummary {
  readonly runDate: string;
  readonly shard: string;
  readonly targets: number;
  readonly fellBack: number;
  readonly deadlineHit: boolean;
  readonly elapsedMs: number;
  /** What the automatic gather did (gather.ts), or `off` with --no-gather. */
  readonly gather: GatherOutcome['status'] | 'off';
  /** What the gather published, when this shard gathered. */
  readonly outputs: readonly string[];
}

/**
 * One shard of a run (`run-all --shard I/N`, or a Cloud Run job's task): the merged table built
 * once and shared (prepared-merge.ts), the targets whose stable hash falls in this shard trained
 * under this shard's deadline, its results written under `<outDir>/shards/<run_date>/`, marker
 * last; then, unless `gather` is off, the automatic gather, which publishes when this shard is
 * the last to finish. The time kept back covers that gather's outputs for every target.
 */
export async function runShard(opts: RunAllOptions & { shard: ShardSpec; gather: boolean }): Promise<ShardSummary> {
  const progress = opts.progress ?? { start() {}, tick() {}, done() {} };
  try {
    const run = openRun(opts, progress);
    const { config, deadline } = run;
    const early = reserveFor(opts.deadlineMs, config.report);
    const merged = await preparedMerge(run, early.outputs + early.report);
    const all = resolveTargets(config.targets, merged.frame.names);
    const mine = shardTargets(all, opts.shard);
    const kept = reserveFor(opts.deadlineMs, config.report, all.length);
    run.log.info({ shard: `${opts.shard.index}/${opts.shard.count}`, targets: mine.length, of: all.length }, 'shard targets');
    const trained = await trainStage(run, merged.frame, mine, kept, true);
    deadline.checkSignal('shard');
    const fellBack = trained.results.filter((r) => r.fellBack).length;
    const deadlineHit = trained.results.some((r) => r.trained.deadlineHit);
    await writeShard(
      shardsDir(run.outDir, run.runDate),
      opts.shard,
      trained,
      {
        runDate: run.runDate,
        key: trainKey(config),
        targets: mine.length,
        fellBack,
        elapsedMs: deadline.elapsedMs(),
      },
      run.ctx,
    );
    deadline.lap('shard');
    const g = opts.gather ? await gather(run, { count: opts.shard.count, auto: true }) : undefined;
    run.log.info({ shard: `${opts.shard.index}/${opts.shard.count}`, gather: g?.status ?? 'off', missing: g?.missing }, 'shard finished');
    return {
      runDate: run.runDate,
      shard: `${opts.shard.index}/${opts.shard.count}`,
      targets: mine.length,
      fellBack,
      deadlineHit,
      elapsedMs: deadline.elapsedMs(),
      gather: g?.status ?? 'off',
      outputs: g?.summary?.outputs ?? [],
    };
  } finally {
    progress.done();
  }
}
