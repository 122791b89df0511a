import { cannot, tokenize, type Tok } from './bq-sql-lex.js';

/**
 * A parser for the small GoogleSQL subset the local BigQuery double can honestly evaluate:
 *
 *   SELECT expr [AS alias], ... | * FROM `project.dataset.table` [, UNNEST(expr) AS name]
 *   [WHERE cond [AND cond ...]] [GROUP BY expr|alias|ordinal, ...]
 *   [ORDER BY expr|alias [ASC|DESC], ...] [LIMIT n]
 *
 * with column refs, @named params, number/'string'/DATE 'yyyy-mm-dd' literals, + - * /,
 * comparisons, IS [NOT] NULL, CAST(expr AS type), array subscripts [OFFSET(i)] and
 * [SAFE_OFFSET(i)], ARRAY(SELECT [DISTINCT] expr FROM UNNEST(expr) AS name [WHERE cond]), and the
 * functions of FUNCTIONS. Anything else is a 400 "the local BigQuery double cannot evaluate: ..."
 * so a test never passes on a canned answer; types are checked by bq-sql-types.ts.
 */
export type Expr =
  | { k: 'col'; name: string }
  | { k: 'param'; name: string }
  | { k: 'lit'; value: string | number | null; type: 'STRING' | 'INT64' | 'FLOAT64' | 'DATE' | 'NULL' }
  | { k: 'star' }
  | { k: 'part'; unit: string }
  | { k: 'interval'; expr: Expr; unit: string }
  | { k: 'bin'; op: string; left: Expr; right: Expr }
  | { k: 'isnull'; expr: Expr; not: boolean }
  | { k: 'call'; fn: string; args: Expr[] }
  | { k: 'cast'; expr: Expr; type: string }
  | { k: 'index'; expr: Expr; index: Expr; safe: boolean }
  | { k: 'arraySub'; distinct: boolean; expr: Expr; source: Expr; alias: string; where?: Expr };

export interface Query {
  select: { expr: Expr; alias: string }[] | '*';
  table: { project: string; dataset: string; table: string };
  /** `FROM t, UNNEST(expr) AS alias`: each row once per element of the array, as `alias`. */
  unnest?: { expr: Expr; alias: string };
  where: Expr[];
  groupBy: Expr[];
  orderBy: { expr: Expr; desc: boolean }[];
  limit?: number;
}

export const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'MAX_BY']);
const FUNCTIONS = new Set([...AGGREGATES, 'DATE_TRUNC', 'DATE_ADD', 'DATE_SUB', 'DATE', 'PARSE_DATE', 'SUBSTR', 'SPLIT']);
const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'GROUP', 'BY', 'ORDER', 'ASC', 'DESC', 'LIMIT', 'AS', 'IS', 'NOT', 'NULL', 'INTERVAL']);

export function parseQuery(sql: string): Query {
  const toks = tokenize(sql);
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const isKw = (kw: string): boolean => peek()?.t === 'id' && peek()!.v.toUpperCase() === kw;
  const isOp = (op: string): boolean => peek()?.t === 'op' && peek()!.v === op;
  const expectKw = (kw: string): void => {
    if (!isKw(kw)) cannot(`expected ${kw} near '${peek()?.v ?? 'end of query'}'`);
    i++;
  };
  const expectOp = (op: string): void => {
    if (!isOp(op)) cannot(`expected '${op}' near '${peek()?.v ?? 'end of query'}'`);
    i++;
  };

  function primary(): Expr {
    const t = peek();
    if (!t) cannot('unexpected end of query');
    if (t.t === 'op' && t.v === '(') {
      i++;
      const e = additive();
      expectOp(')');
      return e;
    }
    if (t.t === 'op' && t.v === '*') {
      i++;
      return { k: 'star' };
    }
    i++;
    if (t.t === 'num') return { k: 'lit', value: Number(t.v), type: /[.eE]/.test(t.v) ? 'FLOAT64' : 'INT64' };
    if (t.t === 'str') return { k: 'lit', value: t.v, type: 'STRING' };
    if (t.t === 'param') return { k: 'param', name: t.v };
    if (t.t === 'qid') return { k: 'col', name: t.v };
    if (t.t === 'op' && t.v === '-') {
      const e = primary();
      return { k: 'bin', op: '-', left: { k: 'lit', value: 0, type: 'INT64' }, right: e };
    }
    if (t.t !== 'id') cannot(`unexpected '${t.v}'`);
    const up = t.v.toUpperCase();
    if (up === 'NULL') return { k: 'lit', value: null, type: 'NULL' };
    if (up === 'DATE' && peek()?.t === 'str') {
      const v = toks[i++].v;
      return { k: 'lit', value: v, type: 'DATE' };
    }
    if (up === 'INTERVAL') {
      const e = additive();
      const unit = toks[i++]?.v.toUpperCase() ?? '';
      if (!['DAY', 'WEEK', 'MONTH', 'YEAR'].includes(unit)) cannot(`INTERVAL unit ${unit}`);
      return { k: 'interval', expr: e, unit };
    }
    if (up === 'CAST' && isOp('(')) {
      i++;
      const expr = additive();
      expectKw('AS');
      const type = toks[i++]?.v.toUpperCase() ?? cannot('CAST without a type');
      expectOp(')');
      return { k: 'cast', expr, type };
    }
    if (up === 'ARRAY' && isOp('(')) {
      i++;
      expectKw('SELECT');
      const distinct = isKw('DISTINCT');
      if (distinct) i++;
      const expr = additive();
      expectKw('FROM');
      const { expr: source, alias } = unnestRef();
      let where: Expr | undefined;
      if (isKw('WHERE')) {
        i++;
        where = condition();
      }
      expectOp(')');
      return { k: 'arraySub', distinct, expr, source, alias, where };
    }
    if (isOp('(')) {
      if (['WEEK', 'MONTH', 'DAY', 'YEAR'].includes(up)) {
        i++;
        const day = toks[i++]?.v.toUpperCase() ?? '';
        expectOp(')');
        return { k: 'part', unit: `${up}(${day})` };
      }
      if (!FUNCTIONS.has(up)) cannot(`function ${t.v}()`);
      i++;
      const args: Expr[] = [];
      if (!isOp(')')) {
        if (isKw('DISTINCT')) cannot(`${up}(DISTINCT ...)`);
        args.push(additive());
        while (isOp(',')) {
          i++;
          args.push(additive());
        }
      }
      expectOp(')');
      if (isKw('OVER')) cannot(`${up}(...) OVER`);
      // DATE_TRUNC(d, MONTH): the bare date part reads as a name; it is a part.
      const part = args[1];
      if (up === 'DATE_TRUNC' && part?.k === 'col') args[1] = { k: 'part', unit: part.name.toUpperCase() };
      return { k: 'call', fn: up, args };
    }
    if (KEYWORDS.has(up)) cannot(`unexpected keyword ${up}`);
    return { k: 'col', name: t.v };
  }
  /** `UNNEST(expr) AS name` (in FROM, and in an ARRAY subquery). */
  function unnestRef(): { expr: Expr; alias: string } {
    if (!isKw('UNNEST')) cannot(`expected UNNEST near '${peek()?.v ?? 'end of query'}'`);
    i++;
    expectOp('(');
    const expr = additive();
    expectOp(')');
    expectKw('AS');
    const alias = toks[i++]?.v ?? cannot('alias after AS');
    return { expr, alias };
  }
  /** A primary with array subscripts: `expr[OFFSET(i)]`, `expr[SAFE_OFFSET(i)]`. */
  function subscripted(): Expr {
    let e = primary();
    while (isOp('[')) {
      i++;
      const kind = toks[i++]?.v.toUpperCase() ?? '';
      if (kind !== 'OFFSET' && kind !== 'SAFE_OFFSET') cannot(`array subscript ${kind}`);
      expectOp('(');
      const index = additive();
      expectOp(')');
      expectOp(']');
      e = { k: 'index', expr: e, index, safe: kind === 'SAFE_OFFSET' };
    }
    return e;
  }
  /** A left-associative level of binary operators `ops` over operands parsed by `operand`. */
  function binaryLevel(operand: () => Expr, ops: readonly string[]): Expr {
    let e = operand();
    while (ops.some(isOp)) {
      const op = toks[i++].v;
      e = { k: 'bin', op, left: e, right: operand() };
    }
    return e;
  }
  function multiplicative(): Expr {
    return binaryLevel(subscripted, ['*', '/']);
  }
  function additive(): Expr {
    return binaryLevel(multiplicative, ['+', '-']);
  }
  function condition(): Expr {
    const left = additive();
    if (isKw('IS')) {
      i++;
      const not = isKw('NOT');
      if (not) i++;
      expectKw('NULL');
      return { k: 'isnull', expr: left, not };
    }
    const t = peek();
    if (t?.t === 'op' && ['=', '!=', '<>', '<', '<=', '>', '>='].includes(t.v)) {
      i++;
      return { k: 'bin', op: t.v === '<>' ? '!=' : t.v, left, right: additive() };
    }
    if (t?.t === 'id' && ['OR', 'IN', 'LIKE', 'BETWEEN'].includes(t.v.toUpperCase())) cannot(`${t.v.toUpperCase()} in WHERE`);
    cannot(`a WHERE condition near '${t?.v ?? 'end of query'}'`);
  }

  expectKw('SELECT');
  if (isKw('DISTINCT')) cannot('SELECT DISTINCT');
  let select: Query['select'];
  if (isOp('*')) {
    i++;
    select = '*';
  } else {
    select = [];
    do {
      if (select.length) i++;
      const expr = additive();
      let alias = expr.k === 'col' ? expr.name : `f${select.length}_`;
      if (isKw('AS')) {
        i++;
        alias = toks[i++]?.v ?? cannot('alias after AS');
      } else if (peek()?.t === 'qid' || (peek()?.t === 'id' && !KEYWORDS.has(peek()!.v.toUpperCase()))) {
        alias = toks[i++].v;
      }
      select.push({ expr, alias });
    } while (isOp(','));
  }
  expectKw('FROM');
  const ref = toks[i++];
  if (!ref || ref.t !== 'qid') cannot('FROM needs a backquoted `project.dataset.table`');
  const parts = ref.v.split('.');
  if (parts.length !== 3) cannot(`table reference \`${ref.v}\` (expected project.dataset.table)`);
  const q: Query = { select, table: { project: parts[0], dataset: parts[1], table: parts[2] }, where: [], groupBy: [], orderBy: [] };
  if (isOp(',')) {
    i++;
    q.unnest = unnestRef();
  }
  if (isKw('JOIN') || isKw('CROSS') || isKw('LEFT') || isKw('INNER')) cannot('JOIN');
  if (isKw('WHERE')) {
    i++;
    q.where.push(condition());
    while (isKw('AND')) {
      i++;
      q.where.push(condition());
    }
  }
  if (isKw('GROUP')) {
    i++;
    expectKw('BY');
    do {
      if (q.groupBy.length) i++;
      q.groupBy.push(additive());
    } while (isOp(','));
  }
  if (isKw('HAVING')) cannot('HAVING');
  if (isKw('ORDER')) {
    i++;
    expectKw('BY');
    do {
      if (q.orderBy.length) i++;
      const expr = additive();
      let desc = false;
      if (isKw('ASC') || isKw('DESC')) desc = toks[i++].v.toUpperCase() === 'DESC';
      q.orderBy.push({ expr, desc });
    } while (isOp(','));
  }
  if (isKw('LIMIT')) {
    i++;
    const n = toks[i++];
    if (!n || n.t !== 'num') cannot('LIMIT needs a number');
    q.limit = Number(n.v);
  }
  if (i < toks.length) cannot(`unsupported clause near '${toks[i].v}'`);
  return q;
}
