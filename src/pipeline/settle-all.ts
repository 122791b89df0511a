/**
 * The values of concurrent work once every promise has settled, in order; throws the first
 * rejection in that order. Unlike Promise.all, nothing is still running when it throws (a run
 * lock is not released under a write in flight), and which error is reported does not depend
 * on timing.
 */
export async function settleAll<T>(work: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}
