import type { Readable, Writable } from 'node:stream';
import type { IoContext } from '../io/context.js';
import { parseSettings } from '../settings.js';

/** Everything the CLI takes from the process, passed in so tests can run it in-process. */
export interface CliDeps {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly now: () => number;
  /** Aborted (reason 'SIGINT' or 'SIGTERM') when the process is asked to stop. */
  readonly signal?: AbortSignal;
  /** Called by a command that stops at safe points on a signal (it publishes), instead of exiting at once. */
  readonly stopGracefully?: () => void;
}

/** Global options every subcommand accepts. */
export interface GlobalOptions {
  readonly verbose?: boolean;
  readonly logLevel?: string;
  readonly logFormat?: 'json' | 'pretty';
}

/** Build the I/O context of one command run, with a deadline and its logger. */
export async function ioContext(deps: CliDeps, globals: GlobalOptions, deadlineMs = Infinity): Promise<IoContext> {
  const { createLogger } = await import('../io/logger.js');
  const pretty = globals.logFormat ? globals.logFormat === 'pretty' : Boolean(deps.stderr.isTTY);
  const logger = createLogger({
    level: globals.logLevel ?? (globals.verbose ? 'debug' : 'info'),
    pretty,
    destination: deps.stderr,
  });
  const end = deps.now() + deadlineMs;
  return { settings: parseSettings(deps.env), remainingMs: () => end - deps.now(), logger, stdin: deps.stdin, stdout: deps.stdout, ...(deps.signal ? { signal: deps.signal } : {}) };
}
