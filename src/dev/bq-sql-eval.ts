import { HttpError } from './http-util.js';
import { AGGREGATES, type Expr, type Query } from './bq-sql-parse.js';
import { castValue, compareValues, dateAdd, dateOf, parseDate, split, substr, truncTemporal, type Value } from './bq-sql-functions.js';
import { elementType, hasAgg, typeOf, type Scope } from './bq-sql-types.js';

/** A typed cell while evaluating: DATE as 'yyyy-mm-dd', INT64/FLOAT64/TIMESTAMP(µs) as numbers, arrays as arrays. */
export type { Value } from './bq-sql-functions.js';
export interface Field {
  name: string;
  type: string;
  mode?: string;
  description?: string;
}
export interface Param {
  type: string;
  value: Value;
}

function cannot(what: string): never {
  throw new HttpError(400, 'invalidQuery', `the local BigQuery double cannot evaluate: ${what}`);
}

/** Legacy type names the API accepts, mapped to the GoogleSQL ones. */
export function normType(t: string): string {
  const u = t.toUpperCase();
  return ({ INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' } as Record<string, string>)[u] ?? u;
}

interface Env {
  row: Map<string, Value>;
  params: Map<string, Param>;
  types: Scope;
  ptypes: Scope;
  group?: Map<string, Value>[];
}

function evalExpr(e: Expr, env: Env): Value {
  switch (e.k) {
    case 'lit':
      return e.value;
    case 'param':
      return env.params.get(e.name.toLowerCase())?.value ?? null;
    case 'col':
      return env.row.get(e.name.toLowerCase()) ?? null;
    case 'bin': {
      const a = evalExpr(e.left, env);
      const b = evalExpr(e.right, env);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
          return (a as number) + (b as number);
        case '-':
          return (a as number) - (b as number);
        case '*':
          return (a as number) * (b as number);
        case '/':
          if (b === 0) throw new HttpError(400, 'invalidQuery', 'division by zero');
          return (a as number) / (b as number);
        case '=':
          return compareValues(a, b) === 0;
        case '!=':
          return compareValues(a, b) !== 0;
        case '<':
          return compareValues(a, b) < 0;
        case '<=':
          return compareValues(a, b) <= 0;
        case '>':
          return compareValues(a, b) > 0;
        case '>=':
          return compareValues(a, b) >= 0;
      }
      return cannot(`operator ${e.op}`);
    }
    case 'isnull': {
      const v = evalExpr(e.expr, env);
      return e.not ? v !== null : v === null;
    }
    case 'cast':
      return castValue(evalExpr(e.expr, env), typeOf(e.expr, env.types, env.ptypes), typeOf(e, env.types, env.ptypes));
    case 'index': {
      const arr = evalExpr(e.expr, env) as Value[] | null;
      const i = evalExpr(e.index, env) as number | null;
      if (arr === null || i === null) return null;
      if (i >= 0 && i < arr.length) return arr[i];
      if (e.safe) return null;
      throw new HttpError(400, 'invalidQuery', `Array index ${i} is out of bounds (overflow)`);
    }
    case 'arraySub': {
      const types = new Map(env.types).set(e.alias.toLowerCase(), elementType(typeOf(e.source, env.types, env.ptypes)));
      const out: Value[] = [];
      const seen = new Set<string>();
      for (const el of (evalExpr(e.source, env) as Value[] | null) ?? []) {
        const inner = { ...env, types, row: new Map(env.row).set(e.alias.toLowerCase(), el), group: undefined };
        if (e.where && evalExpr(e.where, inner) !== true) continue;
        const v = evalExpr(e.expr, inner);
        if (e.distinct) {
          const key = JSON.stringify(v);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        out.push(v);
      }
      return out;
    }
    case 'call':
      return evalCall(e.fn, e.args, env);
    default:
      return cannot(`expression ${e.k} here`);
  }
}

function evalCall(fn: string, args: Expr[], env: Env): Value {
  if (AGGREGATES.has(fn)) {
    if (!env.group) cannot(`aggregate ${fn} outside an aggregation`);
    const each = (x: Expr) => env.group!.map((r) => evalExpr(x, { ...env, row: r, group: undefined }));
    if (fn === 'COUNT') return args[0]?.k === 'star' ? env.group.length : each(args[0]).filter((v) => v !== null).length;
    const vals = each(args[0]);
    if (fn === 'MAX_BY') {
      const keys = each(args[1]);
      let best = -1;
      keys.forEach((k, i) => {
        if (k !== null && (best < 0 || compareValues(k, keys[best]) > 0)) best = i;
      });
      return best < 0 ? null : vals[best];
    }
    const present = vals.filter((v) => v !== null);
    if (present.length === 0) return null;
    if (fn === 'MIN' || fn === 'MAX') return present.reduce((m, v) => (compareValues(v, m) < 0 === (fn === 'MIN') ? v : m));
    const sum = (present as number[]).reduce((a, v) => a + v, 0);
    return fn === 'SUM' ? sum : sum / present.length;
  }
  const argType = (i: number) => typeOf(args[i], env.types, env.ptypes);
  const v = evalExpr(args[0], env);
  if (v === null) return null;
  switch (fn) {
    case 'DATE':
      return args.length === 3
        ? `${v}-${String(evalExpr(args[1], env)).padStart(2, '0')}-${String(evalExpr(args[2], env)).padStart(2, '0')}`
        : dateOf(v, argType(0));
    case 'PARSE_DATE': {
      const text = evalExpr(args[1], env);
      return text === null ? null : parseDate(String(v), String(text));
    }
    case 'SUBSTR':
      return substr(String(v), evalExpr(args[1], env) as number, args[2] ? (evalExpr(args[2], env) as number) : undefined);
    case 'SPLIT':
      return split(String(v), args[1] ? String(evalExpr(args[1], env)) : ',');
    case 'DATE_TRUNC': {
      const p = args[1];
      const unit = p?.k === 'part' ? p.unit : cannot('DATE_TRUNC without a date part');
      return truncTemporal(v, argType(0), unit);
    }
  }
  const iv = args[1];
  if (iv?.k !== 'interval') cannot(`${fn} without INTERVAL`);
  const n = evalExpr(iv.expr, env) as number;
  return dateAdd(String(v), fn === 'DATE_SUB' ? -n : n, iv.unit);
}

/** The scopes a query is typed and evaluated in: columns (plus an UNNEST alias) and parameters. */
function scopes(q: Query, schema: Field[], params: Map<string, Param>): { types: Map<string, string>; ptypes: Map<string, string> } {
  const types = new Map(schema.map((f) => [f.name.toLowerCase(), normType(f.type)]));
  const ptypes = new Map([...params].map(([k, p]) => [k, normType(p.type)]));
  if (q.unnest) types.set(q.unnest.alias.toLowerCase(), elementType(typeOf(q.unnest.expr, types, ptypes)));
  return { types, ptypes };
}

/**
 * Type-check a query against the table's schema and the parameters, as BigQuery does before
 * reading anything (also on dry runs): every expression must match a signature, WHERE must be
 * BOOL. Returns the result schema; a mismatch is a 400 invalidQuery.
 */
export function checkQuery(q: Query, schema: Field[], params: Map<string, Param>): Field[] {
  const { types, ptypes } = scopes(q, schema, params);
  for (const w of q.where) {
    if (typeOf(w, types, ptypes) !== 'BOOL') throw new HttpError(400, 'invalidQuery', 'WHERE clause should return type BOOL');
  }
  for (const g of q.groupBy)
    if (
      !(g.k === 'lit' && typeof g.value === 'number') &&
      !(g.k === 'col' && q.select !== '*' && q.select.some((s) => s.alias.toLowerCase() === g.name.toLowerCase()))
    )
      typeOf(g, types, ptypes);
  if (q.select === '*') return schema.map((f) => ({ name: f.name, type: normType(f.type) }));
  return q.select.map((s) => ({ name: s.alias, type: typeOf(s.expr, types, ptypes) }));
}

/**
 * Evaluate a parsed query over typed rows, after `checkQuery`. `FROM t, UNNEST(expr) AS x` repeats
 * each row once per element of its array (none for an empty or NULL array). Grouping keys may be
 * ordinals, select aliases or expressions; non-aggregated select items must be grouping keys, as
 * in BigQuery.
 */
export function evaluate(q: Query, schema: Field[], rows: Value[][], params: Map<string, Param>): { schema: Field[]; rows: Value[][] } {
  const outSchema = checkQuery(q, schema, params);
  const { types, ptypes } = scopes(q, schema, params);
  const env = (row: Map<string, Value>, group?: Map<string, Value>[]): Env => ({ row, params, types, ptypes, group });
  let named = rows.map((r) => new Map(schema.map((f, k) => [f.name.toLowerCase(), r[k]])));
  if (q.unnest) {
    const { expr, alias } = q.unnest;
    named = named.flatMap((row) => ((evalExpr(expr, env(row)) as Value[] | null) ?? []).map((v) => new Map(row).set(alias.toLowerCase(), v)));
  }
  const kept = named.filter((row) => q.where.every((c) => evalExpr(c, env(row)) === true));
  if (q.select === '*') {
    if (q.groupBy.length) cannot('SELECT * with GROUP BY');
    return finish(
      q,
      outSchema,
      kept.map((row) => schema.map((f) => row.get(f.name.toLowerCase())!)),
    );
  }
  const select = q.select;
  const resolve = (g: Expr): Expr => {
    if (g.k === 'lit' && typeof g.value === 'number') return select[g.value - 1]?.expr ?? cannot(`GROUP BY ordinal ${g.value}`);
    if (g.k === 'col') {
      const s = select.find((x) => x.alias.toLowerCase() === g.name.toLowerCase());
      if (s) return s.expr;
    }
    return g;
  };
  const aggregate = q.groupBy.length > 0 || select.some((s) => hasAgg(s.expr));
  if (!aggregate)
    return finish(
      q,
      outSchema,
      kept.map((row) => select.map((s) => evalExpr(s.expr, env(row)))),
    );
  const keys = q.groupBy.map(resolve);
  const keyText = keys.map((k) => JSON.stringify(k));
  for (const s of select) {
    if (!hasAgg(s.expr) && !keyText.includes(JSON.stringify(s.expr))) cannot(`SELECT list expression '${s.alias}' is neither grouped nor aggregated`);
  }
  const groups = new Map<string, Map<string, Value>[]>();
  for (const row of kept) {
    const id = JSON.stringify(keys.map((k) => evalExpr(k, env(row))));
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(row);
  }
  if (groups.size === 0 && keys.length === 0) groups.set('[]', []);
  return finish(
    q,
    outSchema,
    [...groups.values()].map((g) => select.map((s) => evalExpr(s.expr, env(g[0] ?? new Map(), g)))),
  );
}

function finish(q: Query, schema: Field[], rows: Value[][]): { schema: Field[]; rows: Value[][] } {
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
  const sorted =
    order.length === 0
      ? rows
      : [...rows].sort((a, b) => {
          for (const { i, desc } of order) {
            const x = a[i];
            const y = b[i];
            if (x === y) continue;
            // NULLs first ascending, last descending (BigQuery's default)
            const c = x === null ? -1 : y === null ? 1 : compareValues(x, y);
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
    else if (e.k === 'isnull' || e.k === 'interval' || e.k === 'cast') walk(e.expr);
    else if (e.k === 'index') [e.expr, e.index].forEach(walk);
    else if (e.k === 'arraySub') [e.expr, e.source, ...(e.where ? [e.where] : [])].forEach(walk);
    else if (e.k === 'call') e.args.forEach(walk);
  };
  const aliases = new Set(q.select.map((s) => s.alias.toLowerCase()));
  [...q.select.map((s) => s.expr), ...q.where, ...(q.unnest ? [q.unnest.expr] : [])].forEach(walk);
  for (const g of [...q.groupBy, ...q.orderBy.map((o) => o.expr)]) if (!(g.k === 'col' && aliases.has(g.name.toLowerCase()))) walk(g);
  return [...cols].filter((c) => schema.some((f) => f.name.toLowerCase() === c));
}
