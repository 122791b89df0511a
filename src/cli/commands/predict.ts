import { Command, Option } from 'commander';
import { FREQS, type Freq } from '../../frame/freq.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { readLimitOptions, readLimits, type LimitOptions } from '../shared-options.js';
import { uriOption } from '../option-parsers.js';
import type { Uri } from '../../io/uri.js';

/** `forecast predict`: forecast the periods after the table's last row with a model file (or set). */
export function predictCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return readLimitOptions(new Command('predict'))
    .description("forecast the periods after the table's last row with a model file")
    .addOption(uriOption('--from <uri>', 'wide table', '-'))
    .addOption(uriOption('--model <uri>', 'model file written by train').makeOptionMandatory())
    .addOption(uriOption('--to <uri>', 'forecast table', '-'))
    .addOption(new Option('--freq <freq>', "calendar frequency (default: the model's)").choices(FREQS))
    .action(async (o: LimitOptions & { from: Uri; model: Uri; to: Uri; freq?: Freq }) => {
      const { runPredict } = await import('../../pipeline/model-stages.js');
      await runPredict({ ...o, limits: await readLimits(o) }, await ioContext(deps, globals()));
    });
}
