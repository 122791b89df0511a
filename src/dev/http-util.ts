import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Small HTTP helpers shared by the local Cloud Storage and BigQuery doubles. Errors use the
 * Google API error envelope (`{error:{code,message,errors:[{domain,reason,message}],status}}`)
 * because the client libraries read `code`, `message` and `errors[].reason` from it.
 */

/** An HTTP failure a handler throws; the router turns it into the Google error envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
};

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, reason: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, {
    error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: STATUS_TEXT[status] ?? 'UNKNOWN' },
  });
}

export function parseJsonBody<T>(buf: Buffer, what: string): T {
  try {
    return JSON.parse(buf.toString('utf8') || '{}') as T;
  } catch {
    throw new HttpError(400, 'parseError', `${what}: request body is not valid JSON`);
  }
}

/**
 * Split a `multipart/related` body (what both clients send for metadata + media uploads)
 * into its parts. Each part's headers are lower-cased.
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): { headers: Record<string, string>; data: Buffer }[] {
  const m = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  if (!m) throw new HttpError(400, 'invalid', 'multipart upload without a boundary in Content-Type');
  const delim = Buffer.from(`--${m[1]}`);
  const parts: { headers: Record<string, string>; data: Buffer }[] = [];
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    let start = pos + delim.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delim, start);
    if (next < 0) break;
    let end = next;
    if (body.subarray(end - 2, end).toString() === '\r\n') end -= 2;
    const part = body.subarray(start, end);
    const sep = part.indexOf('\r\n\r\n');
    const head = sep < 0 ? '' : part.subarray(0, sep).toString('utf8');
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    parts.push({ headers, data: sep < 0 ? part : part.subarray(sep + 4) });
    pos = next;
  }
  if (parts.length < 2) throw new HttpError(400, 'invalid', 'multipart upload needs a metadata part and a media part');
  return parts;
}
