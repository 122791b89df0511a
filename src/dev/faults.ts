import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpError, readBody, sendError } from './http-util.js';

/**
 * Fault injection for the local doubles. A rule matches by method and path regex and fires on
 * the next `count` matching requests:
 * - `status` (the default mode) answers 403/429/500/503 in the Google error shape, with `reason`
 *   (default: 403 accessDenied, 429 rateLimitExceeded, 5xx backendError), so a 403
 *   `rateLimitExceeded` quota error can be told from a 403 permission error as in BigQuery;
 * - `drop` destroys the socket without serving the request (a lost connection);
 * - `lose` serves the request, then destroys the socket instead of answering (a lost response:
 *   the work is done, the client does not know);
 * - `slow` waits `delayMs`, then serves the request (or answers `status` if one is given);
 * - `jobError` (BigQuery jobs.insert and load uploads): the job is created and fails with
 *   `status.errorResult` `{reason, message}` (default reason backendError), as BigQuery reports a
 *   job that ran and failed.
 */
export interface FaultRule {
  readonly method?: string;
  readonly pathRegex?: string;
  readonly status?: 403 | 429 | 500 | 503;
  readonly reason?: string;
  readonly count: number;
  readonly mode?: 'status' | 'drop' | 'lose' | 'slow' | 'jobError';
  readonly delayMs?: number;
}

/** What a fired rule asks the double's own handler to do (the request is still served). */
export interface FaultEffects {
  readonly jobError?: { readonly reason: string; readonly message: string };
}

interface LiveRule extends FaultRule {
  left: number;
}

const DEFAULT_REASON: Record<number, string> = { 403: 'accessDenied', 429: 'rateLimitExceeded', 500: 'backendError', 503: 'backendError' };

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
   * Apply the first matching rule to this request: 'consumed' when it was answered with an error
   * or dropped and must not be served; otherwise the effects the handler must apply (none when no
   * rule matched). A `lose` rule makes the response vanish after the handler ran.
   */
  async apply(req: IncomingMessage, res: ServerResponse): Promise<'consumed' | FaultEffects> {
    const path = req.url ?? '/';
    const rule = this.rules.find(
      (r) => r.left > 0 && (!r.method || r.method.toUpperCase() === req.method) && (!r.pathRegex || new RegExp(r.pathRegex).test(path)),
    );
    if (!rule) return {};
    rule.left -= 1;
    this.fired += 1;
    const mode = rule.mode ?? 'status';
    if (mode === 'drop') {
      req.socket.destroy();
      return 'consumed';
    }
    if (mode === 'lose') {
      loseResponse(req, res);
      return {};
    }
    if (mode === 'jobError') {
      const reason = rule.reason ?? 'backendError';
      return { jobError: { reason, message: `injected job failure: ${reason}` } };
    }
    if (mode === 'slow') {
      await new Promise((r) => setTimeout(r, rule.delayMs ?? 1000));
      if (!rule.status) return {};
    }
    const status = rule.status ?? 503;
    const reason = rule.reason ?? DEFAULT_REASON[status] ?? 'backendError';
    sendError(res, status, reason, `injected fault: ${status} ${reason}`);
    return 'consumed';
  }
}

/** The handler runs and its answer is thrown away: the connection closes instead. */
function loseResponse(req: IncomingMessage, res: ServerResponse): void {
  const lose = (): ServerResponse => {
    req.socket.destroy();
    return res;
  };
  res.writeHead = lose as typeof res.writeHead;
  res.write = (() => true) as typeof res.write;
  res.end = lose as typeof res.end;
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
export type ApiRoute = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, effects: FaultEffects) => Promise<void>;

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
      const effects = await faults.apply(req, res);
      if (effects === 'consumed') return;
      await route(req, res, url, body, effects);
    })().catch((e: unknown) => {
      if (e instanceof HttpError) sendError(res, e.status, e.reason, e.message);
      else sendError(res, 500, 'backendError', `${name} double internal error: ${(e as Error).message}`);
    });
  });
}
