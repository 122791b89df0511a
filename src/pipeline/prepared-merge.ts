import { inputError, isForecastError } from '../errors.js';
import { acquireRunLock } from '../io/run-lock.js';
import { readBytesIfAny } from '../io/read-bytes.js';
import { childUri, subFolder } from '../io/uri.js';
import { writeBytes } from '../io/write-table.js';
import { mergeKey } from './config-keys.js';
import { decodeFrameFile, encodeFrameFile, type FrameFile } from './frame-file.js';
import type { MergeResult } from './merge.js';
import { checkMerged, mergeStage, type Run } from './run-stages.js';
import { FRAME_FILE, shardsDir } from './shard-store.js';

/** How often a shard waiting for another one's merged table looks for it. */
export const PREPARE_POLL_MS = 250;

/**
 * The merged table of a sharded run, built once and shared: read `merged.frame` when it is
 * there (written by `forecast prepare` or by the first shard); otherwise one shard takes the
 * `prepare/` lock (create-only, with a generation precondition on gs://), merges the sources
 * and writes it, while the others wait for the file instead of scanning BigQuery again. A table
 * built from another config is refused. `force` (prepare --force) builds it again.
 */
export async function preparedMerge(run: Run, reserve: number, o: { force?: boolean } = {}): Promise<MergeResult & { built: boolean }> {
  const { ctx, deadline } = run;
  const dir = shardsDir(run.outDir, run.runDate);
  const uri = childUri(dir, FRAME_FILE);
  const key = mergeKey(run.config);
  const read = async (): Promise<(MergeResult & { built: false }) | null> => {
    const got = await readBytesIfAny(uri, ctx);
    if (!got) return null;
    const f: FrameFile = decodeFrameFile(got.data, uri.text);
    if (f.key !== key)
      throw inputError(
        'bad_frame_file',
        `${uri.text} was built from another config (sources, calendar or fill); remove it, or use another out dir or run date`,
      );
    checkMerged(f.frame, run.config);
    run.log.info({ stage: 'merge', ms: deadline.lap('merge'), rows: f.frame.dates.length, columns: f.frame.names.length, from: uri.text }, 'merged table read');
    return { frame: f.frame, inputs: f.inputs, problems: f.problems, built: false };
  };
  const force = o.force === true;
  for (let waited = false; ; waited = true) {
    if (!force) {
      const ready = await read();
      if (ready) return ready;
    }
    // A stale lock (its holder died) is taken over; one released without a table is taken again.
    const release = await acquireRunLock(
      subFolder(dir, 'prepare'),
      ctx,
      { runDate: run.runDate, expiresAt: run.now() + deadline.remainingMs() },
      run.now,
      run.opts.liveness,
    ).catch((e: unknown) => {
      if (!isForecastError(e) || e.code !== 'cloud.locked') throw e;
      return undefined;
    });
    if (!release) {
      if (!waited) run.log.info({ stage: 'merge', frame: uri.text }, 'another shard is merging the sources; waiting for its table');
      run.deadline.check('merge (waiting for the shard that merges)', reserve);
      await new Promise((r) => setTimeout(r, PREPARE_POLL_MS));
      continue;
    }
    try {
      const ready = force ? null : await read();
      if (ready) return ready;
      const merged = await mergeStage(run, reserve);
      await writeBytes(uri, encodeFrameFile({ ...merged, key }), ctx, 'application/octet-stream');
      run.log.info({ stage: 'merge', frame: uri.text }, 'merged table written for the shards');
      return { ...merged, built: true };
    } finally {
      await release();
    }
  }
}
