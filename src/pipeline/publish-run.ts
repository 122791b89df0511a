import { createHash } from 'node:crypto';
import { inputError } from '../errors.js';
import type { IoContext } from '../io/context.js';
import { acquireRunLock } from '../io/run-lock.js';
import { joinUri, parseUri } from '../io/uri.js';
import { writeBytes, writeTable } from '../io/write-table.js';
import type { OutputFile } from './build-outputs.js';
import type { PublishTargets } from './config.js';
import type { Deadline } from './deadline.js';
import { settleAll } from './settle-all.js';

/** A plain file name: no separators, no leading dot, no `..`. */
export const SAFE_NAME = /^(?!\.)[A-Za-z0-9._-]{1,200}$/;

export interface PublishRunOptions {
  readonly outDir: string;
  readonly publish: PublishTargets;
  readonly ctx: IoContext;
  readonly now: () => number;
  readonly runDate: string;
  readonly deadline: Deadline;
  /** Run facts for manifest.json; outputs, stage timings and elapsed time are added here. */
  readonly manifest: Record<string, unknown>;
}

/**
 * Write a run's outputs under the out dir's lock: every file whole-or-nothing and idempotent
 * (overwrite, or append keyed by run_date), then the extra publish targets, then manifest.json
 * last, listing what was published with checksums. A failure part-way leaves the previous
 * manifest in place, and a re-run rewrites everything to the same result. Returns the URIs.
 */
export async function publishRun(files: readonly OutputFile[], o: PublishRunOptions): Promise<string[]> {
  const { ctx, deadline } = o;
  const target = (name: string) => {
    // Output names are fixed by the tool today; if one is ever built from data (a feature name),
    // it must still land inside the out dir.
    if (!SAFE_NAME.test(name)) throw inputError('bad_output_name', `output name '${name}' is not a plain file name`);
    return parseUri(joinUri(o.outDir, name), 'output');
  };
  const release = await acquireRunLock(o.outDir, ctx, {
    runDate: o.runDate, expiresAt: o.now() + Math.max(deadline.remainingMs(), 0) + 60_000,
  }, o.now);
  try {
    // The files are written concurrently (each whole-or-nothing; on Storage and BigQuery the
    // round trips overlap) and all settle before the lock is released.
    const outputs = await settleAll(files.map(async (f) => {
      const uri = target(f.name);
      if (f.table) await writeTable(uri, f.data as string, ctx, { mode: f.table.mode, key: f.table.key, schema: f.table.schema });
      else await writeBytes(uri, f.data, ctx, f.contentType);
      return uri.text;
    }));
    const targets = Object.entries(o.publish).flatMap(([name, dest]) => {
      const f = files.find((x) => x.publishAs === name);
      return f?.table && dest ? [{ f, table: f.table, uri: parseUri(dest, `publish.${name}`) }] : [];
    });
    const published = await settleAll(targets.map(async ({ f, table, uri }) => {
      await writeTable(uri, f.data as string, ctx, { mode: table.mode, key: table.key, schema: table.schema });
      return uri.text;
    }));
    deadline.lap('publish');
    const manifest = {
      ...o.manifest,
      elapsedMs: deadline.elapsedMs(), stages: deadline.timings(),
      outputs: files.map((f, i) => ({ uri: outputs[i], sha256: createHash('sha256').update(f.data).digest('hex') })),
      published,
    };
    const manifestUri = target('manifest.json');
    await writeBytes(manifestUri, JSON.stringify(manifest, null, 2) + '\n', ctx, 'application/json');
    return [...outputs, ...published, manifestUri.text];
  } finally {
    await release();
  }
}

