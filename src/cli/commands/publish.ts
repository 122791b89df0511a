import { Command, Option } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { nameList } from '../option-parsers.js';

/** `forecast publish`: write a CSV to its destination; append never duplicates a published run. */
export function publishCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('publish')
    .description('write a CSV to its destination; append mode replaces rows of a run already published')
    .option('--from <uri>', 'table to publish', '-')
    .requiredOption('--to <uri>', 'destination (path, gs:// or bq://)')
    .addOption(new Option('--mode <mode>', 'overwrite or append').choices(['overwrite', 'append']).default('overwrite'))
    .addOption(new Option('--key <cols>', 'append key columns, comma-separated').argParser(nameList).default(['run_date'], 'run_date'))
    .action(async (o: { from: string; to: string; mode: 'overwrite' | 'append'; key: string[] }) => {
      const { runPublish } = await import('../../pipeline/copy-stages.js');
      await runPublish(o, await ioContext(deps, globals()));
    });
}
