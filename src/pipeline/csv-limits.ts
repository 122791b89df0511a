import { DEFAULT_CSV_LIMITS, type CsvLimits } from '../io/csv-core.js';
import { limitSize } from '../units.js';

/** The size options a read takes from the config (`64MiB`, `1000000`). */
export interface CsvLimitOptions {
  readonly maxFieldSize?: string;
  readonly maxLineLength?: string;
}

/**
 * The longest field and line a read accepts, in characters: the options given, else `base`.
 * `where` names the options' origin in messages (`pipeline.json: 'maxLineLength'`).
 */
export function csvLimits(o: CsvLimitOptions, base: CsvLimits = DEFAULT_CSV_LIMITS, where: (option: keyof CsvLimitOptions) => string): CsvLimits {
  const size = (option: keyof CsvLimitOptions, fallback: number): number => {
    const text = o[option];
    return text === undefined ? fallback : limitSize(text, where(option));
  };
  return { maxFieldChars: size('maxFieldSize', base.maxFieldChars), maxLineChars: size('maxLineLength', base.maxLineChars) };
}
