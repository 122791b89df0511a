import { Command, Option } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { nameList, uriOption } from '../option-parsers.js';
import type { Uri } from '../../io/uri.js';

/** `forecast publish`: write a CSV to its destination; append never duplicates a published run. */
export function publishCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('publish')
    .description('write a CSV to its destination; append mode replaces rows of a run already published')
    .addOption(uriOption('--from <uri>', 'table to publish', '-'))
    .addOption(uriOption('--to <uri>', 'destination (path, gs:// or bq://)').makeOptionMandatory())
    .addOption(new Option('--mode <mode>', 'overwrite or append').choices(['overwrite', 'append']).default('overwrite'))
    .addOption(new Option('--key <cols>', 'append key columns, comma-separated').argParser(nameList).default(['run_date'], 'run_date'))
    .action(async (o: { from: Uri; to: Uri; mode: 'overwrite' | 'append'; key: string[] }) => {
      const { runPublish } = await import('../../pipeline/copy-stages.js');
      await runPublish(o, await ioContext(deps, globals()));
    });
}
