import * as functions from '@google-cloud/functions-framework';
import type { CloudEvent, Request, Response } from '@google-cloud/functions-framework';
import type { Logger } from 'pino';
import type { IoContext } from '../io/context.js';
import { createLogger, traceFromHeader } from '../io/logger.js';
import type { RunSummary } from '../pipeline/run-all.js';
import { inputError, isForecastError } from '../errors.js';
import { dateOption } from '../pipeline/period-option.js';
import { httpStatusFor } from './http-status.js';
import { failureDecision, isStale } from './retry-policy.js';
import { parseSettings, type Settings } from '../settings.js';
import { invocationContext, invocationDeadlineMs, loadConfigFromEnv, runFromEnv } from './run-from-env.js';
import { eventAlreadyHandled, markDeadlineHit, markEventHandled, markerUri } from './event-marker.js';

/**
 * Cloud Function entry points (2nd gen, functions-framework):
 * - `forecastHttp`: POST `{"runDate"?: "yyyy-mm-dd"}` → 200 with the run summary; errors map
 *   exit codes to 400/503/504/500; any other method → 405, and nothing runs.
 * - `forecastPubsub`: a Pub/Sub CloudEvent; `message.data` (base64 JSON) may carry `runDate`.
 *   An event older than FORECAST_EVENT_MAX_AGE (2h) is acknowledged unrun; a redelivery of an
 *   event id that already finished is skipped; what may succeed later is thrown so Pub/Sub
 *   retries (see retry-policy.ts), the rest is logged and acknowledged (no poison loop).
 * The pipeline and cloud clients load inside the handler (dynamic import) to keep cold starts short.
 */

interface PubsubData {
  message?: { data?: string; messageId?: string; attributes?: Record<string, string> };
  subscription?: string;
}

export async function handleHttp(req: Request, res: Response, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Only POST starts a run: a browser, a crawler or an uptime check sending GET or HEAD to the
  // function's URL must not publish a week.
  if (req.method !== 'POST') {
    res
      .status(405)
      .set('Allow', 'POST')
      .json({ error: 'method_not_allowed', message: `use POST to start a run (got ${req.method})` });
    return;
  }
  const { logger, settings } = begin(env, req.get('x-cloud-trace-context') ?? req.get('traceparent'));
  try {
    const deadlineMs = invocationDeadlineMs(settings());
    const ctx = invocationContext(settings(), logger, deadlineMs);
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as { runDate?: unknown };
    if (body.runDate !== undefined && typeof body.runDate !== 'string') throw inputError('bad_request', 'runDate must be a yyyy-mm-dd string');
    const summary = await runFromEnv(ctx, await loadConfigFromEnv(ctx), deadlineMs, runDateOf(body.runDate as string | undefined));
    logSummary(logger, summary);
    res.status(200).json(summary);
  } catch (err) {
    const status = httpStatusFor(err);
    logger.error({ code: isForecastError(err) ? err.code : 'internal', status }, `forecast run failed: ${(err as Error).message}`);
    res.status(status).json({ error: isForecastError(err) ? err.code : 'internal', message: isForecastError(err) ? err.message : 'internal error' });
  }
}

export async function handlePubsub(ce: CloudEvent<PubsubData>, env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): Promise<void> {
  const begun = begin(env, ce.traceparent as string | undefined);
  const logger = begun.logger.child({ eventId: ce.id });
  // Set once the event's marker is known (the config is loaded): a deadline hit is recorded there.
  let marked: { marker: string; ctx: IoContext } | undefined;
  try {
    const settings = begun.settings();
    const maxAgeMs = settings.eventMaxAgeMs;
    if (isStale(ce.time, now(), maxAgeMs)) {
      logger.warn(
        { eventTime: ce.time, maxAgeMs },
        `event ${ce.id} of ${ce.time} is older than ${maxAgeMs / 60_000} min; acknowledged without running (a later schedule runs the week)`,
      );
      return;
    }
    const deadlineMs = invocationDeadlineMs(settings);
    const ctx = invocationContext(settings, logger, deadlineMs, now);
    const overrides = decodeMessage(ce.data);
    const config = await loadConfigFromEnv(ctx);
    const marker = markerUri(ctx, config.outDir, ce.id);
    if (marker) marked = { marker, ctx };
    if (marker && (await eventAlreadyHandled(marker, ctx))) {
      logger.info({ marker }, `event ${ce.id} was already handled; skipping the redelivery`);
      return;
    }
    const summary = await runFromEnv(ctx, config, deadlineMs, overrides);
    if (marker) await markEventHandled(marker, ctx, { eventId: ce.id, runDate: summary.runDate, outputs: summary.outputs });
    logSummary(logger, summary);
  } catch (err) {
    const seen = isForecastError(err) && err.code === 'limit.deadline' && marked !== undefined && !(await markDeadlineHit(marked.marker, marked.ctx, ce.id));
    const decision = failureDecision(err, seen);
    const code = isForecastError(err) ? err.code : 'internal';
    if (decision.action === 'retry') {
      logger.error({ code }, `forecast run failed, Pub/Sub will retry (${decision.why}): ${(err as Error).message}`);
      throw err;
    }
    logger.error({ code }, `forecast run rejected the event (not retried: ${decision.why}): ${(err as Error).message}`);
  }
}

/**
 * The invocation's logger, and its settings parsed once from the environment. Settings that do
 * not parse are the invocation's error, thrown where the handler reports errors: the logger
 * exists either way (its trace lacks the project then).
 */
function begin(env: NodeJS.ProcessEnv, traceHeader: string | undefined): { logger: Logger; settings: () => Settings } {
  let parsed: Settings | undefined;
  let error: unknown;
  try {
    parsed = parseSettings(env);
  } catch (err) {
    error = err;
  }
  const logger = createLogger({ destination: process.stdout, trace: traceFromHeader(traceHeader, parsed?.project) });
  return {
    logger,
    settings: () => {
      if (parsed === undefined) throw error;
      return parsed;
    },
  };
}

/** The one-line summary each invocation logs (Cloud Logging promotes `message`). */
function logSummary(logger: Logger, s: RunSummary): void {
  const what = s.targets === 1 ? `winner ${s.winner} mae ${s.mae}` : `${s.targets} targets, ${s.fellBack} on their baseline`;
  logger.info({ ...s }, `forecast run ${s.runDate}: ${what}${s.deadlineHit ? ' (deadline hit)' : ''}`);
}

function decodeMessage(data: PubsubData | undefined): { runDate?: number } {
  const b64 = data?.message?.data;
  if (!b64) return {};
  const text = Buffer.from(b64, 'base64').toString('utf8').trim();
  if (text === '') return {};
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw inputError('bad_message', `Pub/Sub message data is not JSON: '${text.slice(0, 80)}'`);
  }
  const runDate = (o as { runDate?: unknown } | null)?.runDate;
  if (runDate !== undefined && typeof runDate !== 'string') throw inputError('bad_message', 'Pub/Sub message runDate must be a yyyy-mm-dd string');
  return runDateOf(runDate as string | undefined);
}

/** A request's run date (yyyy-mm-dd), parsed where it arrives; an empty one is none. */
function runDateOf(text: string | undefined): { runDate?: number } {
  return text ? { runDate: dateOption(text, 'run date') } : {};
}

functions.http('forecastHttp', (req, res) => handleHttp(req, res));
functions.cloudEvent<PubsubData>('forecastPubsub', (ce: CloudEvent<PubsubData>) => handlePubsub(ce));
