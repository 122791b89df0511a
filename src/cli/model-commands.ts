import { Command, Option } from 'commander';
import { FREQS } from '../frame/freq.js';
import { METRICS } from '../model/types.js';
import { ioContext, type CliDeps, type GlobalOptions } from './deps.js';
import { levelsList, positiveInt, readLimitOptions, workersOption } from './options.js';

/** Options shared by train and backtest. */
function modelOptions(cmd: Command): Command {
  return workersOption(readLimitOptions(cmd))
    .option('--from <uri>', 'wide table (the output of merge)', '-')
    .requiredOption('--target <cols>', 'column(s) to forecast: names, \'*\' or globs such as \'gdelt_*\', comma-separated')
    .option('--horizon <n>', 'periods ahead', positiveInt('--horizon', 520), 4)
    .option('--levels <list>', 'prediction interval levels', levelsList, [0.8, 0.95])
    .addOption(new Option('--metric <name>', 'metric that picks the winner').choices(METRICS).default('mae'))
    .option('--folds <n>', 'rolling-origin folds for selection', positiveInt('--folds', 100), 8)
    .addOption(new Option('--freq <freq>', 'calendar frequency (default: inferred from the dates)').choices(FREQS));
}

export function trainCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return modelOptions(new Command('train').description('select and fit the forecasting model; write the model file'))
    .option('--to <uri>', 'model file', 'model.json')
    .option('--metrics-to <uri>', 'write every candidate\'s fold metrics here')
    .action(async (o) => {
      const { runTrain } = await import('../pipeline/model-stages.js');
      await runTrain(o, await ioContext(deps, globals()));
    });
}

export function predictCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return readLimitOptions(new Command('predict')).description('forecast the periods after the table\'s last row with a model file')
    .option('--from <uri>', 'wide table', '-')
    .requiredOption('--model <uri>', 'model file written by train')
    .option('--to <uri>', 'forecast table', '-')
    .addOption(new Option('--freq <freq>', 'calendar frequency (default: the model\'s)').choices(FREQS))
    .action(async (o) => {
      const { runPredict } = await import('../pipeline/model-stages.js');
      await runPredict(o, await ioContext(deps, globals()));
    });
}

export function backtestCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return modelOptions(new Command('backtest').description('rolling-origin backtest: retrain at each cutoff, forecast, compare'))
    .option('--origins <n>', 'number of cutoffs', positiveInt('--origins', 1000), 20)
    .option('--to <uri>', 'backtest table', '-')
    .action(async (o) => {
      const { runBacktest } = await import('../pipeline/model-stages.js');
      await runBacktest(o, await ioContext(deps, globals()));
    });
}
