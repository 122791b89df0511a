import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { inputError } from '../../errors.js';
import { fsError } from '../../io/fs-error.js';
import { ioContext, type CliDeps, type GlobalOptions } from '../deps.js';
import { param, size, uriOption } from '../option-parsers.js';
import type { Uri } from '../../io/uri.js';

interface ExtractFlags {
  readonly from: Uri;
  readonly to: Uri;
  readonly query?: string;
  readonly queryFile?: string;
  readonly param?: Record<string, unknown>;
  readonly location?: string;
  readonly maxBytesBilled?: number;
  readonly dryRun?: boolean;
  readonly extractVia?: string;
}

/** `forecast extract`: copy a table (file, gs://, bq:// table or query) to a CSV destination. */
export function extractCommand(deps: CliDeps, globals: () => GlobalOptions): Command {
  return new Command('extract')
    .description('copy a table between local files, stdin/stdout, gs:// and bq:// (tables or queries)')
    .addOption(uriOption('--from <uri>', 'source table', '-'))
    .addOption(uriOption('--to <uri>', 'destination', '-'))
    .option('--query <sql>', 'BigQuery Standard SQL to run instead of reading --from')
    .option('--query-file <path>', 'read the SQL from a file')
    .option('--param <name=value>', 'named query parameter @name (repeatable)', param)
    .option('--location <loc>', 'BigQuery location of the data (EU, US, …)')
    .option('--max-bytes-billed <n>', 'fail a query that would bill more bytes than this', size('--max-bytes-billed'))
    .option('--extract-via <gs-prefix>', 'export large BigQuery tables through this gs:// prefix and stream them back')
    .option('--dry-run', 'report the bytes a query would process, and stop')
    .action(async (o: ExtractFlags) => {
      const query = await queryOf(o);
      const { runExtract } = await import('../../pipeline/copy-stages.js');
      await runExtract({ ...o, query }, await ioContext(deps, globals()));
    });
}

/** The SQL of `--query`, or read from `--query-file`. */
async function queryOf(o: ExtractFlags): Promise<string | undefined> {
  if (o.query !== undefined && o.queryFile !== undefined) throw inputError('bad_option', 'give --query or --query-file, not both');
  if (o.queryFile === undefined) return o.query;
  try {
    return await readFile(o.queryFile, 'utf8');
  } catch (e) {
    throw fsError(e, `--query-file ${o.queryFile}`);
  }
}
