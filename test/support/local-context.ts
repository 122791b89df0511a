import { Readable, Writable } from 'node:stream';
import { createLogger } from '../../src/io/logger.js';
import type { IoContext } from '../../src/io/context.js';
import { parseSettings } from '../../src/settings.js';

/** An IoContext for local I/O tests: stdin from a string, stdout captured, logs discarded. */
export function localContext(stdinText = ''): IoContext & { out: () => string } {
  const chunks: Buffer[] = [];
  const stdout = new Writable({
    write(c: Buffer, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  });
  const sink = new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });
  return {
    settings: parseSettings({}),
    remainingMs: () => 60_000,
    logger: createLogger({ destination: sink, level: 'silent' }),
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout,
    out: () => Buffer.concat(chunks).toString('utf8'),
  };
}
