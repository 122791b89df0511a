import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { positiveInt } from '../option-parsers.js';
import { openConfiguredRun } from '../run-config.js';
import { runOptions, type RunOptions } from '../shared-options.js';

/** `forecast gather`: publish a sharded run once every shard is done (`--shards`: their count, else found). */
export function gatherCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return runOptions(new Command('gather'), ' (as the shards were run)')
    .description('publish a sharded run once all its shards are done (the last shard does it by itself)')
    .option('--shards <n>', 'how many shards the run has (default: found from their folders)', positiveInt('--shards', 10_000))
    .option('--no-report', 'skip the charts and report.html')
    .action(async (o: RunOptions & { shards?: number }) => {
      deps.stopGracefully?.();
      const run = await openConfiguredRun(o, await ioContext(deps, globals()), deps.now);
      const { gather } = await import('../../pipeline/gather.js');
      const g = await gather(run, { count: o.shards, auto: false });
      deps.stdout.write(`${JSON.stringify({ runDate: run.runDate, ...g })}\n`);
    });
}
