import { isForecastError } from '../errors.js';

/** ForecastError exit code → HTTP status: input 400, cloud 503 (retry later), limit 504, else 500. */
export function httpStatusFor(err: unknown): number {
  if (!isForecastError(err)) return 500;
  return ({ 2: 400, 3: 503, 4: 504 } as Record<number, number>)[err.exitCode] ?? 500;
}
