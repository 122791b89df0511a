import { HttpError } from './http-util.js';

/** A token of the double's GoogleSQL subset. */
export type Tok = { t: 'id' | 'qid' | 'num' | 'str' | 'param' | 'op'; v: string };

export function cannot(what: string): never {
  throw new HttpError(400, 'invalidQuery', `the local BigQuery double cannot evaluate: ${what}`);
}

/** Split a query into tokens: backquoted and plain identifiers, numbers, 'strings', @params, operators. */
export function tokenize(sql: string): Tok[] {
  const toks: Tok[] = [];
  const re =
    /\s+|--[^\n]*|`([^`]+)`|'((?:[^'\\]|\\.)*)'|@([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|!=|[(),*=<>+\-/.;[\]])/y;
  let pos = 0;
  while (pos < sql.length) {
    re.lastIndex = pos;
    const m = re.exec(sql);
    if (!m) cannot(`unexpected text at ${pos}: '${sql.slice(pos, pos + 20)}'`);
    pos = re.lastIndex;
    if (m[1] !== undefined) toks.push({ t: 'qid', v: m[1] });
    else if (m[2] !== undefined) toks.push({ t: 'str', v: m[2].replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) toks.push({ t: 'param', v: m[3] });
    else if (m[4] !== undefined) toks.push({ t: 'num', v: m[4] });
    else if (m[5] !== undefined) toks.push({ t: 'id', v: m[5] });
    else if (m[6] !== undefined && m[6] !== ';') toks.push({ t: 'op', v: m[6] });
  }
  return toks;
}
