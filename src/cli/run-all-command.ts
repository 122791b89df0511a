import { Command } from 'commander';
import { ioContext, type CliDeps, type GlobalOptions } from './deps.js';
import { readLimitOptions, workersOption } from './options.js';

export function runAllCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return workersOption(readLimitOptions(new Command('run-all'))).description('sources → merge → train → predict → publish under one deadline (the Cloud Function run)')
    .option('--config <file>', 'pipeline config: a path, gs:// URI or inline JSON', 'pipeline.json')
    .option('--target <cols>', 'column(s) to forecast, overriding the config\'s: names, \'*\' or globs, comma-separated')
    .option('--out-dir <dir>', 'output folder or gs:// prefix (default: the config\'s outDir)')
    .option('--deadline <duration>', 'stop cleanly before this (default: the config\'s, else 60s)')
    .option('--max-memory <size>', 'fail cleanly past this resident memory (default 3.5GiB)')
    .option('--run-date <date>', 'week of the run, yyyy-mm-dd (default: this week)')
    .option('--no-report', 'skip the charts and report.html')
    .action(async (o) => {
      // runAll bounds every I/O call by the run's own deadline (the config's unless --deadline),
      // and stops at a safe point on SIGINT/SIGTERM.
      deps.stopGracefully?.();
      const ctx = await ioContext(deps, globals());
      const { runAllCli } = await import('../pipeline/run-all-cli.js');
      const { createProgress } = await import('../io/progress.js');
      const tty = Boolean(deps.stderr.isTTY) && globals().logFormat !== 'json';
      const s = await runAllCli(o, ctx, deps.now, createProgress(deps.stderr, tty));
      deps.stdout.write(`${JSON.stringify({ runDate: s.runDate, winner: s.winner, mae: s.mae, targets: s.targets, fellBack: s.fellBack, deadlineHit: s.deadlineHit, elapsedMs: s.elapsedMs, outputs: s.outputs })}\n`);
    });
}

export function reportCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('report').description('rebuild report.html and the chart PNGs from a run\'s outputs')
    .option('--from <dir>', 'output folder or gs:// prefix holding report-data.json', 'out')
    .option('--to <dir>', 'where to write report.html and the PNGs (default: --from)')
    .action(async (o) => {
      const { rebuildReport } = await import('../pipeline/rebuild-report.js');
      await rebuildReport(o.from, o.to ?? o.from, await ioContext(deps, globals()));
    });
}
