import { randomUUID } from 'node:crypto';
import type { BigQuery, Job } from '@google-cloud/bigquery';
import { inputError } from '../errors.js';
import { bigqueryClient } from './clients.js';
import { cloudFailure, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext } from './context.js';
import { insertJob, runJob, waitForJob } from './bq-jobs-run.js';
import { appendSchema, checkTableMeta, ensureTable, loadOnce, tableMeta, type Field } from './bq-write.js';
import { parseUri } from './uri.js';
import type { BqUri } from './bq-read.js';
import { effectiveLayout, layoutSpec, type TableLayout } from './bq-layout.js';

/**
 * A BigQuery target of a publish, in two steps (https://cloud.google.com/bigquery/docs/managing-tables#copy-table):
 * the rows are loaded into a staging table in the target's dataset (same location), then one
 * copy job with WRITE_TRUNCATE puts them in place: into the partition `table$YYYYMMDD` for an
 * append, over the whole table for an overwrite. A copy job is atomic: a query sees the old or
 * the new rows, never part of them. Copying again gives the same table, so a copy can be redone
 * after a crash.
 */
export interface BqStage {
  readonly target: string;
  readonly staged: string;
  /** YYYYMMDD of an append's partition. */
  readonly partition?: string;
  readonly part?: string;
  readonly rows: number;
  readonly fields: Field[];
  readonly location?: string;
  /**
   * The target's partitioning and clustering: its own when it exists, the tool's for a new one
   * (bq-layout.ts). A whole-table copy brings its source's, so the staging table of an
   * overwrite is laid out the same.
   */
  readonly layout?: TableLayout;
}

const asBq = (text: string): BqUri => parseUri(text, 'BigQuery table') as BqUri;

/**
 * Read the target's metadata and check the rows fit it, before anything is written: a table (not
 * a view), partitioned by DAY on the partition column for an append, the types of the columns it
 * has. Returns the schema to stage (for an append the table's columns, then ours it lacks), the
 * location of the target's dataset, where its jobs run, and the layout to write with.
 */
export async function inspectBqTarget(
  target: string,
  schema: readonly Field[],
  part: string | undefined,
  ctx: IoContext,
  wanted?: TableLayout,
): Promise<{ fields: Field[]; location?: string; layout: TableLayout }> {
  const uri = asBq(target);
  const bq = await bigqueryClient(ctx);
  const dataset = bq.dataset(uri.dataset, { projectId: uri.project });
  const meta = await tableMeta(dataset.table(uri.table), target, ctx);
  if (!meta) {
    const [ds] = await withRetry(ctx, `stat dataset of ${target}`, () => dataset.getMetadata()).catch((err: unknown) => {
      throw cloudFailure('BigQuery', 'stat dataset of', target, err);
    });
    return { fields: [...schema], location: (ds as { location?: string }).location, layout: wanted ?? {} };
  }
  checkTableMeta(meta, part, target);
  return {
    fields: part ? appendSchema(meta.schema?.fields ?? [], schema, target) : [...schema],
    location: meta.location,
    layout: effectiveLayout(meta, wanted, target, ctx.logger),
  };
}

/** The ids the staging load may use, fixed by the staging table's (unique) name, so a recovery can find a load still running. */
export function stageJobIds(staged: string): string[] {
  const t = asBq(staged);
  const safe = `${t.project}_${t.dataset}_${t.table}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 900);
  return [1, 2, 3].map((n) => `forecast_stage_${safe}_${n}`);
}

/**
 * Stage: load `csv` into the staging table, in the target's dataset and location. Nothing a
 * reader of the target sees changes (the target is created or widened only when applied).
 */
export async function stageBqTable(s: BqStage, csv: string, ctx: IoContext): Promise<void> {
  const bq = await bigqueryClient(ctx);
  const staged = asBq(s.staged);
  const ids = stageJobIds(s.staged);
  let n = 0;
  const layout = s.partition ? {} : layoutSpec(s.layout);
  await loadOnce(
    bq,
    staged,
    staged.table,
    csv,
    { schema: s.fields, location: s.location, createIfNeeded: true, ...layout },
    ctx,
    () => ids[Math.min(n++, ids.length - 1)],
  );
}

/**
 * Make the target ready for the copy: create it when missing (an empty table; partitioned for an
 * append) and add the columns an append brings (a schema patch, NULL in the rows there). Both
 * can be done again.
 */
async function prepareTarget(bq: BigQuery, s: BqStage, ctx: IoContext): Promise<void> {
  const uri = asBq(s.target);
  const table = bq.dataset(uri.dataset, { projectId: uri.project }).table(uri.table);
  const meta = await ensureTable(table, s.fields, s.part, s.target, ctx, s.layout);
  const have = meta.schema?.fields ?? [];
  if (s.part && s.fields.some((f) => !have.some((h) => h.name.toLowerCase() === f.name.toLowerCase()))) {
    await withRetry(ctx, `add columns to ${s.target}`, () => table.setMetadata({ schema: { fields: s.fields } } as never)).catch((err: unknown) => {
      throw cloudFailure('BigQuery', 'add columns to', s.target, err);
    });
  }
}

/** Apply: the staging table must hold the staged rows; the target is made ready, then one copy job puts them in place. */
export async function applyBqStage(s: BqStage, ctx: IoContext): Promise<void> {
  const uri = asBq(s.target);
  const staged = asBq(s.staged);
  const bq = await bigqueryClient(ctx);
  const meta = await tableMeta(bq.dataset(staged.dataset, { projectId: staged.project }).table(staged.table), s.staged, ctx);
  if (!meta || Number(meta.numRows ?? -1) !== s.rows) {
    throw inputError(
      'staging_lost',
      `${s.staged} ${meta ? `holds ${meta.numRows} rows, not the ${s.rows} staged` : 'is gone'}; the publish to ${s.target} cannot be completed: remove the journal to give it up`,
    );
  }
  await prepareTarget(bq, s, ctx);
  const dest = s.partition ? `${uri.table}$${s.partition}` : uri.table;
  const what = `${s.target}${s.partition ? `$${s.partition}` : ''}`;
  const body = {
    configuration: {
      copy: {
        sourceTable: { projectId: staged.project, datasetId: staged.dataset, tableId: staged.table },
        destinationTable: { projectId: uri.project, datasetId: uri.dataset, tableId: dest },
        writeDisposition: 'WRITE_TRUNCATE',
        createDisposition: s.partition ? 'CREATE_NEVER' : 'CREATE_IF_NEEDED',
      },
    },
  };
  await runJob(
    ctx,
    what,
    'copy',
    () => `forecast_copy_${randomUUID().replace(/-/g, '')}`,
    (jobId) => insertJob(bq, body, jobId, s.location, ctx, what, 'copy'),
  );
  ctx.logger.info({ table: what, from: s.staged }, `copied ${s.staged} into ${what}`);
}

/**
 * Drop the staging table (a missing one is fine). With `awaitLoads`, first wait for a staging
 * load a killed run may have left running, so the table cannot reappear after the drop.
 */
export async function dropBqStage(s: Pick<BqStage, 'staged' | 'location'>, ctx: IoContext, awaitLoads = false): Promise<void> {
  const staged = asBq(s.staged);
  const bq = await bigqueryClient(ctx);
  if (awaitLoads) {
    for (const id of stageJobIds(s.staged)) {
      const job: Job = bq.job(id, { location: s.location, projectId: staged.project });
      const [exists] = await withRetry(ctx, `find job ${id}`, () => job.exists()).catch(() => [false]);
      if (exists) await waitForJob(job, ctx, s.staged, 'load').catch(() => undefined);
    }
  }
  try {
    await withRetry(ctx, `drop ${s.staged}`, () => bq.dataset(staged.dataset, { projectId: staged.project }).table(staged.table).delete());
  } catch (err) {
    if (statusOf(err) !== 404) throw cloudFailure('BigQuery', 'drop', s.staged, err);
  }
}
