import type { BigQuery, Job } from '@google-cloud/bigquery';
import { cloudError, inputError, isForecastError, limitError } from '../errors.js';
import { checkDeadline, cloudFailure, statusOf, withRetry } from './cloud-failure.js';
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

/** A failed job as a typed error; its `cause` keeps the job's `{reason, message}`. */
export function jobError(reason: string, message: string, resource: string, what: string): Error {
  const text = `BigQuery ${what} ${resource} failed: ${reason} ${message}`.trim();
  const cause = { reason, message };
  if (reason === 'bytesBilledLimitExceeded') return limitError('bytes_billed', text, cause);
  if (reason === 'invalid' || reason === 'invalidQuery' || reason === 'notFound')
    return inputError(reason === 'notFound' ? 'not_found' : 'rejected', text, cause);
  return cloudError('bigquery', text, cause);
}

/**
 * Reasons a job can fail for that another job may not meet
 * (https://cloud.google.com/bigquery/docs/error-messages): such a job is resubmitted under a new id.
 */
export const RETRYABLE_JOB_REASONS = ['backendError', 'internalError', 'rateLimitExceeded', 'jobBackendError', 'jobInternalError'];

function failedJobReason(err: unknown): string | undefined {
  return isForecastError(err) ? (err.cause as { reason?: string } | undefined)?.reason : undefined;
}

/**
 * Run a BigQuery job to the end. Every submission gets a fresh id from `newJobId`; `submit(id)`
 * creates the job, and only its own retries reuse that id (a 409 then means an earlier attempt of
 * this submission created it). BigQuery keeps job ids for about 6 months, so an id is never
 * reused across calls: a later call would otherwise be answered with an earlier call's job. A job
 * that failed for a retryable reason is submitted again under a new id, up to `submissions` times.
 */
export async function runJob(
  ctx: IoContext,
  resource: string,
  what: string,
  newJobId: () => string,
  submit: (jobId: string) => Promise<Job>,
  submissions = 3,
): Promise<{ job: Job; meta: JobMeta }> {
  for (let n = 1; ; n++) {
    const jobId = newJobId();
    try {
      const job = await submit(jobId);
      return { job, meta: await waitForJob(job, ctx, resource, what) };
    } catch (err) {
      const reason = failedJobReason(err);
      if (!reason || !RETRYABLE_JOB_REASONS.includes(reason) || n >= submissions) throw err;
      checkDeadline(ctx, `resubmitting the BigQuery ${what} job on ${resource}`);
      ctx.logger.warn({ jobId, reason, submission: n }, `BigQuery ${what} job ${jobId} on ${resource} failed (${reason}); resubmitting it under a new id`);
    }
  }
}

/**
 * Insert a job with a caller-chosen id (one per submission, see `runJob`). A 409 means an earlier
 * attempt of this insert (whose response was lost) created it: that job is looked up in the
 * client's project and `location`, instead of running the work twice.
 */
export async function insertJob(
  bq: BigQuery,
  body: Record<string, unknown>,
  jobId: string,
  location: string | undefined,
  ctx: IoContext,
  resource: string,
  what: string,
): Promise<Job> {
  try {
    const [job] = await withRetry(ctx, `${what} ${resource}`, () => bq.createJob({ ...body, jobId, ...(location ? { location } : {}) } as never));
    return job;
  } catch (err) {
    if (statusOf(err) === 409) {
      ctx.logger.info({ jobId }, `BigQuery ${what} job ${jobId} already exists; checking its status`);
      return bq.job(jobId, { location, projectId: bq.projectId });
    }
    const errors = (err as { errors?: { reason?: string; message?: string }[] }).errors;
    if (errors?.[0]?.reason && statusOf(err) === undefined) throw jobError(errors[0].reason, errors[0].message ?? '', resource, what);
    const reason = errors?.[0]?.reason;
    if (reason && ['invalid', 'invalidQuery', 'notFound', 'bytesBilledLimitExceeded'].includes(reason))
      throw jobError(reason, errors![0].message ?? '', resource, what);
    throw cloudFailure('BigQuery', what, resource, err);
  }
}
