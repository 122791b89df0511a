import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from './deps.js';

/** `forecast recover --out-dir DIR`: finish or discard an interrupted publish, remove a killed run's temps. */
export function recoverCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('recover').description('complete (or discard) a publish interrupted by a crash, and remove its temps; every run does this first')
    .requiredOption('--out-dir <dir>', 'output folder or gs:// prefix')
    .option('--deadline <duration>', 'stop cleanly before this', '60s')
    .action(async (o: { outDir: string; deadline: string }) => {
      deps.stopGracefully?.();
      const { recoverCli } = await import('../pipeline/recover-cli.js');
      const r = await recoverCli(o.outDir, o.deadline, await ioContext(deps, globals()), deps.now);
      deps.stdout.write(`${JSON.stringify({ outDir: o.outDir, ...r })}\n`);
    });
}
