import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { inputError } from '../errors.js';
import { mergeAppend } from '../io/append-rows.js';
import { bqRows } from '../io/bq-write.js';
import type { IoContext } from '../io/context.js';
import { readBytesIfAny } from '../io/read-bytes.js';
import { childUri, isGzipName, parseUri, subFolder, type Folder, type Uri } from '../io/uri.js';
import type { OutputFile } from './build-outputs.js';
import type { PublishTargets } from './config.js';
import type { Journal, JournalItem } from './publish-journal.js';
import { previousRun, runFolders } from './run-folders.js';

/** A plain file name: no separators, no leading dot, no `..`. */
export const SAFE_NAME = /^(?!\.)[A-Za-z0-9._-]{1,200}$/;

/** Where each output goes, checked before anything is written. */
export interface CheckedTargets {
  readonly extra: readonly { readonly file: OutputFile; readonly uri: Uri; readonly what: string }[];
}

/**
 * Every check that needs no request, before the first write: output names stay inside the out
 * dir (a Folder, checked where it was parsed), each extra destination is a path, gs:// object or
 * bq:// table (without a partition decorator), and a BigQuery table's rows fit BigQuery (names,
 * schema, partition dates).
 */
export function checkPublish(files: readonly OutputFile[], publish: PublishTargets): CheckedTargets {
  for (const f of files) {
    // Output names are fixed by the tool today; if one is ever built from data, it must still land inside the out dir.
    if (!SAFE_NAME.test(f.name)) throw inputError('bad_output_name', `output name '${f.name}' is not a plain file name`);
  }
  const extra = Object.entries(publish).flatMap(([name, dest]) => {
    const file = files.find((x) => x.publishAs === name);
    if (!file?.table || !dest) return [];
    const what = `publish.${name}`;
    const uri = parseUri(dest, what);
    if (uri.kind === 'stdio') throw inputError('bad_uri', `${what} '${dest}': run-all publishes to a path, gs:// or bq://, not stdout`);
    if (uri.kind === 'bq') {
      if (uri.table.includes('$'))
        throw inputError('bad_uri', `${what} '${dest}': name the table without a $ partition decorator; appends go to the run date's partition`);
      bqRows(uri, file.data as string, { mode: file.table.mode, key: file.table.key, schema: file.table.schema, layout: file.table.layout });
    }
    return [{ file, uri, what }];
  });
  return { extra };
}

/** A journal item with the bytes (or CSV) to stage for it. */
export interface PlannedItem {
  readonly item: JournalItem;
  readonly data: string | Buffer;
}

export interface PublishPlan {
  readonly journal: Journal;
  readonly planned: readonly PlannedItem[];
}

/**
 * The publish's journal, from the outputs and what the stores hold now (read under the lock):
 * the final bytes of every file (an append merged with the table there, so the checksum is the
 * file's), where each is staged (the run folder `runs/RUN_ID/` for the out dir, a temp beside
 * an extra target, a staging table for BigQuery), the previous run's top-level files this run
 * does not write, and the run folders older than the previous run's.
 */
export async function planPublish(
  files: readonly OutputFile[],
  t: CheckedTargets,
  o: { outDir: Folder; runDate: string; txid: string; ctx: IoContext },
): Promise<PublishPlan> {
  const { outDir, txid, ctx } = o;
  const runId = `${o.runDate}-${txid}`;
  const runDir = subFolder(outDir, `runs/${runId}`);
  const planned: PlannedItem[] = [];
  for (const f of files) {
    const target = childUri(outDir, f.name);
    const data = f.table?.mode === 'append' ? await appended(target, f, ctx) : f.data;
    planned.push(blobItem(target, childUri(runDir, f.name).text, data, f.contentType, f.name));
  }
  for (const { file, uri } of t.extra) {
    if (uri.kind === 'bq') {
      planned.push(...(await bqItems(uri, file, txid, ctx)));
      continue;
    }
    const text = file.table?.mode === 'append' ? await appended(uri, file, ctx) : (file.data as string);
    const gz = isGzipName(uri.text);
    const staged = uri.kind === 'gs' ? `gs://${uri.bucket}/${siblingTemp(uri.object, txid)}` : siblingTemp(uri.text, txid);
    planned.push(blobItem(uri, staged, gz ? gzipSync(Buffer.from(text)) : text, 'text/csv', undefined, gz));
  }
  const names = new Set(files.map((f) => f.name));
  const previous = await previousRun(outDir, ctx);
  const deletes = (previous?.names ?? []).filter((n) => !names.has(n) && SAFE_NAME.test(n)).map((n) => childUri(outDir, n).text);
  const keep = new Set([runId, previous?.runId]);
  const prune = (await runFolders(outDir, ctx)).filter((id) => !keep.has(id)).map((id) => subFolder(outDir, `runs/${id}`).text);
  const journal: Journal = {
    format: 'forecast-journal',
    version: 1,
    txid,
    runId,
    runDate: o.runDate,
    state: 'staging',
    items: planned.map((p) => p.item),
    deletes,
    prune,
  };
  return { journal, planned };
}

/** `.NAME.TXID.tmp` beside a target: found by the journal, and by the next run's sweep of `.*.tmp`. */
function siblingTemp(path: string, txid: string): string {
  const cut = path.lastIndexOf('/') + 1;
  return `${path.slice(0, cut)}.${path.slice(cut)}.${txid}.tmp`;
}

function blobItem(target: Uri, staged: string, data: string | Uint8Array, contentType: string, name?: string, gzip = false): PlannedItem {
  const bytes = Buffer.from(data);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (target.kind === 'gs') {
    const md5 = createHash('md5').update(bytes).digest('base64');
    return {
      item: {
        kind: 'gs',
        target: target.text,
        staged,
        sha256,
        md5,
        bytes: bytes.length,
        contentType,
        ...(gzip ? { contentEncoding: 'gzip' } : {}),
        ...(name ? { name } : {}),
      },
      data: bytes,
    };
  }
  return { item: { kind: 'file', target: target.text, staged, sha256, bytes: bytes.length, ...(name ? { name } : {}) }, data: bytes };
}

/** An append's whole new table: the rows there now, with this run's replacing those of the same key. */
async function appended(target: Uri, f: OutputFile, ctx: IoContext): Promise<string> {
  const got = await readBytesIfAny(target, ctx);
  const raw = got?.data;
  const text = raw && raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw?.toString('utf8');
  return mergeAppend(text ?? null, f.data as string, f.table?.key ?? ['run_date']);
}

/** One staging table per target (per partition for an append), in the target's dataset. */
async function bqItems(uri: Extract<Uri, { kind: 'bq' }>, f: OutputFile, txid: string, ctx: IoContext): Promise<PlannedItem[]> {
  const { inspectBqTarget } = await import('../io/bq-stage.js');
  const { loadCsv } = await import('../io/bq-write.js');
  const rows = bqRows(uri, f.data as string, { mode: f.table!.mode, key: f.table!.key, schema: f.table!.schema, layout: f.table!.layout });
  const { fields, location, layout } = await inspectBqTarget(uri.text, rows.schema, rows.part, ctx, rows.layout);
  const parts: [string | undefined, string[][]][] = rows.part ? rows.byDate : [[undefined, rows.rows]];
  return parts.map(([date, r], i) => ({
    item: {
      kind: 'bq',
      target: uri.text,
      staged: `bq://${uri.project}.${uri.dataset}.${uri.table}__stage_${txid}_${i}`,
      ...(date ? { partition: date.replace(/-/g, ''), part: rows.part } : {}),
      rows: r.length,
      fields,
      ...(location ? { location } : {}),
      layout,
    },
    data: loadCsv(fields, rows.header, r),
  }));
}
