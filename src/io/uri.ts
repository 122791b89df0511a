import { isAbsolute, join } from 'node:path';
import { inputError } from '../errors.js';

/** Where a table lives: stdin/stdout, a local path, a Cloud Storage object or a BigQuery table. */
export type Uri =
  | { readonly kind: 'stdio'; readonly text: '-' }
  | { readonly kind: 'file'; readonly text: string; readonly path: string }
  | { readonly kind: 'gs'; readonly text: string; readonly bucket: string; readonly object: string }
  | { readonly kind: 'bq'; readonly text: string; readonly project: string; readonly dataset: string; readonly table: string };

export type GsUri = Extract<Uri, { kind: 'gs' }>;
export type BqUri = Extract<Uri, { kind: 'bq' }>;

// https://cloud.google.com/storage/docs/buckets#naming (lower-case letters, digits, - _ .; 3-63 chars)
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
// https://cloud.google.com/resource-manager/docs/creating-managing-projects (6-30 chars; allow domain-scoped "example.com:proj")
const PROJECT = /^(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
// https://cloud.google.com/bigquery/docs/datasets#dataset-naming
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
// https://cloud.google.com/bigquery/docs/tables#table_naming (letters, marks, digits, connectors, dashes, spaces; we allow the ASCII subset and a $YYYYMMDD partition decorator)
const TABLE = /^[A-Za-z0-9_][A-Za-z0-9_ -]{0,1023}(\$[0-9]{4,10})?$/;

/** Parse a URI given on the command line or in the config. Throws `input.bad_uri` naming it. */
export function parseUri(text: string, what = 'URI'): Uri {
  if (text === '-') return { kind: 'stdio', text: '-' };
  if (text.startsWith('gs://')) {
    const rest = text.slice(5);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const object = slash < 0 ? '' : rest.slice(slash + 1);
    if (!BUCKET.test(bucket)) throw inputError('bad_uri', `${what} '${text}': '${bucket}' is not a valid Cloud Storage bucket name`);
    if (object === '' || object.length > 1024 || /[\r\n]/.test(object)) {
      throw inputError('bad_uri', `${what} '${text}': expected gs://BUCKET/OBJECT with a non-empty object name`);
    }
    return { kind: 'gs', text, bucket, object };
  }
  if (text.startsWith('bq://')) {
    const parts = text.slice(5).split('.');
    if (parts.length !== 3) throw inputError('bad_uri', `${what} '${text}': expected bq://PROJECT.DATASET.TABLE`);
    const [project, dataset, table] = parts;
    if (!PROJECT.test(project)) throw inputError('bad_uri', `${what} '${text}': '${project}' is not a valid project id`);
    if (!DATASET.test(dataset)) throw inputError('bad_uri', `${what} '${text}': '${dataset}' is not a valid dataset name (letters, digits, underscores)`);
    if (!TABLE.test(table)) throw inputError('bad_uri', `${what} '${text}': '${table}' is not a valid table name`);
    return { kind: 'bq', text, project, dataset, table };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw inputError('bad_uri', `${what} '${text}': unsupported scheme; use a path, -, gs:// or bq://`);
  }
  if (text === '') throw inputError('bad_uri', `${what} is empty`);
  return { kind: 'file', text, path: text };
}

/** A gs:// URI that must be one (a marker, an export prefix): parsed, else `input.bad_uri` naming `what`. */
export function parseGsUri(text: string, what = 'URI'): GsUri {
  const uri = parseUri(text, what);
  if (uri.kind !== 'gs') throw inputError('bad_uri', `${what} '${text}': expected a gs://BUCKET/OBJECT URI`);
  return uri;
}

/** An object listed in a bucket, as a URI: valid by construction, so not parsed again. */
export function gsObject(bucket: string, object: string): GsUri {
  return { kind: 'gs', text: `gs://${bucket}/${object}`, bucket, object };
}

/** True for a `.gz` suffix (gzip by name). */
export function isGzipName(text: string): boolean {
  return /\.gz$/i.test(text);
}

/** A file inside an output folder: a local directory or a gs:// prefix. */
export function joinUri(dir: string, name: string): string {
  if (dir.startsWith('gs://')) return `${dir.replace(/\/+$/, '')}/${name}`;
  const d = dir.replace(/\/+$/, '');
  return d === '' ? (dir.startsWith('/') ? `/${name}` : name) : `${d}/${name}`;
}

/** A relative local path resolved against `baseDir` (a config file's folder); any other URI as it is. */
export function resolveUri(uri: Uri, baseDir: string | undefined): Uri {
  if (uri.kind !== 'file' || !baseDir || isAbsolute(uri.path)) return uri;
  const path = join(baseDir, uri.path);
  return { kind: 'file', text: path, path };
}

/** How messages name a table read from `uri`: `stdin` for `-`, else the URI as given. */
export function tableName(uri: Uri): string {
  return uri.kind === 'stdio' ? 'stdin' : uri.text;
}
