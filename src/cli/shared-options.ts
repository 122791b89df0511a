/**
 * Options several subcommands share, each defined once with its parser (option-parsers.ts), and
 * the typed values they give.
 */
import { Command, Option } from 'commander';
import type { CsvLimits } from '../io/csv-core.js';
import { FREQS } from '../frame/freq.js';
import { METRICS } from '../model/types.js';
import type { ModelStageOptions } from '../pipeline/model-stages.js';
import type { TargetPatterns } from '../pipeline/target-patterns.js';
import type { Folder } from '../io/uri.js';
import { charLimit, date, duration, folderOption, levelsList, positiveInt, targetList, uriOption } from './option-parsers.js';

/** `--max-field-size` and `--max-line-length`, in characters. */
export interface LimitOptions {
  readonly maxFieldSize?: number;
  readonly maxLineLength?: number;
}

/** `--max-field-size` and `--max-line-length`, for every command that reads a CSV. */
export function readLimitOptions(cmd: Command): Command {
  return cmd
    .option('--max-field-size <size>', 'longest field a CSV may hold, in characters (default 1MiB)', charLimit('--max-field-size'))
    .option('--max-line-length <size>', 'longest line a CSV may hold, in characters (default 64MiB)', charLimit('--max-line-length'));
}

/** The limits a read takes: the options given, else `base`'s (the config's). */
export function limitsOf(o: LimitOptions, base: CsvLimits): CsvLimits {
  return { maxFieldChars: o.maxFieldSize ?? base.maxFieldChars, maxLineChars: o.maxLineLength ?? base.maxLineChars };
}

/** The limits a read takes: the options given, else the defaults (loaded with the CSV reader, when a command reads). */
export async function readLimits(o: LimitOptions): Promise<CsvLimits> {
  const { DEFAULT_CSV_LIMITS } = await import('../io/csv-core.js');
  return limitsOf(o, DEFAULT_CSV_LIMITS);
}

/** `--workers`: training threads, for every command that trains (default: the available cores). */
export function workersOption(cmd: Command): Command {
  return cmd.option(
    '--workers <n>',
    'threads training targets in parallel (default: the available cores; 1 trains on the main thread)',
    positiveInt('--workers', 256),
  );
}

/** What run-all, prepare and gather share: which run, where, under which deadline. */
export interface RunOptions extends LimitOptions {
  /** A path, gs:// URI or inline JSON. */
  readonly config: string;
  readonly target?: TargetPatterns;
  readonly outDir?: Folder;
  /** Milliseconds. */
  readonly deadline?: number;
  /** A day number (days since 1970-01-01): any day of the run's week. */
  readonly runDate?: number;
  readonly maxMemory?: number;
  /** false with --no-report. */
  readonly report?: boolean;
}

/** The options prepare, gather and run-all share. */
export function runOptions(cmd: Command, targetHelp: string): Command {
  return cmd
    .option('--config <file>', 'pipeline config: a path, gs:// URI or inline JSON', 'pipeline.json')
    .option('--target <cols>', `column(s) to forecast, overriding the config's${targetHelp}`, targetList)
    .addOption(folderOption('--out-dir <dir>', "output folder or gs:// prefix (default: the config's outDir)"))
    .option('--deadline <duration>', "stop cleanly before this (default: the config's, else 60s)", duration('--deadline'))
    .option('--run-date <date>', 'week of the run, yyyy-mm-dd (default: this week)', date('run date'));
}

/** What train and backtest take: the stage's options, with the CSV limits as given. */
export type ModelOptions = Omit<ModelStageOptions, 'limits'> & LimitOptions;

/** The options train and backtest share. */
export function modelOptions(cmd: Command): Command {
  return workersOption(readLimitOptions(cmd))
    .addOption(uriOption('--from <uri>', 'wide table (the output of merge)', '-'))
    .requiredOption('--target <cols>', "column(s) to forecast: names, '*' or globs such as 'gdelt_*', comma-separated", targetList)
    .option('--horizon <n>', 'periods ahead', positiveInt('--horizon', 520), 4)
    .option('--levels <list>', 'prediction interval levels', levelsList, [0.8, 0.95])
    .addOption(new Option('--metric <name>', 'metric that picks the winner').choices(METRICS).default('mae'))
    .option('--folds <n>', 'rolling-origin folds for selection', positiveInt('--folds', 100), 8)
    .addOption(new Option('--freq <freq>', 'calendar frequency (default: inferred from the dates)').choices(FREQS));
}
