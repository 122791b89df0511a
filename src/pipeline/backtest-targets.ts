import { limitError } from '../errors.js';
import type { BacktestResult } from '../model/types.js';
import { settleEach } from './settle-all.js';
import { outcomeError } from './target-job.js';
import { openRunner, type TrainTargetsOptions } from './train-targets.js';

/**
 * Rolling-origin backtests of several targets on `workers` threads, one target per job; the
 * results in the order of `targets`. The first target that fails (too few rows…) is the error,
 * named by the engine's message. O(targets × origins × one training).
 */
export async function backtestTargets(
  o: Pick<TrainTargetsOptions, 'frame' | 'targets' | 'shared' | 'workers' | 'remainingMs' | 'where'> & { readonly origins: number },
): Promise<{ readonly target: string; readonly result: BacktestResult }[]> {
  const runner = openRunner(o, o.targets.length);
  try {
    return await settleEach(o.targets, runner.size, async (target) => {
      const left = o.remainingMs();
      const r = await runner.run({ kind: 'backtest', target, origins: o.origins, budgetMs: left }, left);
      if (r === 'stopped') throw limitError('deadline', `no time left to backtest '${target}'`);
      if (!r.ok) throw outcomeError(r);
      return { target, result: r.value as BacktestResult };
    });
  } finally {
    await runner.close();
  }
}
