import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { modelOptions, readLimits, type ModelOptions } from '../shared-options.js';
import { uriOption } from '../option-parsers.js';
import type { Uri } from '../../io/uri.js';

/** `forecast train`: select and fit each target's model; write the model file (a set for several targets). */
export function trainCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return modelOptions(new Command('train').description('select and fit the forecasting model; write the model file'))
    .addOption(uriOption('--to <uri>', 'model file', 'model.json'))
    .addOption(uriOption('--metrics-to <uri>', "write every candidate's fold metrics here"))
    .action(async (o: ModelOptions & { metricsTo?: Uri }) => {
      const { runTrain } = await import('../../pipeline/model-stages.js');
      await runTrain({ ...o, limits: await readLimits(o) }, await ioContext(deps, globals()));
    });
}
