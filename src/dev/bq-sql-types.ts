import { HttpError } from './http-util.js';
import { AGGREGATES, type Expr } from './bq-sql-parse.js';

/**
 * Static types of the double's GoogleSQL subset, checked against BigQuery's function and operator
 * signatures (https://cloud.google.com/bigquery/docs/reference/standard-sql/functions-and-operators)
 * and its coercion rules (INT64 → FLOAT64, DATE → DATETIME; a STRING literal or parameter → DATE,
 * DATETIME, TIMESTAMP). A mismatch is the 400 invalidQuery BigQuery answers, before any row is
 * read, so a query BigQuery rejects never returns rows (or none) here.
 */

/** Column and alias types by lower-cased name; parameter types likewise. */
export type Scope = ReadonlyMap<string, string>;

const NUMERIC = ['INT64', 'FLOAT64', 'NUMERIC', 'BIGNUMERIC'];
const TEMPORAL = ['DATE', 'DATETIME', 'TIMESTAMP'];
const COMPARISON = ['=', '!=', '<', '<=', '>', '>='];

function noSignature(what: string, args: string[], supported: string): never {
  throw new HttpError(
    400,
    'invalidQuery',
    `No matching signature for ${what} for argument types: ${args.join(', ')}. Supported signature${supported.includes(';') ? 's' : ''}: ${supported}`,
  );
}

/** The common type two operands coerce to, or undefined (https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_rules). */
export function supertype(a: string, b: string, aLiteral = false, bLiteral = false): string | undefined {
  if (a === b) return a;
  if (a === 'NULL') return b;
  if (b === 'NULL') return a;
  if (NUMERIC.includes(a) && NUMERIC.includes(b)) return a === 'FLOAT64' || b === 'FLOAT64' ? 'FLOAT64' : 'NUMERIC';
  if ([a, b].sort().join() === 'DATE,DATETIME') return 'DATETIME';
  if (aLiteral && a === 'STRING' && TEMPORAL.includes(b)) return b;
  if (bLiteral && b === 'STRING' && TEMPORAL.includes(a)) return a;
  return undefined;
}

const isLiteralString = (e: Expr, params: Scope): boolean =>
  (e.k === 'lit' && e.type === 'STRING') || (e.k === 'param' && params.get(e.name.toLowerCase()) === 'STRING');

/** The type of `e` in `scope`, or a 400 invalidQuery naming the signature that does not match. */
export function typeOf(e: Expr, scope: Scope, params: Scope): string {
  const t = (x: Expr): string => typeOf(x, scope, params);
  switch (e.k) {
    case 'lit':
      return e.type;
    case 'param': {
      const p = params.get(e.name.toLowerCase());
      if (!p) throw new HttpError(400, 'invalidQuery', `Query parameter '${e.name}' not found`);
      return p;
    }
    case 'col': {
      const c = scope.get(e.name.toLowerCase());
      if (!c) throw new HttpError(400, 'invalidQuery', `Unrecognized name: ${e.name}`);
      return c;
    }
    case 'star':
      return 'STAR';
    case 'part':
      return 'DATE_TIME_PART';
    case 'interval': {
      if (t(e.expr) !== 'INT64') noSignature('INTERVAL', [t(e.expr)], 'INTERVAL INT64 DATE_TIME_PART');
      return 'INTERVAL';
    }
    case 'isnull':
      t(e.expr);
      return 'BOOL';
    case 'bin': {
      const [a, b] = [t(e.left), t(e.right)];
      if (COMPARISON.includes(e.op)) {
        if (!supertype(a, b, isLiteralString(e.left, params), isLiteralString(e.right, params)) || a.startsWith('ARRAY'))
          noSignature(`operator ${e.op}`, [a, b], `ANY ${e.op} ANY`);
        return 'BOOL';
      }
      if (!NUMERIC.includes(a) && a !== 'NULL')
        noSignature(`operator ${e.op}`, [a, b], `INT64 ${e.op} INT64; FLOAT64 ${e.op} FLOAT64; NUMERIC ${e.op} NUMERIC`);
      if (!NUMERIC.includes(b) && b !== 'NULL')
        noSignature(`operator ${e.op}`, [a, b], `INT64 ${e.op} INT64; FLOAT64 ${e.op} FLOAT64; NUMERIC ${e.op} NUMERIC`);
      return e.op !== '/' && a === 'INT64' && b === 'INT64' ? 'INT64' : 'FLOAT64';
    }
    case 'cast':
      return castType(t(e.expr), e.type);
    case 'index': {
      const a = t(e.expr);
      if (!a.startsWith('ARRAY<') || t(e.index) !== 'INT64')
        noSignature(`operator [${e.safe ? 'SAFE_OFFSET' : 'OFFSET'}]`, [a, t(e.index)], `ARRAY[${e.safe ? 'SAFE_OFFSET' : 'OFFSET'}(INT64)]`);
      return a.slice(6, -1);
    }
    case 'arraySub': {
      const inner = new Map(scope);
      inner.set(e.alias.toLowerCase(), elementType(t(e.source)));
      if (e.where && typeOf(e.where, inner, params) !== 'BOOL') throw new HttpError(400, 'invalidQuery', 'WHERE clause should return type BOOL');
      return `ARRAY<${typeOf(e.expr, inner, params)}>`;
    }
    case 'call':
      return callType(
        e.fn,
        e.args.map((x) => (x.k === 'star' ? 'STAR' : t(x))),
      );
  }
}

/** The element type of an UNNEST source, or the error BigQuery gives for a non-array. */
export function elementType(type: string): string {
  if (!type.startsWith('ARRAY<'))
    throw new HttpError(400, 'invalidQuery', `Values referenced in UNNEST must be arrays. UNNEST contains expression of type ${type}`);
  return type.slice(6, -1);
}

const CASTS: Record<string, string[]> = {
  INT64: ['BOOL', 'INT64', 'NUMERIC', 'FLOAT64', 'STRING'],
  FLOAT64: ['INT64', 'NUMERIC', 'FLOAT64', 'STRING'],
  BOOL: ['BOOL', 'INT64', 'STRING'],
  STRING: ['BOOL', 'INT64', 'NUMERIC', 'FLOAT64', 'STRING', 'DATE', 'DATETIME', 'TIMESTAMP'],
  DATE: ['STRING', 'DATE', 'DATETIME', 'TIMESTAMP'],
  DATETIME: ['STRING', 'DATE', 'DATETIME', 'TIMESTAMP'],
  TIMESTAMP: ['STRING', 'DATE', 'DATETIME', 'TIMESTAMP'],
};

function castType(from: string, to: string): string {
  const target = ({ INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' } as Record<string, string>)[to] ?? to;
  if (from !== 'NULL' && !(CASTS[from] ?? []).includes(target)) throw new HttpError(400, 'invalidQuery', `Invalid cast from ${from} to ${target}`);
  return target;
}

/** A function's result type from its argument types, per its BigQuery signatures. */
function callType(fn: string, args: string[]): string {
  const fail = (supported: string): never => noSignature(`function ${fn}`, args, supported);
  const is = (i: number, ...types: string[]) => args[i] === 'NULL' || types.includes(args[i]);
  switch (fn) {
    case 'COUNT':
      return 'INT64';
    case 'SUM':
      return is(0, 'INT64') ? 'INT64' : is(0, 'FLOAT64', 'NUMERIC') ? args[0] : fail('SUM(INT64); SUM(NUMERIC); SUM(FLOAT64)');
    case 'AVG':
      return is(0, ...NUMERIC) ? (args[0] === 'NUMERIC' ? 'NUMERIC' : 'FLOAT64') : fail('AVG(INT64); AVG(NUMERIC); AVG(FLOAT64)');
    case 'MIN':
    case 'MAX':
      return args[0]?.startsWith('ARRAY') ? fail(`${fn}(ANY)`) : args[0];
    case 'MAX_BY':
      return args.length === 2 && !args[1].startsWith('ARRAY') ? args[0] : fail('MAX_BY(ANY, ANY)');
    case 'DATE_TRUNC':
      return args.length === 2 && is(0, ...TEMPORAL) && args[1] === 'DATE_TIME_PART'
        ? args[0]
        : fail('DATE_TRUNC(DATE, DATE_TIME_PART); DATE_TRUNC(DATETIME, DATE_TIME_PART); DATE_TRUNC(TIMESTAMP, DATE_TIME_PART)');
    case 'DATE_ADD':
    case 'DATE_SUB':
      return args.length === 2 && is(0, 'DATE') && args[1] === 'INTERVAL' ? 'DATE' : fail(`${fn}(DATE, INTERVAL INT64 DATE_TIME_PART)`);
    case 'DATE':
      return (args.length === 1 && is(0, 'DATE', 'DATETIME', 'TIMESTAMP')) || (args.length === 3 && args.every((a) => a === 'INT64'))
        ? 'DATE'
        : fail('DATE(TIMESTAMP, [STRING]); DATE(DATETIME); DATE(INT64, INT64, INT64)');
    case 'PARSE_DATE':
      return args.length === 2 && is(0, 'STRING') && is(1, 'STRING') ? 'DATE' : fail('PARSE_DATE(STRING, STRING)');
    case 'SUBSTR':
      return (args.length === 2 || args.length === 3) && is(0, 'STRING') && args.slice(1).every((a) => a === 'INT64')
        ? 'STRING'
        : fail('SUBSTR(STRING, INT64, [INT64])');
    case 'SPLIT':
      return (args.length === 1 || args.length === 2) && is(0, 'STRING') && (args.length === 1 || is(1, 'STRING'))
        ? 'ARRAY<STRING>'
        : fail('SPLIT(STRING, [STRING])');
    default:
      return fail(`${fn}(...)`);
  }
}

/** True when the expression aggregates (a call of COUNT, SUM, ... anywhere in it). */
export const hasAgg = (e: Expr): boolean =>
  (e.k === 'call' && (AGGREGATES.has(e.fn) || e.args.some(hasAgg))) ||
  (e.k === 'bin' && (hasAgg(e.left) || hasAgg(e.right))) ||
  (e.k === 'cast' && hasAgg(e.expr)) ||
  (e.k === 'index' && hasAgg(e.expr));
