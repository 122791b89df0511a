import { inputError } from '../errors.js';
import { DEFAULT_CSV_LIMITS, type CsvLimits } from '../io/csv-core.js';
import { parseBytes } from './duration.js';

/** The size options a read takes from the command line or the config (`64MiB`, `1000000`). */
export interface CsvLimitOptions {
  readonly maxFieldSize?: string;
  readonly maxLineLength?: string;
}

/**
 * The longest field and line a read accepts, in characters: the options given, else `base`.
 * `where` names the options' origin in messages (`--max-line-length`, `pipeline.json: 'maxLineLength'`).
 */
export function csvLimits(o: CsvLimitOptions, base: CsvLimits = DEFAULT_CSV_LIMITS, where: (option: keyof CsvLimitOptions) => string = flagName): CsvLimits {
  const size = (option: keyof CsvLimitOptions, fallback: number): number => {
    const text = o[option];
    if (text === undefined) return fallback;
    const n = parseBytes(text, where(option));
    if (n < 1) throw inputError('bad_option', `${where(option)} '${text}' must be at least 1 character`);
    return n;
  };
  return { maxFieldChars: size('maxFieldSize', base.maxFieldChars), maxLineChars: size('maxLineLength', base.maxLineChars) };
}

function flagName(option: keyof CsvLimitOptions): string {
  return option === 'maxFieldSize' ? '--max-field-size' : '--max-line-length';
}
