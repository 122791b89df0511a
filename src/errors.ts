import { boundMessage } from './bound-message.js';
import type { CloudCode, InputCode, LimitCode } from './error-codes.js';

/**
 * Typed errors. Every failure the tool expects is a ForecastError carrying a stable,
 * namespaced code from the registry (error-codes.ts: `input.column_missing`) and the process
 * exit code it maps to.
 * Only `src/cli/main.ts` and `src/function/` turn these into exit codes or HTTP statuses.
 * Every message is bounded where it is made (`boundMessage`): one line of at most about 300
 * characters, secrets in URIs redacted, however large the value or list it quotes.
 */

/**
 * Exit codes, documented in the README. A run stopped by SIGINT or SIGTERM exits 128 + the
 * signal's number, as a shell reports a process the signal killed, so supervisors and scripts
 * that already know that convention need no new case, and it is never mistaken for bad input
 * (2), an outage (3) or a limit (4).
 */
export const EXIT = {
  ok: 0,
  internal: 1,
  input: 2,
  cloud: 3,
  limit: 4,
  interrupted: 130,
  /** stdout closed by its reader (`| head`): 128 + SIGPIPE, as a shell reports `yes | head`'s `yes`. */
  closedPipe: 141,
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class ForecastError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  constructor(code: string, message: string, exitCode: ExitCode, options?: { cause?: unknown }) {
    super(boundMessage(message), options);
    this.name = 'ForecastError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad input or usage: exit 2. */
export function inputError(code: InputCode, message: string, cause?: unknown): ForecastError {
  return new ForecastError(`input.${code}`, message, EXIT.input, { cause });
}

/** A cloud service still failing after retries: exit 3. */
export function cloudError(code: CloudCode, message: string, cause?: unknown): ForecastError {
  return new ForecastError(`cloud.${code}`, message, EXIT.cloud, { cause });
}

/** Deadline or memory limit: exit 4. */
export function limitError(code: LimitCode, message: string, cause?: unknown): ForecastError {
  return new ForecastError(`limit.${code}`, message, EXIT.limit, { cause });
}

const SIGNAL_EXIT = { SIGINT: EXIT.interrupted, SIGPIPE: EXIT.closedPipe, SIGTERM: EXIT.terminated } as const;

/** Stopped by SIGINT (exit 130) or SIGTERM (exit 143), or by the reader of stdout closing it (SIGPIPE, exit 141). */
export function signalError(signal: keyof typeof SIGNAL_EXIT, message: string): ForecastError {
  return new ForecastError(`signal.${signal.toLowerCase()}`, message, SIGNAL_EXIT[signal]);
}

/** A write failed because the reader of the pipe went away (EPIPE: `| head` read what it wanted). */
export function isClosedPipe(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'EPIPE';
}

/** What a write to a closed stdout becomes: `signal.sigpipe`, exit 141, printed by nobody (main.ts). */
export function closedPipeError(): ForecastError {
  return signalError('SIGPIPE', 'stdout was closed by its reader before the output ended');
}

export function isForecastError(e: unknown): e is ForecastError {
  return e instanceof ForecastError;
}
