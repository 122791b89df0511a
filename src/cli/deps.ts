import type { Readable, Writable } from 'node:stream';
import type { IoContext } from '../io/context.js';
import { parseSettings } from '../settings.js';

/** Everything the CLI takes from the process, passed in so tests can run it in-process. */
export interface CliDeps {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: Readable;
  readonly stdout: Writable & { isTTY?: boolean };
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

/** Build the I/O context of one command run, with its logger; a run bounds its time itself (run-stages.ts openRun). */
export async function ioContext(deps: CliDeps, globals: GlobalOptions): Promise<IoContext> {
  const { createLogger } = await import('../io/logger.js');
  const logger = createLogger({
    level: globals.logLevel ?? (globals.verbose ? 'debug' : 'info'),
    pretty: globals.logFormat === 'pretty' || isTerminal(deps.stderr, globals),
    destination: deps.stderr,
  });
  return {
    settings: parseSettings(deps.env),
    remainingMs: () => Infinity,
    logger,
    stdin: deps.stdin,
    stdout: deps.stdout,
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
}

/**
 * Whether a person reads `stream`: it is a terminal and JSON logs were not asked for. The one
 * rule for what is drawn for people: pretty log lines and the progress line on stderr, the
 * readable run summary on stdout (piped, it is the one-line JSON).
 */
export function isTerminal(stream: { isTTY?: boolean }, globals: GlobalOptions): boolean {
  return Boolean(stream.isTTY) && globals.logFormat !== 'json';
}
