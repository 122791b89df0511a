import { isForecastError } from '../errors.js';

/** What the Pub/Sub handler does with a failed run: rethrow it (Pub/Sub redelivers) or acknowledge it. */
export interface FailureDecision {
  readonly action: 'retry' | 'ack';
  readonly why: string;
}

/**
 * Which failures are worth a redelivery. The function is deployed with `--retry`, so Pub/Sub
 * redelivers every thrown event for up to 24 h: only what may succeed later is thrown.
 * - exit 3 (a cloud service still failing, another run holding the lock): retry;
 * - the deadline (limit.deadline): retry the first time (a slow dependency, a cold start), and
 *   acknowledge the second hit for the same event (`deadlineSeenBefore`): it will not fit;
 * - the memory limit, the bytes-billed cap (other exit 4), bad input or config (exit 2) and bugs
 *   (exit 1): acknowledge, since a redelivery would fail the same way.
 * Pure.
 */
export function failureDecision(err: unknown, deadlineSeenBefore: boolean): FailureDecision {
  if (!isForecastError(err)) return { action: 'ack', why: 'an internal error would fail the same way again' };
  if (err.exitCode === 3) return { action: 'retry', why: 'a cloud service failed; a later delivery may succeed' };
  if (err.code === 'limit.deadline') {
    return deadlineSeenBefore
      ? { action: 'ack', why: 'the deadline was hit for this event before; the run does not fit the timeout' }
      : { action: 'retry', why: 'the deadline was hit for the first time for this event' };
  }
  if (err.exitCode === 4) return { action: 'ack', why: `${err.code} would be hit again` };
  return { action: 'ack', why: 'bad input or configuration would fail the same way again' };
}

/** True when `time` (a CloudEvent's RFC 3339 time) is more than `maxAgeMs` before `now`; false when absent or unreadable. */
export function isStale(time: string | undefined, now: number, maxAgeMs: number): boolean {
  const t = time ? Date.parse(time) : NaN;
  return Number.isFinite(t) && now - t > maxAgeMs;
}
