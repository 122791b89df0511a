import { Command } from 'commander';
import { childUri } from '../../io/uri.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { openConfiguredRun } from '../run-config.js';
import { runOptions, type RunOptions } from '../shared-options.js';

/**
 * `forecast prepare`: read and merge the sources once for a sharded run, into
 * `<outDir>/shards/<run_date>/merged.frame`, before the shards start; kept when it is already
 * there, unless --force.
 */
export function prepareCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return runOptions(new Command('prepare'), ' (as the shards were run)')
    .description('merge the sources once for a sharded run (shards/<run_date>/merged.frame), before its shards start')
    .option('--force', 'build it again even when it is there')
    .action(async (o: RunOptions & { force?: boolean }) => {
      const run = await openConfiguredRun(o, await ioContext(deps, globals()), deps.now);
      const [{ reserveFor }, { preparedMerge }, { FRAME_FILE, shardsDir }] = await Promise.all([
        import('../../pipeline/run-stages.js'),
        import('../../pipeline/prepared-merge.js'),
        import('../../pipeline/shard-store.js'),
      ]);
      const m = await preparedMerge(run, reserveFor(run.opts.deadlineMs, false).outputs, { force: o.force });
      deps.stdout.write(
        `${JSON.stringify({
          runDate: run.runDate,
          frame: childUri(shardsDir(run.outDir, run.runDate), FRAME_FILE).text,
          built: m.built,
          rows: m.frame.dates.length,
          columns: m.frame.names.length,
          elapsedMs: run.deadline.elapsedMs(),
        })}\n`,
      );
    });
}
