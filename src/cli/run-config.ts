import type { IoContext } from '../io/context.js';
import type { PipelineConfig } from '../pipeline/config.js';
import type { RunAllOptions } from '../pipeline/run-all.js';
import type { Run } from '../pipeline/run-stages.js';
import { limitsOf, type RunOptions } from './shared-options.js';

/**
 * The options of a run of run-all, prepare or gather: the config read from `--config` with the
 * command line's overrides applied onto a copy, the deadline (`--deadline`, else the config's),
 * the out dir and the run date.
 */
export async function runOf(o: RunOptions, ctx: IoContext, now: () => number): Promise<RunAllOptions> {
  const { readConfig } = await import('../pipeline/read-config.js');
  const base = await readConfig(o.config, ctx);
  const config: PipelineConfig = {
    ...base,
    maxMemoryBytes: o.maxMemory ?? base.maxMemoryBytes,
    report: o.report === false ? false : base.report,
    limits: limitsOf(o, base.limits),
    targets: o.target ?? base.targets,
  };
  return {
    config,
    outDir: o.outDir,
    deadlineMs: o.deadline ?? config.deadlineMs,
    ctx,
    now,
    runDate: o.runDate,
  };
}

/** A run of the config with the command line's overrides, its clock started, for prepare and gather. */
export async function openConfiguredRun(o: RunOptions, ctx: IoContext, now: () => number): Promise<Run> {
  const { openRun } = await import('../pipeline/run-stages.js');
  return openRun(await runOf(o, ctx, now), { start() {}, tick() {}, done() {} });
}
