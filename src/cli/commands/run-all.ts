import { Command } from 'commander';
import type { RunSummary } from '../../pipeline/run-all.js';
import type { ShardSummary } from '../../pipeline/run-shard.js';
import type { ShardSpec } from '../../pipeline/shard-spec.js';
import { ioContext, isTerminal, type CliDeps, type GlobalOptions } from '../deps.js';
import { shard, size } from '../option-parsers.js';
import { runOf } from '../run-config.js';
import { readLimitOptions, runOptions, workersOption, type RunOptions } from '../shared-options.js';

interface RunAllFlags extends RunOptions {
  readonly workers?: number;
  readonly shard?: ShardSpec;
  /** false with --no-gather: a shard never gathers. */
  readonly gather: boolean;
}

/**
 * `forecast run-all`: the whole weekly run, as the Cloud Function does it; with `--shard I/N`
 * (or in a Cloud Run job's task) one shard of it (run-shard.ts). Prints the one-line JSON
 * summary, or on a terminal a readable one.
 */
export function runAllCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return workersOption(readLimitOptions(runOptions(new Command('run-all'), ": names, '*' or globs, comma-separated")))
    .description('sources → merge → train → predict → publish under one deadline (the Cloud Function run)')
    .option('--max-memory <size>', 'fail cleanly past this resident memory (default 3.5GiB)', size('--max-memory'))
    .option('--no-report', 'skip the charts and report.html')
    .option(
      '--shard <i/n>',
      "run shard I of N (0-based) of a run split across processes or a Cloud Run job's tasks (default: CLOUD_RUN_TASK_INDEX/COUNT when set)",
      shard,
    )
    .option('--no-gather', 'a shard never gathers, even when it is the last to finish (run forecast gather after)')
    .action(async (o: RunAllFlags) => {
      // The run bounds every I/O call by its own deadline (the config's unless --deadline),
      // and stops at a safe point on SIGINT/SIGTERM.
      deps.stopGracefully?.();
      const ctx = await ioContext(deps, globals());
      const { createProgress } = await import('../../io/progress.js');
      const readable = isTerminal(deps.stdout, globals());
      const run = {
        ...(await runOf(o, ctx, deps.now)),
        progress: createProgress(deps.stderr, isTerminal(deps.stderr, globals())),
        workers: o.workers,
        detail: readable,
      };
      const { shardOfTask } = await import('../../pipeline/shard-spec.js');
      const spec = o.shard ?? shardOfTask(ctx.settings.cloudRunTask);
      const s: RunSummary | ShardSummary = spec
        ? await (await import('../../pipeline/run-shard.js')).runShard({ ...run, shard: spec, gather: o.gather })
        : await (await import('../../pipeline/run-all.js')).runAll(run);
      deps.stdout.write('shard' in s ? `${JSON.stringify(s)}\n` : await summaryOf(s, readable));
    });
}

/** The run's summary: readable on a terminal, else the one line of JSON scripts read. */
async function summaryOf(s: RunSummary, readable: boolean): Promise<string> {
  if (readable && s.detail) {
    const { runSummaryText } = await import('../run-summary-text.js');
    return runSummaryText({ ...s, detail: s.detail });
  }
  return `${JSON.stringify(summaryLine(s))}\n`;
}

/** The summary's fields scripts read. */
function summaryLine(s: RunSummary) {
  return {
    runDate: s.runDate,
    winner: s.winner,
    mae: s.mae,
    targets: s.targets,
    fellBack: s.fellBack,
    deadlineHit: s.deadlineHit,
    elapsedMs: s.elapsedMs,
    outputs: s.outputs,
  };
}
