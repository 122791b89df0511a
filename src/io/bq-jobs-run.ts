import type { BigQuery, Job } from '@google-cloud/bigquery';
import { cloudError, inputError, limitError } from '../errors.js';
import { cloudFailure, statusOf, withRetry } from './cloud-failure.js';
import type { IoContext } from './context.js';

interface JobMeta {
  status?: { state?: string; errorResult?: { reason?: string; message?: string } };
  statistics?: { totalBytesProcessed?: string; query?: { totalBytesProcessed?: string } };
  jobReference?: { jobId?: string; location?: string };
}

/**
 * Poll a job until DONE, with backoff, never past the deadline; a failed job becomes a typed
 * error: `invalid`/`invalidQuery` input → exit 2, `bytesBilledLimitExceeded` → exit 4
 * (a limit), anything else → exit 3.
 */
export async function waitForJob(job: Job, ctx: IoContext, resource: string, what: string): Promise<JobMeta> {
  let delay = 100;
  for (;;) {
    const [meta] = (await withRetry(ctx, `${what} ${resource}`, () => job.getMetadata()).catch((err: unknown) => {
      throw cloudFailure('BigQuery', what, resource, err);
    })) as unknown as [JobMeta];
    if (meta.status?.state === 'DONE') {
      const e = meta.status.errorResult;
      if (e) throw jobError(e.reason ?? 'unknown', e.message ?? '', resource, what);
      return meta;
    }
    if (ctx.remainingMs() < delay) throw limitError('deadline', `deadline reached waiting for BigQuery ${what} job ${job.id} on ${resource}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5000);
  }
}

export function jobError(reason: string, message: string, resource: string, what: string): Error {
  const text = `BigQuery ${what} ${resource} failed: ${reason} ${message}`.trim();
  if (reason === 'bytesBilledLimitExceeded') return limitError('bytes_billed', text);
  if (reason === 'invalid' || reason === 'invalidQuery' || reason === 'notFound') return inputError(`bigquery_${reason === 'notFound' ? 'not_found' : 'rejected'}`, text);
  return cloudError(`bigquery_${what.replace(/\W+/g, '_')}`, text);
}

/**
 * Insert a job with a caller-chosen id. A 409 means an earlier attempt (whose response was lost)
 * created it: fetch that job instead of running the work twice.
 */
export async function insertJob(bq: BigQuery, body: Record<string, unknown>, jobId: string, location: string | undefined, ctx: IoContext, resource: string, what: string): Promise<Job> {
  try {
    const [job] = await withRetry(ctx, `${what} ${resource}`, () => bq.createJob({ ...body, jobId, ...(location ? { location } : {}) } as never));
    return job;
  } catch (err) {
    if (statusOf(err) === 409) {
      ctx.logger.info({ jobId }, `BigQuery ${what} job ${jobId} already exists; checking its status`);
      return bq.job(jobId, { location });
    }
    const errors = (err as { errors?: { reason?: string; message?: string }[] }).errors;
    if (errors?.[0]?.reason && statusOf(err) === undefined) throw jobError(errors[0].reason, errors[0].message ?? '', resource, what);
    const reason = errors?.[0]?.reason;
    if (reason && ['invalid', 'invalidQuery', 'notFound', 'bytesBilledLimitExceeded'].includes(reason)) throw jobError(reason, errors![0].message ?? '', resource, what);
    throw cloudFailure('BigQuery', what, resource, err);
  }
}
