import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import type { BqStage } from '../io/bq-stage.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { removePath } from '../io/durable-file.js';
import { childUri, type Folder, type FolderFile } from '../io/uri.js';
import { readBytesIfAny } from '../io/read-bytes.js';

export const JOURNAL_NAME = '.forecast-journal.json';

/**
 * The write-ahead journal of one publish, in the out dir. Written before anything is staged
 * (state `staging`: what will be staged where, with checksums), then again once every item is
 * staged (state `committed`: the commit point, with the manifest to write last). A run or
 * `forecast recover` that finds a `staging` journal discards it (removes what it names); a
 * `committed` one is completed (rolled forward): every apply step is idempotent.
 */
export interface Journal {
  readonly format: 'forecast-journal';
  readonly version: 1;
  readonly txid: string;
  readonly runId: string;
  readonly runDate: string;
  readonly state: 'staging' | 'committed';
  readonly items: readonly JournalItem[];
  /** Top-level files of the previous run this run does not write (a report under --no-report). */
  readonly deletes: readonly string[];
  /** Run folders to remove once the manifest is written (older than the previous run's). */
  readonly prune: readonly string[];
  /** The manifest, written last (set at commit). */
  readonly manifest?: Record<string, unknown>;
}

/** A local file: `staged` (in the run folder, or a temp beside an extra target) is linked over `target`. */
export interface FileItem {
  readonly kind: 'file';
  readonly target: string;
  readonly staged: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Set for the out dir's outputs: their staged copy is the run folder's, kept. */
  readonly name?: string;
}

/** A Cloud Storage object: `staged` is copied over `target` (objects.rewrite). */
export interface GsItem {
  readonly kind: 'gs';
  readonly target: string;
  readonly staged: string;
  readonly sha256: string;
  readonly md5: string;
  readonly bytes: number;
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly name?: string;
  /** The staged object's generation, known once staged (the manifest names it). */
  readonly generation?: string;
}

/** A BigQuery table: the staging table `staged` is copied into `target` (its `partition` for an append). */
export interface BqItem extends BqStage {
  readonly kind: 'bq';
}

export type JournalItem = FileItem | GsItem | BqItem;

/** The journal's URI in an out dir. */
export function journalUri(outDir: Folder): FolderFile {
  return childUri(outDir, JOURNAL_NAME);
}

/** The out dir's journal, or null; an unreadable journal is an error naming it (never silently dropped). */
export async function readJournal(outDir: Folder, ctx: IoContext): Promise<{ journal: Journal; generation?: string } | null> {
  const uri = journalUri(outDir);
  const got = await readBytesIfAny(uri, ctx);
  if (!got) return null;
  const text = got.data.toString('utf8');
  let j: Journal;
  try {
    j = JSON.parse(text) as Journal;
  } catch (e) {
    throw inputError(
      'bad_journal',
      `${uri.text}: not valid JSON (${(e as Error).message}); it is the journal of an unfinished publish: restore it, or remove it to give that publish up`,
    );
  }
  if (j?.format !== 'forecast-journal' || j.version !== 1 || !Array.isArray(j.items) || !['staging', 'committed'].includes(j.state)) {
    throw inputError('bad_journal', `${uri.text}: not a forecast journal of version 1; remove it to give that publish up`);
  }
  return { journal: j, generation: got.generation };
}

/** Write the journal: create-only the first time (`generation` undefined), else over the generation we wrote. Returns the new generation (gs://). */
export async function writeJournal(outDir: Folder, j: Journal, ctx: IoContext, generation?: string): Promise<string | undefined> {
  const uri = journalUri(outDir);
  const text = JSON.stringify(j, null, 1) + '\n';
  if (uri.kind === 'gs') {
    const { putGuarded } = await import('../io/gcs.js');
    return putGuarded(uri, Buffer.from(text), generation ?? '0', ctx, { contentType: 'application/json' });
  }
  await writeFileAtomic(uri.path, text);
  return undefined;
}

export async function deleteJournal(outDir: Folder, ctx: IoContext, generation?: string): Promise<void> {
  const uri = journalUri(outDir);
  if (uri.kind === 'gs') {
    const { deleteGcsObject } = await import('../io/gcs.js');
    return deleteGcsObject(uri, ctx, generation);
  }
  await removePath(uri.path);
}
