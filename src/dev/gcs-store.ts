import { createHash } from 'node:crypto';
import { crc32cBase64 } from './crc32c.js';
import { HttpError } from './http-util.js';

/** One stored object version (the double keeps only the live generation, like a bucket without versioning). */
export interface StoredObject {
  readonly bucket: string;
  readonly name: string;
  readonly data: Buffer;
  readonly generation: string;
  metageneration: number;
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly metadata?: Record<string, string>;
  readonly timeCreated: string;
  updated: string;
  readonly md5Hash: string;
  readonly crc32c: string;
}

/** Request preconditions as the JSON API takes them (query parameters, decimal strings). */
export interface Preconditions {
  readonly ifGenerationMatch?: string;
  readonly ifGenerationNotMatch?: string;
  readonly ifMetagenerationMatch?: string;
  readonly ifMetagenerationNotMatch?: string;
}

export interface NewObject {
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly metadata?: Record<string, string>;
}

const PRECONDITION_FAILED = 'At least one of the pre-conditions you specified did not hold.';

/**
 * The in-memory state behind the Cloud Storage double: buckets and the live generation of each
 * object. Generations grow monotonically (microsecond clock + counter) as in real GCS, so
 * `ifGenerationMatch` read-modify-write cycles behave as documented in
 * https://cloud.google.com/storage/docs/request-preconditions.
 */
export class GcsStore {
  private readonly buckets = new Map<string, { name: string; timeCreated: string; location: string }>();
  private readonly objects = new Map<string, Map<string, StoredObject>>();
  private lastGeneration = 0;

  private nextGeneration(): string {
    this.lastGeneration = Math.max(this.lastGeneration + 1, Date.now() * 1000);
    return String(this.lastGeneration);
  }

  bucket(name: string): { name: string; timeCreated: string; location: string } {
    const b = this.buckets.get(name);
    if (!b) throw new HttpError(404, 'notFound', 'The specified bucket does not exist.');
    return b;
  }

  /** Create a bucket; 409 when it exists (the API's documented answer). */
  createBucket(name: string, location = 'US'): { name: string; timeCreated: string; location: string } {
    if (this.buckets.has(name)) throw new HttpError(409, 'conflict', 'Your previous request to create the named bucket succeeded and you already own it.');
    const b = { name, timeCreated: new Date().toISOString(), location };
    this.buckets.set(name, b);
    this.objects.set(name, new Map());
    return b;
  }

  /** Create the bucket unless it exists (for seeding tests and `cloud:local`). */
  ensureBucket(name: string): void {
    if (!this.buckets.has(name)) this.createBucket(name);
  }

  private bucketObjects(bucket: string): Map<string, StoredObject> {
    this.bucket(bucket);
    return this.objects.get(bucket)!;
  }

  find(bucket: string, name: string): StoredObject | undefined {
    return this.objects.get(bucket)?.get(name);
  }

  /** Read for GET: 404 when missing, then 412 when a precondition fails. */
  get(bucket: string, name: string, pre: Preconditions = {}): StoredObject {
    const obj = this.bucketObjects(bucket).get(name);
    if (!obj) throw new HttpError(404, 'notFound', `No such object: ${bucket}/${name}`);
    checkPreconditions(obj, pre);
    return obj;
  }

  /** Insert a new generation. Preconditions are checked against the live generation (0 = must not exist). */
  put(bucket: string, name: string, data: Buffer, meta: NewObject = {}, pre: Preconditions = {}): StoredObject {
    const objs = this.bucketObjects(bucket);
    const current = objs.get(name);
    if (current) checkPreconditions(current, pre);
    else if ((pre.ifGenerationMatch !== undefined && pre.ifGenerationMatch !== '0') || pre.ifMetagenerationMatch !== undefined) {
      throw new HttpError(412, 'conditionNotMet', PRECONDITION_FAILED);
    }
    const now = new Date().toISOString();
    const obj: StoredObject = {
      bucket,
      name,
      data,
      generation: this.nextGeneration(),
      metageneration: 1,
      contentType: meta.contentType ?? 'application/octet-stream',
      contentEncoding: meta.contentEncoding,
      metadata: meta.metadata,
      timeCreated: now,
      updated: now,
      md5Hash: createHash('md5').update(data).digest('base64'),
      crc32c: crc32cBase64(data),
    };
    objs.set(name, obj);
    return obj;
  }

  delete(bucket: string, name: string, pre: Preconditions = {}): void {
    const obj = this.get(bucket, name, pre);
    this.bucketObjects(bucket).delete(obj.name);
  }

  /**
   * List in lexicographic name order with prefix/delimiter and opaque page tokens
   * (the token is the last name returned, base64).
   */
  list(
    bucket: string,
    opts: { prefix?: string; delimiter?: string; pageToken?: string; maxResults?: number },
  ): {
    items: StoredObject[];
    prefixes: string[];
    nextPageToken?: string;
  } {
    const after = opts.pageToken ? Buffer.from(opts.pageToken, 'base64').toString('utf8') : '';
    const max = Math.min(Math.max(opts.maxResults ?? 1000, 1), 1000);
    const names = [...this.bucketObjects(bucket).keys()].filter((n) => n.startsWith(opts.prefix ?? '')).sort();
    const items: StoredObject[] = [];
    const prefixes = new Set<string>();
    let last = '';
    let more = false;
    for (const n of names) {
      if (n <= after) continue;
      if (items.length + prefixes.size >= max) {
        more = true;
        break;
      }
      const rest = n.slice((opts.prefix ?? '').length);
      const cut = opts.delimiter ? rest.indexOf(opts.delimiter) : -1;
      if (cut >= 0) {
        const p = (opts.prefix ?? '') + rest.slice(0, cut + opts.delimiter!.length);
        if (!prefixes.has(p)) prefixes.add(p);
        last = n;
        continue;
      }
      items.push(this.objects.get(bucket)!.get(n)!);
      last = n;
    }
    return { items, prefixes: [...prefixes], nextPageToken: more ? Buffer.from(last).toString('base64') : undefined };
  }
}

function checkPreconditions(obj: StoredObject, pre: Preconditions): void {
  const fail = (): never => {
    throw new HttpError(412, 'conditionNotMet', PRECONDITION_FAILED);
  };
  if (pre.ifGenerationMatch !== undefined && pre.ifGenerationMatch !== obj.generation) fail();
  if (pre.ifGenerationNotMatch !== undefined && pre.ifGenerationNotMatch === obj.generation) fail();
  if (pre.ifMetagenerationMatch !== undefined && pre.ifMetagenerationMatch !== String(obj.metageneration)) fail();
  if (pre.ifMetagenerationNotMatch !== undefined && pre.ifMetagenerationNotMatch === String(obj.metageneration)) fail();
}

/** The JSON API object resource (`storage#object`); numbers are decimal strings as in the API. */
export function objectResource(o: StoredObject, base: string): Record<string, unknown> {
  const enc = encodeURIComponent(o.name);
  return {
    kind: 'storage#object',
    id: `${o.bucket}/${o.name}/${o.generation}`,
    selfLink: `${base}/storage/v1/b/${o.bucket}/o/${enc}`,
    mediaLink: `${base}/download/storage/v1/b/${o.bucket}/o/${enc}?generation=${o.generation}&alt=media`,
    name: o.name,
    bucket: o.bucket,
    generation: o.generation,
    metageneration: String(o.metageneration),
    contentType: o.contentType,
    ...(o.contentEncoding ? { contentEncoding: o.contentEncoding } : {}),
    ...(o.metadata ? { metadata: o.metadata } : {}),
    storageClass: 'STANDARD',
    size: String(o.data.length),
    md5Hash: o.md5Hash,
    crc32c: o.crc32c,
    etag: Buffer.from(`${o.generation}/${o.metageneration}`).toString('base64'),
    timeCreated: o.timeCreated,
    updated: o.updated,
    timeStorageClassUpdated: o.timeCreated,
  };
}
