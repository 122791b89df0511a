import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, roundFigure, traceFromHeader } from '../../src/io/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(c: Buffer, _e, cb) {
      lines.push(c.toString('utf8'));
      cb();
    },
  });
  return { lines, destination };
}

test('Cloud Logging shape: severity, message, trace', () => {
  const { lines, destination } = capture();
  const log = createLogger({ destination, trace: 'projects/p/traces/abc' });
  log.warn({ stage: 'merge' }, 'filled 3 weeks');
  log.fatal('boom');
  const [a, b] = lines.map((l) => JSON.parse(l));
  assert.equal(a.severity, 'WARNING');
  assert.equal(a.message, 'filled 3 weeks');
  assert.equal(a.stage, 'merge');
  assert.equal(a['logging.googleapis.com/trace'], 'projects/p/traces/abc');
  assert.equal(b.severity, 'CRITICAL');
  assert.equal('level' in a || 'msg' in a, false);
});

test('credentials and tokens never reach a log line', () => {
  const { lines, destination } = capture();
  const log = createLogger({ destination });
  const secret = 'ya29.SECRET-TOKEN';
  log.info(
    { access_token: secret, headers: { authorization: `Bearer ${secret}` }, credentials: { private_key: secret }, req: { headers: { authorization: secret } } },
    'request',
  );
  log.info({ client: { token: secret, refresh_token: secret, client_secret: secret } }, 'client');
  const text = lines.join('');
  assert.doesNotMatch(text, /SECRET-TOKEN/);
  assert.match(text, /\[redacted\]/);
});

test('secret query parameters of URIs never reach a log line, in the message or a field, JSON or pretty', () => {
  for (const pretty of [false, true]) {
    const { lines, destination } = capture();
    const log = createLogger({ destination, pretty });
    log.warn(
      { uri: 'gs://b/x.csv?access_token=ya29.SECRET', to: 'gs://b/o?X-Goog-Signature=SECRET&X-Goog-Credential=SECRET' },
      'read gs://b/x.csv?sig=SECRET failed',
    );
    const text = lines.join('');
    assert.doesNotMatch(text, /SECRET/, text);
    assert.match(text, /access_token=\[redacted\]/);
  }
});

test('log messages are bounded like error messages', () => {
  const { lines, destination } = capture();
  createLogger({ destination }).warn(`x.csv: left out 5000 text columns (${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(', ')})`);
  const message = JSON.parse(lines[0]).message as string;
  assert.ok(message.length <= 300, `${message.length} characters`);
  assert.match(message, /c7, … and 4992 more\)$/);
});

test('pretty lines for a terminal', () => {
  const { lines, destination } = capture();
  createLogger({ destination, pretty: true }).info({ rows: 73 }, 'merged');
  assert.match(lines.join(''), /^\d\d:\d\d:\d\d INFO {4}merged rows=73\n$/);
});

test('pretty lines round figures to 4 significant digits; JSON lines keep full precision', () => {
  for (const pretty of [true, false]) {
    const { lines, destination } = capture();
    createLogger({ destination, pretty }).info({ mae: 7.799473871429034, rows: 73, coverage: { '0.8': 0.7512345 } }, 'backtest');
    if (pretty) assert.match(lines.join(''), / backtest mae=7\.799 rows=73 coverage=\{"0\.8":0\.7512\}\n$/);
    else assert.equal(JSON.parse(lines[0]).mae, 7.799473871429034);
  }
  const cases: [number, number][] = [
    [7.799473871429034, 7.799],
    [0.000123456, 0.0001235],
    [73, 73],
    [123456.789, 123500],
    [-2.5, -2.5],
    [Infinity, Infinity],
  ];
  for (const [x, want] of cases) assert.equal(roundFigure(x), want, String(x));
});

test('traceFromHeader reads X-Cloud-Trace-Context and W3C traceparent', () => {
  const id = '105445aa7843bc8bf206b12000100000';
  const cases: [string | undefined, string | undefined, string | undefined][] = [
    [`${id}/1;o=1`, 'p', `projects/p/traces/${id}`],
    [`00-${id}-b7ad6b7169203331-01`, 'p', `projects/p/traces/${id}`],
    [`00-${'0'.repeat(32)}-b7ad6b7169203331-01`, 'p', undefined], // the all-zero id is invalid
    [`00-${id}-b7ad6b71-01`, 'p', undefined],
    [`${id}/1;o=1`, undefined, undefined],
    ['garbage', 'p', undefined],
    [undefined, 'p', undefined],
  ];
  for (const [header, project, want] of cases) assert.equal(traceFromHeader(header, project), want, String(header));
});
