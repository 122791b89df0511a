import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, parseJsonBody, parseMultipart, sendJson } from './http-util.js';
import { objectResource, type GcsStore, type NewObject, type Preconditions } from './gcs-store.js';

/**
 * The three JSON API upload protocols (https://cloud.google.com/storage/docs/uploads-downloads):
 * `uploadType=media` (bytes only, name in the query), `multipart` (JSON metadata + bytes in a
 * multipart/related body; what `file.save(..., {resumable:false})` sends) and `resumable`
 * (POST opens a session and answers its URI in `Location`; PUTs with `Content-Range` carry the
 * bytes; `308 Resume Incomplete` with `Range` until the last chunk).
 */

interface Session {
  readonly bucket: string;
  readonly name: string;
  readonly meta: NewObject;
  readonly pre: Preconditions;
  chunks: Buffer[];
  received: number;
  done?: Record<string, unknown>;
}

interface ObjectMetadataBody {
  name?: string;
  contentType?: string;
  contentEncoding?: string;
  metadata?: Record<string, string>;
}

export class GcsUploads {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly store: GcsStore) {}

  /** POST /upload/storage/v1/b/:bucket/o */
  async insert(req: IncomingMessage, res: ServerResponse, bucket: string, q: URLSearchParams, body: Buffer, base: string): Promise<void> {
    const pre = preconditionsFrom(q);
    const type = q.get('uploadType') ?? 'media';
    if (type === 'media') {
      const name = q.get('name');
      if (!name) throw new HttpError(400, 'required', 'Required parameter: name');
      const meta = { contentType: req.headers['content-type'] ?? 'application/octet-stream', contentEncoding: q.get('contentEncoding') ?? undefined };
      sendJson(res, 200, objectResource(this.store.put(bucket, name, body, meta, pre), base));
      return;
    }
    if (type === 'multipart') {
      const [metaPart, mediaPart] = parseMultipart(body, req.headers['content-type']);
      const meta = parseJsonBody<ObjectMetadataBody>(metaPart.data, 'multipart metadata');
      const name = meta.name ?? q.get('name');
      if (!name) throw new HttpError(400, 'required', 'Required parameter: name');
      const obj = this.store.put(
        bucket,
        name,
        mediaPart.data,
        {
          contentType: meta.contentType ?? mediaPart.headers['content-type'],
          contentEncoding: meta.contentEncoding,
          metadata: meta.metadata,
        },
        pre,
      );
      sendJson(res, 200, objectResource(obj, base));
      return;
    }
    if (type === 'resumable') {
      const meta = body.length ? parseJsonBody<ObjectMetadataBody>(body, 'resumable metadata') : {};
      const name = meta.name ?? q.get('name');
      if (!name) throw new HttpError(400, 'required', 'Required parameter: name');
      this.store.bucket(bucket);
      const id = randomUUID();
      this.sessions.set(id, {
        bucket,
        name,
        pre,
        chunks: [],
        received: 0,
        meta: {
          contentType: meta.contentType ?? (req.headers['x-upload-content-type'] as string | undefined),
          contentEncoding: meta.contentEncoding,
          metadata: meta.metadata,
        },
      });
      const loc = `${base}/upload/storage/v1/b/${bucket}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
      res.writeHead(200, { Location: loc, 'X-GUploader-UploadID': id, 'Content-Length': 0 }).end();
      return;
    }
    throw new HttpError(400, 'invalid', `Invalid upload type: ${type}`);
  }

  /** PUT on a resumable session URI: a chunk, the final chunk, or a status query (`bytes *\/*`). */
  put(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer, base: string): void {
    const id = q.get('upload_id') ?? '';
    const s = this.sessions.get(id);
    if (!s) throw new HttpError(404, 'notFound', `No such upload session: ${id}`);
    if (s.done) {
      sendJson(res, 200, s.done);
      return;
    }
    const range = String(req.headers['content-range'] ?? (body.length ? `bytes 0-${body.length - 1}/${body.length}` : 'bytes */0'));
    // `bytes 0-*/*` is how the Node client streams a whole upload of unknown length in one
    // request: the data runs to the end of the body and the upload completes with it.
    const m = /^bytes (\*|(\d+)-(\d+|\*))\/(\*|\d+)$/.exec(range);
    if (!m) throw new HttpError(400, 'invalid', `Bad Content-Range: ${range}`);
    if (m[2] !== undefined) {
      const start = Number(m[2]);
      if (start > s.received) throw new HttpError(400, 'invalid', `Chunk starts at ${start} but only ${s.received} bytes were received`);
      const skip = s.received - start;
      if (skip < body.length) {
        s.chunks.push(body.subarray(skip));
        s.received += body.length - skip;
      }
    }
    const total = m[4] === '*' ? (m[3] === '*' ? s.received : undefined) : Number(m[4]);
    if (total !== undefined && s.received >= total) {
      const obj = this.store.put(s.bucket, s.name, Buffer.concat(s.chunks), s.meta, s.pre);
      s.done = objectResource(obj, base);
      sendJson(res, 200, s.done);
      return;
    }
    const headers: Record<string, string | number> = { 'Content-Length': 0 };
    if (s.received > 0) headers.Range = `bytes=0-${s.received - 1}`;
    res.writeHead(308, headers).end();
  }
}

export function preconditionsFrom(q: URLSearchParams): Preconditions {
  const pick = (k: string): string | undefined => q.get(k) ?? undefined;
  return {
    ifGenerationMatch: pick('ifGenerationMatch'),
    ifGenerationNotMatch: pick('ifGenerationNotMatch'),
    ifMetagenerationMatch: pick('ifMetagenerationMatch'),
    ifMetagenerationNotMatch: pick('ifMetagenerationNotMatch'),
  };
}
