import { inputError } from './errors.js';
import { parseBytes, parseDuration } from './units.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment, parsed once where a run starts (the CLI's context, the function's handler)
 * into typed values: no other module reads a variable. A variable set to a value that does not
 * parse is an input error naming it, never a silent default.
 */
export interface Settings {
  /** FORECAST_GCS_ENDPOINT, FORECAST_BIGQUERY_ENDPOINT: local doubles instead of Google's APIs. */
  readonly gcsEndpoint?: string;
  readonly bigqueryEndpoint?: string;
  /** GOOGLE_CLOUD_PROJECT, else GCLOUD_PROJECT. */
  readonly project?: string;
  /** FORECAST_MAX_RETRIES (default 5): retries of one cloud call after the first attempt. */
  readonly maxRetries: number;
  /** FORECAST_RETRY_MAX_DELAY_MS (default 64,000): the longest wait between two attempts. */
  readonly retryMaxDelayMs: number;
  /** FORECAST_BQ_EXTRACT_BYTES (default 256 MiB): larger BigQuery reads go through an extract job. */
  readonly bqExtractBytes: number;
  /** FORECAST_FAULT_AT: a publish step to crash at (the crash-sweep tests). */
  readonly faultAt?: string;
  /** FORECAST_CONFIG: the function's pipeline config, a gs:// URI or inline JSON. */
  readonly config?: string;
  /** FORECAST_EVENT_MARKERS: where the function records the Pub/Sub events it ran. */
  readonly eventMarkers?: string;
  /** FORECAST_EVENT_MAX_AGE (default 2h): older events are acknowledged unrun. */
  readonly eventMaxAgeMs: number;
  /**
   * The platform's request timeout: CLOUD_RUN_TIMEOUT_SECONDS (what functions-framework reads)
   * or FUNCTION_TIMEOUT_SEC (set by our deploy), the smaller when both are set.
   */
  readonly platformTimeoutMs?: number;
  /** CLOUD_RUN_TASK_INDEX of CLOUD_RUN_TASK_COUNT, when both are set: a Cloud Run job's task (its shard). */
  readonly cloudRunTask?: { readonly index: number; readonly count: number };
  /** Where Application Default Credentials are looked up (credentials.ts). */
  readonly credentials: CredentialEnv;
}

/** The variables google-auth-library reads to find credentials. */
export interface CredentialEnv {
  readonly GOOGLE_APPLICATION_CREDENTIALS?: string;
  readonly CLOUDSDK_CONFIG?: string;
  readonly HOME?: string;
  readonly APPDATA?: string;
}

/** Parse the environment into settings (see each field for its variable and default). */
export function parseSettings(env: Env): Settings {
  const text = (name: string) => (env[name] === '' ? undefined : env[name]);
  const count = (name: string, fallback: number) => {
    const v = text(name);
    if (v === undefined) return fallback;
    if (!/^\s*\d+\s*$/.test(v)) throw inputError('bad_config', `${name}='${v}': expected a whole number`);
    return Number(v);
  };
  // Unset or 0: no timeout given.
  const timeouts = ['CLOUD_RUN_TIMEOUT_SECONDS', 'FUNCTION_TIMEOUT_SEC'].map((name) => count(name, 0) * 1000).filter((ms) => ms > 0);
  return {
    gcsEndpoint: text('FORECAST_GCS_ENDPOINT'),
    bigqueryEndpoint: text('FORECAST_BIGQUERY_ENDPOINT'),
    project: text('GOOGLE_CLOUD_PROJECT') ?? text('GCLOUD_PROJECT'),
    maxRetries: count('FORECAST_MAX_RETRIES', 5),
    retryMaxDelayMs: Math.max(1, count('FORECAST_RETRY_MAX_DELAY_MS', 64_000)),
    bqExtractBytes: parseBytes(text('FORECAST_BQ_EXTRACT_BYTES') ?? '256MiB', 'FORECAST_BQ_EXTRACT_BYTES'),
    faultAt: text('FORECAST_FAULT_AT'),
    config: text('FORECAST_CONFIG'),
    eventMarkers: text('FORECAST_EVENT_MARKERS'),
    eventMaxAgeMs: parseDuration(text('FORECAST_EVENT_MAX_AGE') ?? '2h', 'FORECAST_EVENT_MAX_AGE'),
    platformTimeoutMs: timeouts.length ? Math.min(...timeouts) : undefined,
    cloudRunTask:
      text('CLOUD_RUN_TASK_INDEX') !== undefined && text('CLOUD_RUN_TASK_COUNT') !== undefined
        ? { index: count('CLOUD_RUN_TASK_INDEX', 0), count: count('CLOUD_RUN_TASK_COUNT', 0) }
        : undefined,
    credentials: {
      GOOGLE_APPLICATION_CREDENTIALS: text('GOOGLE_APPLICATION_CREDENTIALS'),
      CLOUDSDK_CONFIG: text('CLOUDSDK_CONFIG'),
      HOME: text('HOME'),
      APPDATA: text('APPDATA'),
    },
  };
}
