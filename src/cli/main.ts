import { Command, CommanderError, Option } from 'commander';
import { boundMessage } from '../bound-message.js';
import { EXIT, isForecastError, type ExitCode } from '../errors.js';
import { redactSecrets } from '../redact-secrets.js';
import type { CliDeps, GlobalOptions } from './deps.js';
import { examplesText } from './examples.js';
import { backtestCommand } from './commands/backtest.js';
import { extractCommand } from './commands/extract.js';
import { gatherCommand } from './commands/gather.js';
import { mergeCommand } from './commands/merge.js';
import { predictCommand } from './commands/predict.js';
import { prepareCommand } from './commands/prepare.js';
import { publishCommand } from './commands/publish.js';
import { recoverCommand } from './commands/recover.js';
import { reportCommand } from './commands/report.js';
import { runAllCommand } from './commands/run-all.js';
import { trainCommand } from './commands/train.js';

export function buildProgram(deps: CliDeps): Command {
  const program = new Command('forecast')
    .description('Weekly ETL and forecasting: merge Google Trends / GDELT tables, forecast one column, publish to Cloud Storage and BigQuery')
    .version('0.1.0')
    .option('-v, --verbose', 'debug logs and stack traces on errors')
    .addOption(new Option('--log-level <level>', 'log level').choices(['trace', 'debug', 'info', 'warn', 'error', 'silent']))
    .addOption(new Option('--log-format <format>', 'json (Cloud Logging) or pretty (default on a terminal)').choices(['json', 'pretty']))
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
      outputError: () => {},
    })
    .exitOverride()
    .showSuggestionAfterError()
    .addHelpText('after', examplesText('forecast'));
  const globals = () => program.opts<GlobalOptions>();
  for (const make of [
    extractCommand,
    mergeCommand,
    trainCommand,
    predictCommand,
    backtestCommand,
    publishCommand,
    runAllCommand,
    prepareCommand,
    gatherCommand,
    reportCommand,
    recoverCommand,
  ]) {
    const cmd = make(deps, globals);
    cmd
      .exitOverride()
      .configureOutput({ writeOut: (s) => deps.stdout.write(s), writeErr: (s) => deps.stderr.write(s), outputError: () => {} })
      .addHelpText('after', examplesText(cmd.name()));
    program.addCommand(cmd);
  }
  return program;
}

/**
 * Run the CLI and return the exit code. The one place where errors become exit codes and
 * one-line messages: 0 ok, 1 internal bug, 2 bad input or usage, 3 cloud service still failing,
 * 4 deadline or memory limit, 130/143 stopped by SIGINT/SIGTERM, 141 stdout closed by its reader. Stack traces only with --verbose. Every message goes through
 * `boundMessage`: one line, at most about 300 characters, secrets in URIs redacted.
 */
export async function main(deps: CliDeps): Promise<ExitCode> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync(deps.argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    const verbose = Boolean(program.opts<GlobalOptions>().verbose);
    if (e instanceof CommanderError) {
      // --help and --version succeed; help shown because no subcommand was given is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      if (e.code === 'commander.help') return EXIT.input;
      deps.stderr.write(`forecast: [input.bad_option] ${boundMessage(e.message.replace(/^error: /, ''))}\n`);
      return EXIT.input;
    }
    // The reader of stdout stopped reading (`| head`): like any Unix tool, stop quietly.
    if (isForecastError(e) && e.code === 'signal.sigpipe') return e.exitCode;
    if (isForecastError(e)) {
      deps.stderr.write(`forecast: [${e.code}] ${boundMessage(e.message)}\n`);
      if (verbose && e.stack) deps.stderr.write(`${redactSecrets(e.stack)}\n`);
      return e.exitCode;
    }
    deps.stderr.write(
      `forecast: [internal] internal error: ${boundMessage(e instanceof Error ? e.message : String(e))} (please report this; run with --verbose for the stack)\n`,
    );
    if (verbose && e instanceof Error && e.stack) deps.stderr.write(`${redactSecrets(e.stack)}\n`);
    return EXIT.internal;
  }
}
