import { pino, type Logger, type DestinationStream } from 'pino';
import { boundMessage } from '../bound-message.js';
import { redactSecrets } from '../redact-secrets.js';
import { aroundStatusLine } from './progress.js';

/** Fields whose values never reach a log line (credentials, tokens, auth headers). */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'private_key',
  'password',
  'credentials',
  'key',
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.client_secret',
  '*.private_key',
  '*.password',
  '*.credentials',
  'headers.authorization',
  'req.headers.authorization',
  'err.config.headers.Authorization',
];

const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

export interface LoggerOptions {
  readonly level?: string;
  /** Human-readable lines (a terminal) instead of Cloud Logging JSON. */
  readonly pretty?: boolean;
  /** `projects/P/traces/T`, from X-Cloud-Trace-Context, added to every line. */
  readonly trace?: string;
  readonly destination?: DestinationStream | NodeJS.WritableStream;
}

/**
 * A pino logger writing one JSON object per line in the shape Cloud Logging promotes
 * (`severity`, `message`, `logging.googleapis.com/trace`), with credentials redacted: fields
 * named like credentials by path, and secret query parameters of URIs anywhere in the line.
 * Messages are bounded like error messages (`boundMessage`).
 * With `pretty`, lines read `12:00:01 INFO  merged rows=73 mae=7.799` for people at a terminal:
 * figures rounded to 4 significant digits, and a progress line on the same terminal cleared
 * before each log line and drawn again after. JSON lines keep full precision.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const destination = opts.destination ?? process.stderr;
  const stream = redactingStream(opts.pretty ? prettyStream(destination as NodeJS.WritableStream) : destination);
  const base = opts.trace ? { 'logging.googleapis.com/trace': opts.trace } : {};
  return pino(
    {
      level: opts.level ?? 'info',
      messageKey: 'message',
      base,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ severity: SEVERITY[label] ?? 'DEFAULT' }) },
      hooks: {
        logMethod(args, method) {
          const at = typeof args[0] === 'string' ? 0 : typeof args[1] === 'string' ? 1 : -1;
          if (at >= 0) args[at] = boundMessage(args[at] as string);
          return method.apply(this, args);
        },
      },
    },
    stream as DestinationStream,
  );
}

/**
 * A trace header → the `projects/P/traces/TRACE_ID` Cloud Logging wants. Accepts Cloud Trace's
 * `X-Cloud-Trace-Context` (`TRACE_ID/SPAN_ID;o=1`) and W3C `traceparent`
 * (`00-TRACE_ID-SPAN_ID-FLAGS`, which functions-framework copies onto a CloudEvent).
 */
export function traceFromHeader(header: string | undefined, project: string | undefined): string | undefined {
  if (!header || !project) return undefined;
  const w3c = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/i.exec(header);
  const id = w3c ? w3c[1] : header.split('/')[0];
  return /^[0-9a-f]{32}$/i.test(id) && !/^0+$/.test(id) ? `projects/${project}/traces/${id}` : undefined;
}

/** Every line with the secrets of the URIs it mentions redacted, wherever they are (message, fields, errors). */
function redactingStream(out: DestinationStream | NodeJS.WritableStream): DestinationStream {
  return { write: (line: string) => out.write(redactSecrets(line)) };
}

function prettyStream(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      try {
        const o = JSON.parse(line) as Record<string, unknown>;
        const { time, severity, message, ...rest } = o;
        delete rest['logging.googleapis.com/trace'];
        const t = typeof time === 'string' ? time.slice(11, 19) : '';
        const extras = Object.entries(rest)
          .map(
            ([k, v]) =>
              `${k}=${typeof v === 'object' ? JSON.stringify(v, (_, x) => (typeof x === 'number' ? roundFigure(x) : x)) : typeof v === 'number' ? roundFigure(v) : String(v)}`,
          )
          .join(' ');
        aroundStatusLine(out, `${t} ${String(severity).padEnd(7)} ${String(message ?? '')}${extras ? ' ' + extras : ''}\n`);
      } catch {
        out.write(line);
      }
    },
  };
}

/** A figure for people: integers as they are, others to 4 significant digits (7.799473871 → 7.799, 0.000123456 → 0.0001235). */
export function roundFigure(x: number): number {
  return Number.isInteger(x) || !Number.isFinite(x) ? x : Number(x.toPrecision(4));
}
