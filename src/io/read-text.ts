import type { Readable } from 'node:stream';
import type { IoContext } from './context.js';
import { openRead, type ReadOptions } from './open-read.js';
import type { Uri } from './uri.js';

/** A whole stream as UTF-8 text (BOM stripped); for small things: configs, models, tables to publish. */
export async function streamText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/** The whole content of a URI as text. */
export async function readText(uri: Uri, ctx: IoContext, opts: ReadOptions = {}): Promise<string> {
  return streamText(await openRead(uri, ctx, opts));
}
