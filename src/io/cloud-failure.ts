import { cloudError, inputError, isForecastError, limitError, type ForecastError } from '../errors.js';
import type { IoContext } from './context.js';

/**
 * Turn a client-library error into a typed ForecastError naming the service, operation and
 * resource: `Cloud Storage write gs://b/o failed: 503 backendError`. Only the HTTP status and the
 * API's reason/message reach the text (never request headers, so never credentials).
 */
export function cloudFailure(service: string, operation: string, resource: string, err: unknown): ForecastError {
  if (isForecastError(err)) return err;
  const { status, reason, code } = describeApiError(err);
  const name = service === 'BigQuery' ? 'BigQuery' : 'Cloud Storage';
  const text = `${name} ${operation} ${resource} failed: ${status} ${reason}`;
  // No credentials anywhere (no key file, no gcloud login, no metadata server) will not heal by retrying either.
  if (NO_CREDENTIALS.test(reason)) {
    return inputError(
      'credentials',
      `${text}; Application Default Credentials found none: set GOOGLE_APPLICATION_CREDENTIALS to a key file, run gcloud auth application-default login, or run with a service account`,
      err,
    );
  }
  // A missing bucket/dataset, a bad request or a missing permission will not heal by retrying:
  // that is the configuration's problem (exit 2), not an outage (exit 3). A 403 for a quota or
  // a backend hiccup is the service's (BigQuery reports rate and quota limits as 403).
  if (code !== undefined && NOT_TRANSIENT.includes(code) && !isServiceLimit(err)) {
    return inputError(
      code === 404 ? 'not_found' : code === 400 ? 'rejected' : 'permission',
      `${text}; check the URI, that it exists, and the service account's roles`,
      err,
    );
  }
  return cloudError(service === 'BigQuery' ? 'bigquery' : 'gcs', text, err);
}

const NOT_TRANSIENT = [400, 401, 403, 404];
const NO_CREDENTIALS = /Could not load the default credentials/i;

/**
 * The error reasons of a 403 that is not about permissions: rate and quota limits and backend
 * errors (https://cloud.google.com/bigquery/docs/error-messages). They heal with time.
 */
export const SERVICE_LIMIT_REASONS = ['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'backendError'];

/** True for a 403 whose reason is a rate or quota limit or a backend error, not a permission. */
export function isServiceLimit(err: unknown): boolean {
  const errors = (err as { errors?: { reason?: string }[] } | null)?.errors;
  return statusOf(err) === 403 && Array.isArray(errors) && errors.some((e) => SERVICE_LIMIT_REASONS.includes(e?.reason ?? ''));
}

/** Status code and a one-line reason from a googleapis/common ApiError, a GaxiosError or a socket error. */
export function describeApiError(err: unknown): { status: string; reason: string; code?: number } {
  const e = err as { code?: unknown; status?: unknown; response?: { status?: number }; errors?: { reason?: string; message?: string }[]; message?: string };
  const code =
    typeof e?.code === 'number' ? e.code : typeof e?.response?.status === 'number' ? e.response.status : typeof e?.status === 'number' ? e.status : undefined;
  const first = Array.isArray(e?.errors) ? e.errors[0] : undefined;
  const raw = first?.reason ? `${first.reason}${first.message ? `: ${first.message}` : ''}` : (e?.message ?? String(err));
  const reason = raw
    .split('\n')[0]
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .slice(0, 300);
  const status = code !== undefined ? String(code) : typeof e?.code === 'string' ? e.code : 'error';
  return { status, reason, code };
}

/** HTTP status of a client error, if any. */
export function statusOf(err: unknown): number | undefined {
  return describeApiError(err).code;
}

/** Throw `limit.deadline` before starting an operation that has no time left. */
export function checkDeadline(ctx: IoContext, what: string): void {
  if (ctx.remainingMs() <= 0) throw limitError('deadline', `deadline reached before ${what}`);
}

/** Transient failures worth another attempt: 408/429/5xx, 403 rate/quota limits, dropped connections. */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; message?: string };
  const status = statusOf(err);
  if (status !== undefined) return status === 408 || status === 429 || status >= 500 || isServiceLimit(err);
  const code = typeof e?.code === 'string' ? e.code.toUpperCase() : '';
  return (
    ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE'].includes(code) ||
    /socket hang up|ECONNRESET|premature close|other side closed|network/i.test(e?.message ?? '')
  );
}

/**
 * Run `op` again on transient failures with exponential backoff, never past the deadline.
 * Used where the client library does not retry for us (streams before the first byte, BigQuery
 * multipart load uploads, job polling).
 */
export async function withRetry<T>(
  ctx: IoContext,
  what: string,
  op: (attempt: number) => Promise<T>,
  opts: { maxAttempts?: number; retryIf?: (err: unknown) => boolean } = {},
): Promise<T> {
  const retryable = opts.retryIf ?? isTransient;
  const maxDelay = ctx.settings.retryMaxDelayMs;
  const maxAttempts = opts.maxAttempts ?? ctx.settings.maxRetries + 1;
  for (let attempt = 1; ; attempt++) {
    checkDeadline(ctx, what);
    try {
      return await op(attempt);
    } catch (err) {
      if (!retryable(err) || attempt >= maxAttempts) throw err;
      const delay = Math.min(2 ** (attempt - 1) * 250 + Math.random() * 100, maxDelay, Math.max(ctx.remainingMs() - 50, 0));
      ctx.logger.warn({ what, attempt, err: describeApiError(err) }, `retrying ${what}`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
