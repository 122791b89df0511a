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
    const { bucket, rest: object } = splitGs(text, what);
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

/** `gs://BUCKET/REST` as its bucket, checked (`input.bad_uri` naming `what`), and the rest after the first slash ('' without one). */
function splitGs(text: string, what: string): { bucket: string; rest: string } {
  const body = text.slice(5);
  const slash = body.indexOf('/');
  const bucket = slash < 0 ? body : body.slice(0, slash);
  if (!BUCKET.test(bucket)) throw inputError('bad_uri', `${what} '${text}': '${bucket}' is not a valid Cloud Storage bucket name`);
  return { bucket, rest: slash < 0 ? '' : body.slice(slash + 1) };
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

/**
 * An output folder (a run's out dir, a shard's folder, a report's destination): a local directory
 * or a gs:// bucket and object prefix. Parsed once where it enters (parseFolder); the files and
 * folders inside it are built from it (childUri, subFolder), valid by construction, never parsed
 * again. `text` is the folder as given, for messages and logs.
 */
export type Folder =
  | { readonly kind: 'file'; readonly text: string; readonly path: string }
  /** `prefix` is what every object inside starts with: '' (the bucket's root) or ending in '/'. */
  | { readonly kind: 'gs'; readonly text: string; readonly bucket: string; readonly prefix: string };

/** A file inside a Folder: a local path or a Cloud Storage object. */
export type FolderFile = Extract<Uri, { kind: 'file' | 'gs' }>;

// An object name holds at most 1024 bytes; this leaves room for the longest child name we build.
const MAX_PREFIX = 800;

/**
 * Parse an output folder given on the command line, in the config or in the environment: a local
 * path, or `gs://BUCKET` with an optional prefix (trailing slashes ignored). Anything else (`-`,
 * bq://, another scheme, empty) is `input.bad_uri` naming `what` and the text.
 */
export function parseFolder(text: string, what = 'folder'): Folder {
  if (text.startsWith('gs://')) {
    const { bucket, rest } = splitGs(text, what);
    const inner = rest.replace(/\/+$/, '');
    if (inner.length > MAX_PREFIX || /[\r\n]/.test(inner)) {
      throw inputError(
        'bad_uri',
        `${what} '${text}': expected gs://BUCKET or gs://BUCKET/PREFIX with a prefix of at most ${MAX_PREFIX} characters, on one line`,
      );
    }
    return { kind: 'gs', text, bucket, prefix: inner === '' ? '' : `${inner}/` };
  }
  const uri = parseUri(text, what);
  if (uri.kind !== 'file') {
    throw inputError(
      'bad_uri',
      `${what} '${text}' must be a local folder or a gs:// prefix (a BigQuery table cannot hold the report, the model or the manifest; publish tables there with the config's publish)`,
    );
  }
  return localFolder(text);
}

/** A local directory known to be one (a file's parent folder): valid by construction, not parsed. */
export function localFolder(path: string): Folder {
  return { kind: 'file', text: path, path };
}

/**
 * What the URI of everything inside `folder` starts with: the folder's text without trailing
 * slashes, then one (`out/`, `gs://b/w/`), the root `/` as it is, and `gs://BUCKET/` for a bucket.
 */
export function folderPrefix(folder: Folder): string {
  if (folder.kind === 'gs') return `gs://${folder.bucket}/${folder.prefix}`;
  const d = folder.path.replace(/\/+$/, '');
  return d === '' ? (folder.path.startsWith('/') ? '/' : '') : `${d}/`;
}

/** The file `name` (a relative path such as `runs/ID/x.csv`) inside `folder`; not parsed again. O(length). */
export function childUri(folder: Folder, name: string): FolderFile {
  if (folder.kind === 'gs') return gsObject(folder.bucket, `${folder.prefix}${name}`);
  const path = `${folderPrefix(folder)}${name}`;
  return { kind: 'file', text: path, path };
}

/** The folder `name` (a relative path without a trailing slash) inside `folder`; not parsed again. */
export function subFolder(folder: Folder, name: string): Folder {
  if (folder.kind === 'gs') return { kind: 'gs', text: `${folderPrefix(folder)}${name}`, bucket: folder.bucket, prefix: `${folder.prefix}${name}/` };
  return localFolder(`${folderPrefix(folder)}${name}`);
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
