import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger } from '../../src/io/logger.js';
import type { IoContext } from '../../src/io/context.js';
import { parseSettings } from '../../src/settings.js';
import { parseUri, type Uri } from '../../src/io/uri.js';
import type { CloudDoubles } from '../../src/dev/start-cloud-doubles.js';

/** Lines logged during a test, parsed, so tests can assert on warnings and retries. */
export interface CapturedLog {
  readonly lines: Record<string, unknown>[];
}

/** The environment a spawned `forecast` needs to reach the doubles: their endpoints, the project, tiny retry delays. */
export function doublesEnv(d: CloudDoubles): Record<string, string> {
  return {
    FORECAST_GCS_ENDPOINT: d.gcsEndpoint,
    FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint,
    GOOGLE_CLOUD_PROJECT: 'test-project',
    FORECAST_RETRY_MAX_DELAY_MS: '20',
  };
}

/**
 * An IoContext pointed at local doubles with tiny retry delays, so fault-injection tests run in
 * milliseconds. `remainingMs` counts down from `budgetMs`.
 */
export function cloudContext(env: Record<string, string>, budgetMs = 30_000): IoContext & CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const start = Date.now();
  return {
    settings: parseSettings({ GOOGLE_CLOUD_PROJECT: 'test-project', FORECAST_RETRY_MAX_DELAY_MS: '20', FORECAST_MAX_RETRIES: '4', ...env }),
    remainingMs: () => budgetMs - (Date.now() - start),
    logger: createLogger({ destination, level: 'debug' }),
    lines,
  };
}

export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

/** A gs:// or bq:// URI, typed for the cloud modules' functions. */
export function gsUri(text: string): Extract<Uri, { kind: 'gs' }> {
  const u = parseUri(text);
  if (u.kind !== 'gs') throw new Error(`${text} is not a gs:// URI`);
  return u;
}

export function bqUri(text: string): Extract<Uri, { kind: 'bq' }> {
  const u = parseUri(text);
  if (u.kind !== 'bq') throw new Error(`${text} is not a bq:// URI`);
  return u;
}
