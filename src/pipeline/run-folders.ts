import { basename } from 'node:path';
import type { IoContext } from '../io/context.js';
import { listDir } from '../io/durable-file.js';
import { readBytesIfAny } from '../io/read-bytes.js';
import { childUri, subFolder, type Folder } from '../io/uri.js';

export const MANIFEST_NAME = 'manifest.json';

/** A run's folder id: its run date and transaction id. */
const RUN_ID = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{12}$/;

/** The out dir's manifest as written, or null when there is none or it is not JSON. */
export async function readManifest(outDir: Folder, ctx: IoContext): Promise<Record<string, unknown> | null> {
  const uri = childUri(outDir, MANIFEST_NAME);
  const got = await readBytesIfAny(uri, ctx);
  if (!got) return null;
  try {
    const m = JSON.parse(got.data.toString('utf8')) as unknown;
    return typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : null;
  } catch {
    ctx.logger.warn({ outDir: outDir.text }, `${uri.text} is not JSON; treating the out dir as having no previous run`);
    return null;
  }
}

/**
 * The run the manifest describes: its run folder id and the names of its top-level files (a
 * version-1 manifest, from before run folders, names them by URI).
 */
export async function previousRun(outDir: Folder, ctx: IoContext): Promise<{ runId?: string; names: string[] } | null> {
  const m = await readManifest(outDir, ctx);
  if (!m) return null;
  const outputs = Array.isArray(m.outputs) ? (m.outputs as { name?: unknown; uri?: unknown }[]) : [];
  const names = outputs.map((o) => (typeof o.name === 'string' ? o.name : typeof o.uri === 'string' ? basename(o.uri) : '')).filter((n) => n !== '');
  return { runId: typeof m.runId === 'string' ? m.runId : undefined, names: names.filter((n) => n !== MANIFEST_NAME) };
}

/** The run folders under `runs/` (local folders, or gs:// prefixes that hold objects). */
export async function runFolders(outDir: Folder, ctx: IoContext): Promise<string[]> {
  const dir = subFolder(outDir, 'runs');
  if (dir.kind === 'gs') {
    const { listGcsObjects } = await import('../io/gcs.js');
    const ids = (await listGcsObjects(dir.bucket, dir.prefix, ctx)).map((n) => n.slice(dir.prefix.length).split('/')[0]);
    return [...new Set(ids)].filter((id) => RUN_ID.test(id)).sort();
  }
  return (await listDir(dir.path)).filter((id) => RUN_ID.test(id)).sort();
}
