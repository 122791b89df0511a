import { main } from './main.js';

// The process entry: the only place that exits. Waits for stdout to drain so piped output is whole.
const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: Date.now,
});
if (process.stdout.writableNeedDrain) await new Promise((r) => process.stdout.once('drain', r));
process.exitCode = code;
setImmediate(() => process.exit(code));
