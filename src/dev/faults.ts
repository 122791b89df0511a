import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpError, readBody, sendError } from './http-util.js';

/**
 * Fault injection for the local doubles. A rule matches by method and path regex and fires on
 * the next `count` matching requests: `status` answers 429/500/503 in the Google error shape,
 * `drop` destroys the socket without a response (a lost connection), `slow` waits `delayMs`
 * and then serves the request normally (or answers `status` if one is given).
 */
export interface FaultRule {
  readonly method?: string;
  readonly pathRegex?: string;
  readonly status?: 429 | 500 | 503;
  readonly count: number;
  readonly mode?: 'status' | 'drop' | 'slow';
  readonly delayMs?: number;
}

interface LiveRule extends FaultRule {
  left: number;
}

export class Faults {
  private rules: LiveRule[] = [];
  /** Number of faults fired so far, for test assertions. */
  fired = 0;

  add(rule: FaultRule): void {
    if (!Number.isInteger(rule.count) || rule.count < 1) throw new Error(`fault rule needs a positive integer count, got ${rule.count}`);
    if (rule.pathRegex) new RegExp(rule.pathRegex);
    this.rules.push({ ...rule, left: rule.count });
  }

  clear(): void {
    this.rules = [];
    this.fired = 0;
  }

  /** Rules still armed (with their remaining count). */
  list(): readonly (FaultRule & { left: number })[] {
    return this.rules.filter((r) => r.left > 0);
  }

  /**
   * Apply the first matching rule to this request. Returns true when the request was consumed
   * (answered with an error or dropped) and must not be served.
   */
  async apply(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = req.url ?? '/';
    const rule = this.rules.find(
      (r) => r.left > 0 && (!r.method || r.method.toUpperCase() === req.method) && (!r.pathRegex || new RegExp(r.pathRegex).test(path)),
    );
    if (!rule) return false;
    rule.left -= 1;
    this.fired += 1;
    const mode = rule.mode ?? 'status';
    if (mode === 'drop') {
      req.socket.destroy();
      return true;
    }
    if (mode === 'slow') {
      await new Promise((r) => setTimeout(r, rule.delayMs ?? 1000));
      if (!rule.status) return false;
    }
    const status = rule.status ?? 503;
    const reason = status === 429 ? 'rateLimitExceeded' : status === 500 ? 'backendError' : 'backendError';
    sendError(res, status, reason, `injected fault: ${status}`);
    return true;
  }
}

/** `POST /_faults` (add rule), `DELETE /_faults` (clear), `GET /_faults` (list). */
export async function handleFaultControl(faults: Faults, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  if (req.method === 'DELETE') {
    faults.clear();
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ rules: faults.list(), fired: faults.fired }));
    return;
  }
  try {
    const parsed = JSON.parse(body.toString('utf8')) as FaultRule | FaultRule[];
    for (const rule of Array.isArray(parsed) ? parsed : [parsed]) faults.add(rule);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ rules: faults.list() }));
  } catch (e) {
    sendError(res, 400, 'invalid', `bad fault rule: ${(e as Error).message}`);
  }
}

/** What an API double handles once faults and the control endpoint are dealt with. */
export type ApiRoute = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => Promise<void>;

/**
 * An HTTP server for an API double: `/_faults` controls fault injection, every other request
 * first meets the injected faults, then `route`. Errors become the API's JSON error body
 * (an HttpError's status and reason, else a 500 naming the double).
 */
export function apiServer(name: string, faults: Faults, route: ApiRoute): Server {
  return createServer((req, res) => {
    (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = await readBody(req);
      if (url.pathname === '/_faults') return handleFaultControl(faults, req, res, body);
      if (await faults.apply(req, res)) return;
      await route(req, res, url, body);
    })().catch((e: unknown) => {
      if (e instanceof HttpError) sendError(res, e.status, e.reason, e.message);
      else sendError(res, 500, 'backendError', `${name} double internal error: ${(e as Error).message}`);
    });
  });
}
