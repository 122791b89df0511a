import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsError } from '../io/fs-error.js';
import type { IoContext } from '../io/context.js';
import { readText } from '../io/read-text.js';
import { parseUri } from '../io/uri.js';
import { loadConfig, targetsOption, type PipelineConfig } from './config.js';
import { parseBytes, parseDuration } from './duration.js';
import { runAll, type RunSummary } from './run-all.js';
import { csvLimits, type CsvLimitOptions } from './csv-limits.js';
import type { Progress } from '../io/progress.js';

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
}

/** `forecast run-all`: the whole weekly run, as the Cloud Function does it. */
export async function runAllCli(o: RunAllCliOptions, ctx: IoContext, now: () => number, progress?: Progress): Promise<RunSummary> {
  const base = await readConfig(o.config, ctx);
  const config: PipelineConfig = {
    ...base,
    maxMemoryBytes: o.maxMemory ? parseBytes(o.maxMemory, '--max-memory') : base.maxMemoryBytes,
    report: o.report === false ? false : base.report,
    limits: csvLimits(o, base.limits),
    targets: targetsOption(o.target, base.targets),
  };
  const deadlineMs = o.deadline ? parseDuration(o.deadline, '--deadline') : config.deadlineMs;
  return runAll({ config, outDir: o.outDir, deadlineMs, runDate: o.runDate, ctx, now, progress, workers: o.workers });
}
