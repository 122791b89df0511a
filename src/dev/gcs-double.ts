import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { apiServer, Faults } from './faults.js';
import { GcsStore, objectResource, type StoredObject } from './gcs-store.js';
import { GcsUploads, preconditionsFrom } from './gcs-uploads.js';
import { HttpError, parseJsonBody, sendJson } from './http-util.js';

/**
 * An in-memory double of the Cloud Storage JSON API v1, as `@google-cloud/storage` v7 calls it
 * with `apiEndpoint`: `/storage/v1/b/...` for metadata and downloads, `/upload/storage/v1/b/...`
 * for uploads. Built on node:http only.
 */
export interface GcsDouble {
  readonly server: Server;
  readonly store: GcsStore;
  readonly faults: Faults;
}

export function createGcsDouble(store = new GcsStore(), faults = new Faults()): GcsDouble {
  const uploads = new GcsUploads(store);
  const server = apiServer('GCS', faults, handle);

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    const q = url.searchParams;
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path))) {
      if (req.method === 'POST') return uploads.insert(req, res, decodeURIComponent(m[1]), q, body, base);
      if (req.method === 'PUT') return uploads.put(req, res, q, body, base);
    }
    if (path === '/storage/v1/b' && req.method === 'POST') {
      const b = parseJsonBody<{ name?: string; location?: string }>(body, 'bucket insert');
      if (!b.name) throw new HttpError(400, 'required', 'Required: bucket name');
      return sendJson(res, 200, bucketResource(store.createBucket(b.name, b.location)));
    }
    if ((m = /^\/storage\/v1\/b\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      return sendJson(res, 200, bucketResource(store.bucket(decodeURIComponent(m[1]))));
    }
    if ((m = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(path)) && req.method === 'GET') {
      const page = store.list(decodeURIComponent(m[1]), {
        prefix: q.get('prefix') ?? undefined,
        delimiter: q.get('delimiter') ?? undefined,
        pageToken: q.get('pageToken') ?? undefined,
        maxResults: q.has('maxResults') ? Number(q.get('maxResults')) : undefined,
      });
      return sendJson(res, 200, {
        kind: 'storage#objects',
        ...(page.items.length ? { items: page.items.map((o) => objectResource(o, base)) } : {}),
        ...(page.prefixes.length ? { prefixes: page.prefixes } : {}),
        ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      });
    }
    if ((m = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/]+)\/rewriteTo\/b\/([^/]+)\/o\/([^/]+)$/.exec(path)) && req.method === 'POST') {
      const [src, dest] = [
        [m[1], m[2]],
        [m[3], m[4]],
      ].map(([b, o]) => ({ bucket: decodeURIComponent(b), name: decodeURIComponent(o) }));
      const obj = rewriteObject(store, src, dest, q, body.length ? parseJsonBody<RewriteBody>(body, 'rewrite metadata') : {});
      return sendJson(res, 200, {
        kind: 'storage#rewriteResponse',
        totalBytesRewritten: String(obj.data.length),
        objectSize: String(obj.data.length),
        done: true,
        resource: objectResource(obj, base),
      });
    }
    if ((m = /^\/(?:storage|download\/storage)\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(path))) {
      const bucket = decodeURIComponent(m[1]);
      const name = decodeURIComponent(m[2]);
      const pre = preconditionsFrom(q);
      if (req.method === 'GET') {
        const obj = store.get(bucket, name, pre);
        if (q.get('generation') && q.get('generation') !== obj.generation) {
          throw new HttpError(404, 'notFound', `No such object: ${bucket}/${name}#${q.get('generation')}`);
        }
        if (q.get('alt') === 'media') return sendMedia(req, res, obj);
        return sendJson(res, 200, objectResource(obj, base));
      }
      if (req.method === 'DELETE') {
        store.delete(bucket, name, pre);
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'PATCH') {
        const obj = store.get(bucket, name, pre);
        const patch = parseJsonBody<{ metadata?: Record<string, string> }>(body, 'object patch');
        Object.assign(obj, { metadata: { ...obj.metadata, ...patch.metadata }, metageneration: obj.metageneration + 1, updated: new Date().toISOString() });
        return sendJson(res, 200, objectResource(obj, base));
      }
    }
    throw new HttpError(501, 'notImplemented', `the local Cloud Storage double does not implement ${req.method} ${path}`);
  }

  return { server, store, faults };
}

interface RewriteBody {
  contentType?: string;
  contentEncoding?: string;
  metadata?: Record<string, string>;
}

/**
 * objects.rewrite (https://cloud.google.com/storage/docs/json_api/v1/objects/rewrite), done in one
 * call: the source (at `sourceGeneration` or `ifSourceGenerationMatch` when given) becomes a new
 * generation of the destination, whose preconditions (`ifGenerationMatch`, 0 = must not exist)
 * are checked as for an upload. Metadata in the body overrides the source's; the rest is copied.
 */
function rewriteObject(
  store: GcsStore,
  src: { bucket: string; name: string },
  dest: { bucket: string; name: string },
  q: URLSearchParams,
  body: RewriteBody,
): StoredObject {
  const from = store.get(src.bucket, src.name, { ifGenerationMatch: q.get('ifSourceGenerationMatch') ?? undefined });
  const at = q.get('sourceGeneration');
  if (at && at !== from.generation) throw new HttpError(404, 'notFound', `No such object: ${src.bucket}/${src.name}#${at}`);
  return store.put(
    dest.bucket,
    dest.name,
    from.data,
    {
      contentType: body.contentType ?? from.contentType,
      contentEncoding: body.contentEncoding ?? from.contentEncoding,
      metadata: body.metadata ?? from.metadata,
    },
    preconditionsFrom(q),
  );
}

/**
 * Serve object bytes. A gzip-encoded object goes out as stored with `Content-Encoding: gzip`
 * when the request accepts gzip; otherwise GCS applies decompressive transcoding
 * (https://cloud.google.com/storage/docs/transcoding). `x-goog-hash` always describes the
 * stored bytes, which is why clients validate only untranscoded responses.
 */
function sendMedia(req: IncomingMessage, res: ServerResponse, obj: StoredObject): void {
  const gz = obj.contentEncoding === 'gzip';
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  let data = obj.data;
  const headers: Record<string, string | number> = {
    'Content-Type': obj.contentType,
    'x-goog-generation': obj.generation,
    'x-goog-metageneration': String(obj.metageneration),
    'x-goog-hash': `crc32c=${obj.crc32c},md5=${obj.md5Hash}`,
    'x-goog-stored-content-encoding': obj.contentEncoding ?? 'identity',
    'x-goog-stored-content-length': obj.data.length,
    'Cache-Control': 'no-cache',
  };
  if (gz && acceptsGzip) headers['Content-Encoding'] = 'gzip';
  else if (gz) data = gunzipSync(obj.data);
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (range && !(gz && acceptsGzip)) {
    const start = range[1] === '' ? Math.max(0, data.length - Number(range[2])) : Number(range[1]);
    const end = range[1] === '' || range[2] === '' ? data.length - 1 : Math.min(Number(range[2]), data.length - 1);
    headers['Content-Range'] = `bytes ${start}-${end}/${data.length}`;
    data = data.subarray(start, end + 1);
    res.writeHead(206, { ...headers, 'Content-Length': data.length }).end(data);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': data.length }).end(data);
}

function bucketResource(b: { name: string; timeCreated: string; location: string }): Record<string, unknown> {
  return {
    kind: 'storage#bucket',
    id: b.name,
    name: b.name,
    projectNumber: '0',
    metageneration: '1',
    location: b.location,
    storageClass: 'STANDARD',
    timeCreated: b.timeCreated,
    updated: b.timeCreated,
    etag: 'CAE=',
  };
}
