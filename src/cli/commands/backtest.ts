import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { positiveInt, uriOption } from '../option-parsers.js';
import { modelOptions, readLimits, type ModelOptions } from '../shared-options.js';

/** `forecast backtest`: rolling-origin evaluation of the whole selection procedure, per target. */
export function backtestCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return modelOptions(new Command('backtest').description('rolling-origin backtest: retrain at each cutoff, forecast, compare'))
    .option('--origins <n>', 'number of cutoffs', positiveInt('--origins', 1000), 20)
    .addOption(uriOption('--to <uri>', 'backtest table', '-'))
    .action(async (o: ModelOptions & { origins: number }) => {
      const { runBacktest } = await import('../../pipeline/model-stages.js');
      await runBacktest({ ...o, limits: await readLimits(o) }, await ioContext(deps, globals()));
    });
}
