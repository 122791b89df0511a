import { HttpError } from './http-util.js';
import { AGGREGATES, type Expr, type Query } from './bq-sql-parse.js';

/** A typed cell while evaluating: DATE as 'yyyy-mm-dd', INT64/FLOAT64/TIMESTAMP(µs) as numbers. */
export type Value = string | number | boolean | null;
export interface Field { name: string; type: string; mode?: string; description?: string }
export interface Param { type: string; value: Value }

function cannot(what: string): never {
  throw new HttpError(400, 'invalidQuery', `the local BigQuery double cannot evaluate: ${what}`);
}

/** Legacy type names the API accepts, mapped to the GoogleSQL ones. */
export function normType(t: string): string {
  const u = t.toUpperCase();
  return ({ INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' } as Record<string, string>)[u] ?? u;
}

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const toDate = (s: string): Date => new Date(`${s}T00:00:00Z`);
const fmt = (d: Date): string => d.toISOString().slice(0, 10);

function dateTrunc(d: string, unit: string): string {
  const x = toDate(d);
  if (unit === 'DAY') return d;
  if (unit === 'MONTH') return `${d.slice(0, 7)}-01`;
  if (unit === 'YEAR') return `${d.slice(0, 4)}-01-01`;
  const m = /^WEEK(?:\((\w+)\))?$/.exec(unit);
  if (!m) cannot(`DATE_TRUNC part ${unit}`);
  const start = DAYS.indexOf(m[1] ?? 'SUNDAY');
  if (start < 0) cannot(`WEEK(${m[1]})`);
  x.setUTCDate(x.getUTCDate() - ((x.getUTCDay() - start + 7) % 7));
  return fmt(x);
}

function dateAdd(d: string, n: number, unit: string): string {
  const x = toDate(d);
  if (unit === 'DAY') x.setUTCDate(x.getUTCDate() + n);
  else if (unit === 'WEEK') x.setUTCDate(x.getUTCDate() + 7 * n);
  else if (unit === 'MONTH' || unit === 'YEAR') {
    const months = unit === 'YEAR' ? 12 * n : n;
    const day = x.getUTCDate();
    x.setUTCDate(1);
    x.setUTCMonth(x.getUTCMonth() + months);
    const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
    x.setUTCDate(Math.min(day, last)); // BigQuery clamps to the month's last day
  } else cannot(`DATE_ADD unit ${unit}`);
  return fmt(x);
}

interface Env { row: Map<string, Value>; params: Map<string, Param>; group?: Map<string, Value>[] }

function evalExpr(e: Expr, env: Env): Value {
  switch (e.k) {
    case 'lit': return e.value;
    case 'param': {
      const p = env.params.get(e.name.toLowerCase());
      if (!p) throw new HttpError(400, 'invalidQuery', `Query parameter '${e.name}' not found`);
      return p.value;
    }
    case 'col': {
      const key = e.name.toLowerCase();
      if (!env.row.has(key)) throw new HttpError(400, 'invalidQuery', `Unrecognized name: ${e.name}`);
      return env.row.get(key)!;
    }
    case 'bin': {
      const a = evalExpr(e.left, env);
      const b = evalExpr(e.right, env);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+': return (a as number) + (b as number);
        case '-': return (a as number) - (b as number);
        case '*': return (a as number) * (b as number);
        case '/': if (b === 0) throw new HttpError(400, 'invalidQuery', 'division by zero'); return (a as number) / (b as number);
        case '=': return a === b;
        case '!=': return a !== b;
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
      }
      return cannot(`operator ${e.op}`);
    }
    case 'isnull': {
      const v = evalExpr(e.expr, env);
      return e.not ? v !== null : v === null;
    }
    case 'call': return evalCall(e.fn, e.args, env);
    default: return cannot(`expression ${e.k} here`);
  }
}

function evalCall(fn: string, args: Expr[], env: Env): Value {
  if (AGGREGATES.has(fn)) {
    if (!env.group) cannot(`aggregate ${fn} outside an aggregation`);
    const rows = env.group;
    if (fn === 'COUNT') return args[0]?.k === 'star' ? rows.length : rows.filter((r) => evalExpr(args[0], { ...env, row: r, group: undefined }) !== null).length;
    const vals = rows.map((r) => evalExpr(args[0], { ...env, row: r, group: undefined }));
    if (fn === 'MAX_BY') {
      let best: Value = null;
      let bestKey: Value = null;
      rows.forEach((r, k) => {
        const key = evalExpr(args[1], { ...env, row: r, group: undefined });
        if (key !== null && (bestKey === null || key > bestKey)) [best, bestKey] = [vals[k], key];
      });
      return best;
    }
    const nums = vals.filter((v) => v !== null) as number[];
    if (nums.length === 0) return null;
    if (fn === 'SUM') return nums.reduce((s, v) => s + v, 0);
    if (fn === 'AVG') return nums.reduce((s, v) => s + v, 0) / nums.length;
    if (fn === 'MIN') return nums.reduce((m, v) => (v < m ? v : m));
    return nums.reduce((m, v) => (v > m ? v : m));
  }
  const v = evalExpr(args[0], env);
  if (v === null) return null;
  if (fn === 'DATE') return typeof v === 'number' ? new Date(v / 1000).toISOString().slice(0, 10) : String(v).slice(0, 10);
  if (fn === 'DATE_TRUNC') {
    // A bare date part (MONTH) parses as a column name; WEEK(MONDAY) as a part.
    const p = args[1];
    const unit = p?.k === 'part' ? p.unit : p?.k === 'col' ? p.name.toUpperCase() : cannot('DATE_TRUNC without a date part');
    return dateTrunc(String(v), unit);
  }
  const iv = args[1];
  if (iv?.k !== 'interval') cannot(`${fn} without INTERVAL`);
  const n = evalExpr(iv.expr, env) as number;
  return dateAdd(String(v), fn === 'DATE_SUB' ? -n : n, iv.unit);
}

/** Result type of an expression, as BigQuery would report it in the result schema. */
function typeOf(e: Expr, schema: Map<string, string>, params: Map<string, Param>): string {
  switch (e.k) {
    case 'lit': return e.type === 'NULL' ? 'STRING' : e.type;
    case 'param': return normType(params.get(e.name.toLowerCase())?.type ?? 'STRING');
    case 'col': return schema.get(e.name.toLowerCase()) ?? 'STRING';
    case 'bin': {
      if (['=', '!=', '<', '<=', '>', '>='].includes(e.op)) return 'BOOL';
      const a = typeOf(e.left, schema, params);
      const b = typeOf(e.right, schema, params);
      return e.op !== '/' && a === 'INT64' && b === 'INT64' ? 'INT64' : 'FLOAT64';
    }
    case 'isnull': return 'BOOL';
    case 'call':
      if (e.fn === 'COUNT') return 'INT64';
      if (e.fn === 'AVG') return 'FLOAT64';
      if (['DATE', 'DATE_TRUNC', 'DATE_ADD', 'DATE_SUB'].includes(e.fn)) return 'DATE';
      return typeOf(e.args[0], schema, params) === 'INT64' && e.fn !== 'MAX_BY' ? 'INT64' : typeOf(e.args[0], schema, params);
    default: return cannot(`type of ${e.k}`);
  }
}

const hasAgg = (e: Expr): boolean =>
  (e.k === 'call' && (AGGREGATES.has(e.fn) || e.args.some(hasAgg))) || (e.k === 'bin' && (hasAgg(e.left) || hasAgg(e.right)));

/**
 * Evaluate a parsed query over typed rows. Grouping keys may be ordinals, select aliases or
 * expressions; non-aggregated select items must be grouping keys, as in BigQuery.
 */
export function evaluate(q: Query, schema: Field[], rows: Value[][], params: Map<string, Param>): { schema: Field[]; rows: Value[][] } {
  const types = new Map(schema.map((f) => [f.name.toLowerCase(), normType(f.type)]));
  const named = rows.map((r) => new Map(schema.map((f, k) => [f.name.toLowerCase(), r[k]])));
  const kept = named.filter((row) => q.where.every((c) => evalExpr(c, { row, params }) === true));
  if (q.select === '*') {
    if (q.groupBy.length) cannot('SELECT * with GROUP BY');
    return finish(q, schema.map((f) => ({ name: f.name, type: normType(f.type) })), kept.map((row) => schema.map((f) => row.get(f.name.toLowerCase())!)), kept, params);
  }
  const select = q.select;
  const outSchema = select.map((s) => ({ name: s.alias, type: typeOf(s.expr, types, params) }));
  const resolve = (g: Expr): Expr => {
    if (g.k === 'lit' && typeof g.value === 'number') return select[g.value - 1]?.expr ?? cannot(`GROUP BY ordinal ${g.value}`);
    if (g.k === 'col') {
      const s = select.find((x) => x.alias.toLowerCase() === g.name.toLowerCase());
      if (s) return s.expr;
    }
    return g;
  };
  const aggregate = q.groupBy.length > 0 || select.some((s) => hasAgg(s.expr));
  if (!aggregate) return finish(q, outSchema, kept.map((row) => select.map((s) => evalExpr(s.expr, { row, params }))), kept, params);
  const keys = q.groupBy.map(resolve);
  const keyText = keys.map((k) => JSON.stringify(k));
  for (const s of select) {
    if (!hasAgg(s.expr) && !keyText.includes(JSON.stringify(s.expr))) cannot(`SELECT list expression '${s.alias}' is neither grouped nor aggregated`);
  }
  const groups = new Map<string, Map<string, Value>[]>();
  for (const row of kept) {
    const id = JSON.stringify(keys.map((k) => evalExpr(k, { row, params })));
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(row);
  }
  if (groups.size === 0 && keys.length === 0) groups.set('[]', []);
  const out = [...groups.values()].map((g) => select.map((s) => evalExpr(s.expr, { row: g[0] ?? new Map(), params, group: g })));
  return finish(q, outSchema, out, [], params);
}

function finish(q: Query, schema: Field[], rows: Value[][], _source: Map<string, Value>[], _params: Map<string, Param>): { schema: Field[]; rows: Value[][] } {
  const select = q.select;
  const idx = (e: Expr): number => {
    if (e.k === 'lit' && typeof e.value === 'number') return e.value - 1;
    if (e.k === 'col') {
      const i = schema.findIndex((f) => f.name.toLowerCase() === e.name.toLowerCase());
      if (i >= 0) return i;
    }
    if (select !== '*') {
      const i = select.findIndex((s) => JSON.stringify(s.expr) === JSON.stringify(e));
      if (i >= 0) return i;
    }
    return cannot('ORDER BY an expression that is not in the SELECT list');
  };
  const order = q.orderBy.map((o) => ({ i: idx(o.expr), desc: o.desc }));
  const sorted = order.length === 0 ? rows : [...rows].sort((a, b) => {
    for (const { i, desc } of order) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      // NULLs first ascending, last descending (BigQuery's default)
      const c = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  });
  return { schema, rows: q.limit !== undefined ? sorted.slice(0, q.limit) : sorted };
}

/** Columns a query reads (all of them for SELECT *), for totalBytesProcessed. */
export function referencedColumns(q: Query, schema: Field[]): string[] {
  if (q.select === '*') return schema.map((f) => f.name.toLowerCase());
  const cols = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.k === 'col') cols.add(e.name.toLowerCase());
    else if (e.k === 'bin') [e.left, e.right].forEach(walk);
    else if (e.k === 'isnull' || e.k === 'interval') walk(e.expr);
    else if (e.k === 'call') e.args.forEach(walk);
  };
  const aliases = new Set(q.select.map((s) => s.alias.toLowerCase()));
  [...q.select.map((s) => s.expr), ...q.where].forEach(walk);
  for (const g of [...q.groupBy, ...q.orderBy.map((o) => o.expr)]) if (!(g.k === 'col' && aliases.has(g.name.toLowerCase()))) walk(g);
  return [...cols].filter((c) => schema.some((f) => f.name.toLowerCase() === c));
}
