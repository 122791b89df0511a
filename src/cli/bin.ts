import { main } from './main.js';
import { EXIT, isClosedPipe } from '../errors.js';
import { removeTempsNow } from '../io/temp-files.js';

/**
 * The process entry: the only place that exits. SIGINT and SIGTERM (what Ctrl-C, cron and Cloud
 * Run send first) exit 130 or 143. A command that publishes (run-all, recover) asks to stop
 * gracefully: the signal then aborts `stop`, and the run stops at its next safe point, discards
 * what it staged, releases the out dir's lock and exits with that code; a publish past its
 * commit point finishes first (a few steps). A second signal, or a run still going
 * STOP_GRACE_MS later, exits at once, removing the temp files being written first (any other
 * command exits that way on the first signal): what is left then is what a kill leaves, and the
 * next run recovers it.
 */
const STOP_GRACE_MS = 8_000;
const stop = new AbortController();
let graceful = false;
const exitNow = (code: number): never => {
  removeTempsNow();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const code = signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
    if (!graceful || stop.signal.aborted) exitNow(code);
    stop.abort(signal);
    setTimeout(() => exitNow(code), STOP_GRACE_MS).unref();
  });
}

// Output written without a callback (help, summaries) meets a reader that closed the pipe as an
// 'error' event: exit 141 quietly, as a shell reports a program SIGPIPE stopped, instead of
// crashing with a stack trace. A closed stderr is the same: there is no one left to tell.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (isClosedPipe(e)) exitNow(EXIT.closedPipe);
    throw e;
  });
}

// Waits for stdout to drain so piped output is whole.
const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: Date.now,
  signal: stop.signal,
  stopGracefully: () => {
    graceful = true;
  },
});
if (process.stdout.writableNeedDrain) await new Promise((r) => process.stdout.once('drain', r));
process.exitCode = code;
setImmediate(() => process.exit(code));
