import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { storageClient } from '../../src/io/clients.js';
import type { IoContext } from '../../src/io/context.js';
import { openBqRead } from '../../src/io/bigquery.js';
import { childUri, parseFolder, parseUri } from '../../src/io/uri.js';
import { readAll } from './cloud-context.js';

/**
 * The readers the README promises a whole run to (docs/reliability.md), as tests check them.
 *
 * Out dir (local or gs://): read manifest.json, then every output it lists at its `file` (the
 * run folder; on gs:// at its `generation`), or at its top-level `uri` in a manifest without run
 * folders; every file must match the manifest's sha256, or the reader did not see a whole run.
 */
export interface RunView {
  readonly runDate: string;
  readonly txid?: string;
  readonly manifest: Record<string, unknown>;
  /** Output name → bytes, each checked against the manifest. */
  readonly files: Map<string, Buffer>;
}

interface ManifestOutput {
  name?: string;
  uri: string;
  file?: string;
  sha256: string;
  generation?: string;
}

/** A file's or object's bytes as stored (gs:// at a generation when given), or null when missing. */
export async function bytesAt(uri: string, ctx: IoContext, generation?: string): Promise<Buffer | null> {
  const u = parseUri(uri);
  if (u.kind === 'gs') {
    const storage = await storageClient(ctx);
    const file = storage.bucket(u.bucket).file(u.object, generation ? { generation: Number(generation) } : {});
    try {
      return (await file.download({ decompress: false } as never))[0];
    } catch (e) {
      if ((e as { code?: number }).code === 404) return null;
      throw e;
    }
  }
  if (u.kind !== 'file') throw new Error(`not a file or object: ${uri}`);
  return readFile(u.path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

/** The run a reader of the out dir sees, or null when there is no manifest; throws when it is not whole. */
export async function readRun(outDir: string, ctx: IoContext): Promise<RunView | null> {
  const dir = parseFolder(outDir);
  const raw = await bytesAt(childUri(dir, 'manifest.json').text, ctx);
  if (!raw) return null;
  const manifest = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  const files = new Map<string, Buffer>();
  for (const o of manifest.outputs as ManifestOutput[]) {
    const name = o.name ?? o.uri.slice(o.uri.lastIndexOf('/') + 1);
    const at = o.file ? childUri(dir, o.file).text : o.uri;
    const data = await bytesAt(at, ctx, o.generation);
    if (!data) throw new Error(`the manifest of run ${String(manifest.runDate)} lists ${at}, which is missing`);
    const sha = createHash('sha256').update(data).digest('hex');
    if (sha !== o.sha256) throw new Error(`the manifest of run ${String(manifest.runDate)} gives ${name} sha256 ${o.sha256}, the file has ${sha}`);
    files.set(name, data);
  }
  return { runDate: String(manifest.runDate), txid: manifest.txid as string | undefined, manifest, files };
}

/** The top-level files of the out dir that differ from the run's (none once a publish or a recovery has finished). */
export async function topLevelDiffers(outDir: string, run: RunView, ctx: IoContext): Promise<string[]> {
  const differ: string[] = [];
  for (const [name, data] of run.files) {
    const top = await bytesAt(childUri(parseFolder(outDir), name).text, ctx);
    if (!top?.equals(data)) differ.push(name);
  }
  return differ;
}

/** A BigQuery table's rows as a reader queries them (tabledata.list through the real client), by column name. */
export async function bqTableRows(table: string, ctx: IoContext): Promise<Record<string, string>[]> {
  const csv = (await readAll(await openBqRead(parseUri(table) as Extract<ReturnType<typeof parseUri>, { kind: 'bq' }>, ctx, {}))).toString('utf8');
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}
