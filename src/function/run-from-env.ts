import type { Logger } from 'pino';
import { inputError, limitError } from '../errors.js';
import type { PipelineConfig } from '../pipeline/config.js';
import type { IoContext } from '../io/context.js';
import type { RunSummary } from '../pipeline/run-all.js';
import type { Settings } from '../settings.js';

/** Seconds kept back from the platform timeout for logging and the response. */
export const MARGIN_MS = 5000;

/**
 * The invocation's deadline: the platform's timeout (settings.ts: CLOUD_RUN_TIMEOUT_SECONDS, which
 * functions-framework 5 reads, or FUNCTION_TIMEOUT_SEC, set by the deploy as a fallback; else
 * 60 s, the 2nd-gen default) minus a margin.
 */
export function invocationDeadlineMs(settings: Settings): number {
  const total = settings.platformTimeoutMs ?? 60_000;
  return Math.max(total - MARGIN_MS, Math.min(total, 1000));
}

/** An IoContext for one invocation, its clock starting now. */
export function invocationContext(settings: Settings, logger: Logger, deadlineMs: number, now = Date.now): IoContext {
  const end = now() + deadlineMs;
  return { settings, logger, remainingMs: () => end - now() };
}

/**
 * Load the pipeline config named by FORECAST_CONFIG: a gs:// URI (read through the Storage
 * client) or inline JSON. Heavy modules load here, inside the invocation, not at cold start.
 */
export async function loadConfigFromEnv(ctx: IoContext): Promise<PipelineConfig> {
  const spec = ctx.settings.config;
  if (!spec) throw inputError('bad_config', 'FORECAST_CONFIG is not set: give a gs:// URI of the pipeline config or inline JSON');
  const { loadConfig } = await import('../pipeline/config.js');
  if (spec.trim().startsWith('{')) return loadConfig(spec, 'FORECAST_CONFIG');
  const { parseUri } = await import('../io/uri.js');
  const uri = parseUri(spec.trim(), 'FORECAST_CONFIG');
  if (uri.kind !== 'gs') throw inputError('bad_config', `FORECAST_CONFIG '${spec}': expected a gs:// URI or inline JSON`);
  const { readGcsObject } = await import('../io/gcs.js');
  const obj = await readGcsObject(uri, ctx);
  if (!obj) throw inputError('not_found', `FORECAST_CONFIG ${uri.text} does not exist`);
  return loadConfig(obj.data.toString('utf8'), uri.text);
}

/**
 * The run's own deadline: the config's `deadline`, but never past the invocation's (the platform
 * timeout minus MARGIN_MS), counted from now. A config that asks for 20 s in a 60 s function
 * gets 20 s, as `forecast run-all` would give it.
 */
export function runDeadlineMs(configMs: number, invocationMs: number, remainingMs: number): number {
  return Math.min(configMs, invocationMs, remainingMs);
}

/** Run the whole pipeline with the loaded config under its deadline, within what is left of the invocation's. */
export async function runFromEnv(ctx: IoContext, config: PipelineConfig, deadlineMs: number, overrides: { runDate?: number } = {}): Promise<RunSummary> {
  const { runAll } = await import('../pipeline/run-all.js');
  const left = runDeadlineMs(config.deadlineMs, deadlineMs, ctx.remainingMs());
  if (left <= 0) throw limitError('deadline', 'the invocation deadline passed before the run started');
  return runAll({ config, deadlineMs: left, ctx, runDate: overrides.runDate });
}
