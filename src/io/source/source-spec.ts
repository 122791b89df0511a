import { inputError } from '../../errors.js';
import { isAgg, type Agg } from '../../frame/aggregate.js';
import { isFill, type Fill } from '../../frame/align.js';
import { parseUri, resolveUri, type Uri } from '../uri.js';

export const FORMATS = ['long', 'wide', 'events'] as const;
export type Format = (typeof FORMATS)[number];
export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

/** One input table and how to read it. Also the shape of a config `sources[]` entry, its URI parsed. */
export interface SourceSpec {
  /** Parsed once, where the spec is read (the command line or the config). */
  readonly uri: Uri;
  readonly format: Format;
  /** Column names; defaults are guessed from common names (keyword/theme, date/Date, value/trend_index/Sentiment). */
  readonly key?: string;
  readonly date?: string;
  readonly value?: string;
  /** How values sharing a (key, period) combine. Unset for long/wide: a duplicate is an error. Events default to count. */
  readonly agg?: Agg;
  /** Prepended to every series name from this source (e.g. `gdelt_`). */
  readonly prefix?: string;
  /** Events in BigQuery: the key column holds lists with this delimiter (GDELT's V2Themes: `;`); each item is a key. */
  readonly split?: string;
  /** Gap filling for this source; default zero for events, ffill otherwise. */
  readonly fill?: Fill;
  /** BigQuery: location of the dataset (EU, US, …), a query instead of a table, its parameters and a bytes cap. */
  readonly location?: string;
  readonly query?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly maxBytesBilled?: string | number;
  /** BigQuery: a gs:// prefix through which large tables are exported and streamed back. */
  readonly extractVia?: string;
}

const KEYS = ['format', 'key', 'date', 'value', 'agg', 'prefix', 'fill', 'location', 'split'] as const;

/**
 * Parse `URI[?format=long|wide|events&key=COL&date=COL&value=COL&agg=…&prefix=STR&fill=…&location=EU&split=;]`.
 * Unknown options and bad values are rejected naming the option and the allowed values.
 */
export function parseSourceSpec(text: string): SourceSpec {
  const q = text.indexOf('?');
  const uri = q < 0 ? text : text.slice(0, q);
  const opts = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const seen = new Set<string>();
  for (const k of opts.keys()) {
    if (!(KEYS as readonly string[]).includes(k)) {
      throw inputError('bad_source', `--source '${text}': unknown option '${k}'; options are: ${KEYS.join(', ')}`);
    }
    if (seen.has(k)) throw inputError('bad_source', `--source '${text}': option '${k}' given twice`);
    seen.add(k);
  }
  if (uri === '') throw inputError('bad_source', `--source '${text}': no URI before '?'`);
  const get = (k: string) => opts.get(k) ?? undefined;
  return validateSourceSpec(
    {
      uri,
      format: get('format') ?? 'long',
      key: get('key'),
      date: get('date'),
      value: get('value'),
      agg: get('agg'),
      prefix: get('prefix'),
      fill: get('fill'),
      location: get('location'),
      split: get('split'),
    },
    `--source '${text}'`,
    'source',
  );
}

/**
 * Check a spec from the command line or the config and parse its URI; `where` names the spec in
 * messages, `uriWhere` its URI (`input.bad_uri`).
 */
export function validateSourceSpec(raw: Record<string, unknown>, where: string, uriWhere = `${where}.uri`): SourceSpec {
  const str = (k: string): string | undefined => {
    const v = raw[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') throw inputError('bad_source', `${where}: '${k}' must be a non-empty string`);
    return v;
  };
  const uriText = str('uri');
  if (!uriText) throw inputError('bad_source', `${where}: 'uri' is required`);
  const uri = parseUri(uriText, uriWhere);
  const format = str('format') ?? 'long';
  if (!isFormat(format)) throw inputError('bad_source', `${where}: format '${format}' is not one of ${FORMATS.join(', ')}`);
  const agg = str('agg');
  if (agg !== undefined && !isAgg(agg)) throw inputError('bad_source', `${where}: agg '${agg}' is not one of mean, sum, count, count_x_mean, last`);
  const fill = str('fill');
  if (fill !== undefined && !isFill(fill)) throw inputError('bad_source', `${where}: fill '${fill}' is not one of zero, ffill, none`);
  const params = raw.params;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    throw inputError('bad_source', `${where}: 'params' must be an object of named query parameters`);
  }
  const split = str('split');
  if (split !== undefined && format !== 'events') throw inputError('bad_source', `${where}: split is for events sources (a key column of delimited lists)`);
  const maxBytes = raw.maxBytesBilled;
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' || (typeof maxBytes === 'string' && /^\d+$/.test(maxBytes)))) {
    throw inputError('bad_source', `${where}: 'maxBytesBilled' must be a whole number of bytes`);
  }
  return {
    uri,
    format,
    key: str('key'),
    date: str('date'),
    value: str('value'),
    agg: agg as Agg | undefined,
    prefix: str('prefix'),
    fill: fill as Fill | undefined,
    location: str('location'),
    query: str('query'),
    split,
    params: params as Record<string, unknown> | undefined,
    maxBytesBilled: maxBytes as string | number | undefined,
    extractVia: str('extractVia'),
  };
}

const CONFIG_KEYS = ['uri', 'format', 'key', 'date', 'value', 'agg', 'prefix', 'fill', 'location', 'query', 'params', 'maxBytesBilled', 'extractVia', 'split'];

/**
 * The config's `sources[i]`: an object of the keys above, its URI parsed once (a relative path
 * resolved against `baseDir`, the config file's folder) and `extractVia` a gs:// prefix.
 * `source` names the config file in messages (`input.bad_config`, `input.bad_source`, `input.bad_uri`).
 */
export function configSource(raw: unknown, i: number, source: string, baseDir?: string): SourceSpec {
  const bad = (field: string, why: string) => inputError('bad_config', `${source}: 'sources[${i}]${field}' ${why}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('', 'must be an object with at least a uri');
  const spec = validateSourceSpec(raw as Record<string, unknown>, `${source}: sources[${i}]`);
  const extra = Object.keys(raw).filter((k) => !CONFIG_KEYS.includes(k));
  if (extra.length) throw bad(`.${extra[0]}`, 'is not a source field');
  if (spec.extractVia !== undefined && parseUri(spec.extractVia, `${source}: sources[${i}].extractVia`).kind !== 'gs') {
    throw bad('.extractVia', 'must be a gs:// prefix');
  }
  return { ...spec, uri: resolveUri(spec.uri, baseDir) };
}
