import type { IoContext } from '../io/context.js';
import { joinUri } from '../io/uri.js';
import { gather, type GatherOutcome } from './gather.js';
import { preparedMerge } from './prepared-merge.js';
import { runConfig, type RunAllCliOptions } from './run-all-cli.js';
import { openRun, reserveFor, type Run } from './run-stages.js';
import { FRAME_FILE, shardsDir } from './shard-store.js';

/** A run of the config with the command line's overrides, for prepare and gather. */
async function open(o: RunAllCliOptions, ctx: IoContext, now: () => number): Promise<Run> {
  const { config, deadlineMs } = await runConfig(o, ctx);
  return openRun({ config, outDir: o.outDir, deadlineMs, runDate: o.runDate, ctx, now }, { start() {}, tick() {}, done() {} });
}

/**
 * `forecast prepare`: read and merge the sources once for a sharded run, into
 * `<outDir>/shards/<run_date>/merged.frame`, before the shards start; kept when it is already
 * there, unless `force`.
 */
export async function prepareCli(o: RunAllCliOptions & { force?: boolean }, ctx: IoContext, now: () => number) {
  const run = await open(o, ctx, now);
  const early = reserveFor(run.opts.deadlineMs, false);
  const m = await preparedMerge(run, early.outputs, { force: o.force });
  return {
    runDate: run.runDate, frame: joinUri(shardsDir(run.outDir, run.runDate), FRAME_FILE), built: m.built,
    rows: m.frame.dates.length, columns: m.frame.names.length, elapsedMs: run.deadline.elapsedMs(),
  };
}

/** `forecast gather`: publish a sharded run once every shard is done (`shards`: their count, else found). */
export async function gatherCli(o: RunAllCliOptions & { shards?: number }, ctx: IoContext, now: () => number): Promise<{ runDate: string } & GatherOutcome> {
  const run = await open(o, ctx, now);
  const g = await gather(run, { count: o.shards, auto: false });
  return { runDate: run.runDate, ...g };
}
