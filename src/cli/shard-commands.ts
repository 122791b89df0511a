import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from './deps.js';
import { positiveInt } from './options.js';

/** The options prepare and gather share with run-all: which run, where. */
function runOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'pipeline config: a path, gs:// URI or inline JSON', 'pipeline.json')
    .option('--target <cols>', 'column(s) to forecast, overriding the config\'s (as the shards were run)')
    .option('--out-dir <dir>', 'output folder or gs:// prefix (default: the config\'s outDir)')
    .option('--deadline <duration>', 'stop cleanly before this (default: the config\'s, else 60s)')
    .option('--run-date <date>', 'week of the run, yyyy-mm-dd (default: this week)');
}

export function prepareCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return runOptions(new Command('prepare')).description('merge the sources once for a sharded run (shards/<run_date>/merged.frame), before its shards start')
    .option('--force', 'build it again even when it is there')
    .action(async (o) => {
      const { prepareCli } = await import('../pipeline/shard-cli.js');
      deps.stdout.write(`${JSON.stringify(await prepareCli(o, await ioContext(deps, globals()), deps.now))}\n`);
    });
}

export function gatherCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return runOptions(new Command('gather')).description('publish a sharded run once all its shards are done (the last shard does it by itself)')
    .option('--shards <n>', 'how many shards the run has (default: found from their folders)', positiveInt('--shards', 10_000))
    .option('--no-report', 'skip the charts and report.html')
    .action(async (o) => {
      deps.stopGracefully?.();
      const { gatherCli } = await import('../pipeline/shard-cli.js');
      deps.stdout.write(`${JSON.stringify(await gatherCli(o, await ioContext(deps, globals()), deps.now))}\n`);
    });
}
