import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { modelOptions, readLimits, type ModelOptions } from '../shared-options.js';

/** `forecast train`: select and fit each target's model; write the model file (a set for several targets). */
export function trainCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return modelOptions(new Command('train').description('select and fit the forecasting model; write the model file'))
    .option('--to <uri>', 'model file', 'model.json')
    .option('--metrics-to <uri>', "write every candidate's fold metrics here")
    .action(async (o: ModelOptions & { metricsTo?: string }) => {
      const { runTrain } = await import('../../pipeline/model-stages.js');
      await runTrain({ ...o, limits: await readLimits(o) }, await ioContext(deps, globals()));
    });
}
