import { Command, Option } from 'commander';
import { FREQS } from '../frame/freq.js';
import { FILLS } from '../frame/align.js';
import { collect, readLimitOptions } from './options.js';
import { ioContext, type CliDeps, type GlobalOptions } from './deps.js';

export function mergeCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return readLimitOptions(new Command('merge'))
    .description('merge long, wide and events tables into one wide table on a regular calendar')
    .requiredOption('--source <spec>', 'URI[?format=long|wide|events&key=COL&date=COL&value=COL&agg=…&prefix=STR&fill=…] (repeatable)', collect)
    .option('--to <uri>', 'output table', '-')
    .addOption(new Option('--freq <freq>', 'calendar frequency').choices(FREQS).default('W-SUN'))
    .option('--start <date>', 'first period (yyyy-mm-dd); default: the data\'s first')
    .option('--end <date>', 'last period (yyyy-mm-dd); default: the data\'s last')
    .addOption(new Option('--fill <fill>', 'gap filling for every source (default: zero for events, ffill otherwise)').choices(FILLS))
    .option('--dry-run', 'show the BigQuery push-down SQL and bytes instead of running it')
    .action(async (o) => {
      const ctx = await ioContext(deps, globals());
      const { runMerge } = await import('../pipeline/merge-cli.js');
      await runMerge(o, ctx);
    });
}
