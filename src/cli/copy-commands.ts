import { Command, Option } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from './deps.js';
import { param } from './options.js';

export function extractCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('extract').description('copy a table between local files, stdin/stdout, gs:// and bq:// (tables or queries)')
    .option('--from <uri>', 'source table', '-')
    .option('--to <uri>', 'destination', '-')
    .option('--query <sql>', 'BigQuery Standard SQL to run instead of reading --from')
    .option('--query-file <path>', 'read the SQL from a file')
    .option('--param <name=value>', 'named query parameter @name (repeatable)', param)
    .option('--location <loc>', 'BigQuery location of the data (EU, US, …)')
    .option('--max-bytes-billed <n>', 'fail a query that would bill more bytes than this')
    .option('--extract-via <gs-prefix>', 'export large BigQuery tables through this gs:// prefix and stream them back')
    .option('--dry-run', 'report the bytes a query would process, and stop')
    .action(async (o) => {
      const { runExtract } = await import('../pipeline/copy-stages.js');
      await runExtract(o, await ioContext(deps, globals()));
    });
}

export function publishCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('publish').description('write a CSV to its destination; append mode replaces rows of a run already published')
    .option('--from <uri>', 'table to publish', '-')
    .requiredOption('--to <uri>', 'destination (path, gs:// or bq://)')
    .addOption(new Option('--mode <mode>', 'overwrite or append').choices(['overwrite', 'append']).default('overwrite'))
    .option('--key <cols>', 'append key columns, comma-separated', 'run_date')
    .action(async (o) => {
      const { runPublish } = await import('../pipeline/copy-stages.js');
      await runPublish(o, await ioContext(deps, globals()));
    });
}
