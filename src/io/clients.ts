import type { Storage } from '@google-cloud/storage';
import type { BigQuery } from '@google-cloud/bigquery';
import type { IoContext } from './context.js';
import { checkCredentials } from './credentials.js';

/**
 * Lazily constructed Cloud Storage and BigQuery clients. The client libraries are loaded with a
 * dynamic `import()` on first use so `forecast --help` and local-only runs never pay for them.
 *
 * - `FORECAST_GCS_ENDPOINT` / `FORECAST_BIGQUERY_ENDPOINT` point a client at a local double
 *   (`npm run cloud:local`): no credentials are sent; BigQuery gets a stub OAuth2 client so it
 *   does not probe the GCE metadata server (google-auth-library would, and wait for its timeout).
 * - Without them: Application Default Credentials, project from `GOOGLE_CLOUD_PROJECT`; the
 *   credentials file is checked first (credentials.ts), so a malformed key is exit 2 naming it.
 * - Retries are bounded by the run's remaining time (`ctx.remainingMs()`), so a client is built
 *   per operation with the budget left at that moment. `FORECAST_RETRY_MAX_DELAY_MS` caps the
 *   backoff between attempts (tests set it low; default 64 s, the library default).
 */

/** Retry budget derived from the time left: never plan to retry past the deadline. */
export interface RetryBudget {
  readonly totalTimeoutSec: number;
  readonly maxRetryDelaySec: number;
  readonly maxRetries: number;
}

export function retryBudget(ctx: IoContext): RetryBudget {
  const remaining = Math.max(ctx.remainingMs(), 1000);
  const maxDelayMs = Math.min(ctx.settings.retryMaxDelayMs, remaining / 4);
  return {
    totalTimeoutSec: Math.max(1, Math.floor(remaining / 1000)),
    maxRetryDelaySec: Math.max(0.001, maxDelayMs / 1000),
    maxRetries: ctx.settings.maxRetries,
  };
}

/**
 * A Storage client for this operation. `upload`: `file.save()` retries through async-retry,
 * whose fixed 1 s minTimeout must not exceed `maxRetryDelay`, so uploads get at least 1 s.
 */
export async function storageClient(ctx: IoContext, opts: { upload?: boolean } = {}): Promise<Storage> {
  const endpoint = ctx.settings.gcsEndpoint;
  if (!endpoint) await checkedCredentials(ctx);
  const { Storage } = await import('@google-cloud/storage');
  const b = retryBudget(ctx);
  return new Storage({
    projectId: ctx.settings.project ?? (endpoint ? 'local-project' : undefined),
    ...(endpoint ? { apiEndpoint: endpoint.replace(/\/+$/, '') } : {}),
    retryOptions: {
      autoRetry: true,
      maxRetries: b.maxRetries,
      totalTimeout: b.totalTimeoutSec,
      maxRetryDelay: opts.upload ? Math.max(1, b.maxRetryDelaySec) : b.maxRetryDelaySec,
      retryDelayMultiplier: 2,
    },
  });
}

/** A BigQuery client for this operation. */
export async function bigqueryClient(ctx: IoContext): Promise<BigQuery> {
  const endpoint = ctx.settings.bigqueryEndpoint;
  if (!endpoint) await checkedCredentials(ctx);
  const { BigQuery } = await import('@google-cloud/bigquery');
  const b = retryBudget(ctx);
  let authClient: unknown;
  if (endpoint) {
    const { OAuth2Client } = await import('google-auth-library');
    const stub = new OAuth2Client();
    stub.setCredentials({ access_token: 'local' });
    authClient = stub;
  }
  return new BigQuery({
    projectId: ctx.settings.project ?? (endpoint ? 'local-project' : undefined),
    ...(endpoint ? { apiEndpoint: endpoint.replace(/\/+$/, ''), authClient: authClient as never } : {}),
    retryOptions: {
      autoRetry: true,
      maxRetries: b.maxRetries,
      totalTimeout: b.totalTimeoutSec,
      maxRetryDelay: b.maxRetryDelaySec,
      retryDelayMultiplier: 2,
    },
  });
}

/** The credentials check, once per credentials file (a client is built per operation). */
const checked = new Map<string, Promise<unknown>>();
function checkedCredentials(ctx: IoContext): Promise<unknown> {
  const e = ctx.settings.credentials;
  const key = [e.GOOGLE_APPLICATION_CREDENTIALS, e.CLOUDSDK_CONFIG, e.HOME, e.APPDATA].join('\0');
  let p = checked.get(key);
  if (p === undefined) {
    p = checkCredentials(e);
    checked.set(key, p);
  }
  return p;
}
