import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsError } from '../io/fs-error.js';
import type { IoContext } from '../io/context.js';
import { readText } from '../io/read-text.js';
import { parseUri } from '../io/uri.js';
import { loadConfig, targetsOption, type PipelineConfig } from './config.js';
import { parseBytes, parseDuration } from '../units.js';
import { runAll, type RunSummary } from './run-all.js';
import { csvLimits, type CsvLimitOptions } from './csv-limits.js';
import type { Progress } from '../io/progress.js';
import { parseShard, shardOfTask } from './shard-spec.js';
import type { ShardSummary } from './run-shard.js';

/** Load a config from a local path, a gs:// URI, or inline JSON (text starting with `{`). */
export async function readConfig(ref: string, ctx: IoContext): Promise<PipelineConfig> {
  if (ref.trim().startsWith('{')) return loadConfig(ref, 'inline config');
  const uri = parseUri(ref, '--config');
  if (uri.kind === 'file') {
    let text: string;
    try {
      text = await readFile(uri.path, 'utf8');
    } catch (e) {
      throw fsError(e, `config ${ref}`);
    }
    return loadConfig(text, ref, dirname(uri.path));
  }
  return loadConfig(await readText(uri, ctx), ref);
}

export interface RunAllCliOptions extends CsvLimitOptions {
  readonly config: string;
  readonly outDir?: string;
  readonly deadline?: string;
  readonly maxMemory?: string;
  readonly runDate?: string;
  readonly report?: boolean;
  /** Overrides the config's target(s): names, `*` or globs, comma-separated. */
  readonly target?: string;
  readonly workers?: number;
  /** `I/N`: run shard I of N (else CLOUD_RUN_TASK_INDEX/COUNT when set). */
  readonly shard?: string;
  /** false: a shard does not gather even when it is the last (--no-gather). */
  readonly gather?: boolean;
}

/**
 * `forecast run-all`: the whole weekly run, as the Cloud Function does it; with `--shard I/N`
 * (or in a Cloud Run job's task) one shard of it (run-shard.ts).
 */
export async function runAllCli(o: RunAllCliOptions, ctx: IoContext, now: () => number, progress?: Progress): Promise<RunSummary | ShardSummary> {
  const { config, deadlineMs } = await runConfig(o, ctx);
  const shard = o.shard !== undefined ? parseShard(o.shard) : shardOfTask(ctx.settings.cloudRunTask);
  const run = { config, outDir: o.outDir, deadlineMs, runDate: o.runDate, ctx, now, progress, workers: o.workers };
  if (shard) {
    const { runShard } = await import('./run-shard.js');
    return runShard({ ...run, shard, gather: o.gather !== false });
  }
  return runAll(run);
}

/** The config with the command line's overrides, and the run's deadline. */
export async function runConfig(o: RunAllCliOptions, ctx: IoContext): Promise<{ config: PipelineConfig; deadlineMs: number }> {
  const base = await readConfig(o.config, ctx);
  const config: PipelineConfig = {
    ...base,
    maxMemoryBytes: o.maxMemory ? parseBytes(o.maxMemory, '--max-memory') : base.maxMemoryBytes,
    report: o.report === false ? false : base.report,
    limits: csvLimits(o, base.limits),
    targets: targetsOption(o.target, base.targets),
  };
  const deadlineMs = o.deadline ? parseDuration(o.deadline, '--deadline') : config.deadlineMs;
  return { config, deadlineMs };
}
