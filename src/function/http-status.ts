import { isForecastError } from '../errors.js';

/** ForecastError exit code → HTTP status: input 400, cloud 503 (retry later), limit 504, else 500. */
export function httpStatusFor(err: unknown): number {
  if (!isForecastError(err)) return 500;
  return ({ 2: 400, 3: 503, 4: 504 } as Record<number, number>)[err.exitCode] ?? 500;
}

/**
 * Whether Pub/Sub should redeliver: cloud (3) and limit (4) failures are transient; bad input (2)
 * never heals, and neither does a bug (1) — redelivering it would loop until the subscription's
 * retention ends, so it is logged as an error and acknowledged.
 */
export function isRetryable(err: unknown): boolean {
  return isForecastError(err) && (err.exitCode === 3 || err.exitCode === 4);
}
