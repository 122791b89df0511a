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

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  internal: 1,
  input: 2,
  cloud: 3,
  limit: 4,
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

export function isForecastError(e: unknown): e is ForecastError {
  return e instanceof ForecastError;
}
