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

/**
 * `work` on every item with at most `limit` running at once, started in order; after a failure
 * no further item starts. Like settleAll, it returns once nothing is running, with the values in
 * order, or throws the first rejection in item order (every item before a started one has
 * started, so that is the first failure of the whole list). Bounds the memory of concurrent
 * reads: 5,000 sources are not 5,000 open streams.
 */
export async function settleEach<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const settled: PromiseSettledResult<R>[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        settled[i] = { status: 'fulfilled', value: await work(items[i], i) };
      } catch (reason) {
        settled[i] = { status: 'rejected', reason };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  for (const r of settled) if (r?.status === 'rejected') throw r.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<R>).value);
}
