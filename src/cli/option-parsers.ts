/**
 * Commander argument parsers (`.argParser()`): every option becomes a typed value at the edge
 * (milliseconds, bytes, day numbers, lists, whole numbers, a shard), so handlers and stages never
 * parse text. A bad value is the same typed error the stages used to raise (`input.bad_option`,
 * `input.bad_target`, …), naming the option and the value; the parsing itself is the pipeline's
 * (durations, sizes, dates, target lists, shards), never a second copy.
 */
import { InvalidArgumentError, Option } from 'commander';
import { limitSize, parseBytes, parseDuration } from '../units.js';
import { dateOption } from '../pipeline/period-option.js';
import { parseShard, type ShardSpec } from '../pipeline/shard-spec.js';
import { splitTargetList, type TargetPatterns } from '../pipeline/target-patterns.js';
import { parseSourceSpec, type SourceSpec } from '../io/source/source-spec.js';
import { parseFolder, parseUri } from '../io/uri.js';

type Parser<T> = (text: string) => T;

/** `60s`, `500ms`, `2m` → milliseconds. */
export const duration =
  (what: string): Parser<number> =>
  (v) =>
    parseDuration(v, what);

/** `3.5GiB`, `512MiB`, `1000000` → bytes. */
export const size =
  (what: string): Parser<number> =>
  (v) =>
    parseBytes(v, what);

/** `--max-field-size`, `--max-line-length`: a size in characters, at least 1. */
export const charLimit =
  (what: string): Parser<number> =>
  (v) =>
    limitSize(v, what);

/**
 * A table or file option (`--from`, `--to`, `--model`): a path, `-`, `gs://…` or `bq://…`, parsed
 * when the command line is read; its default (shown as written in --help) parsed too.
 */
export function uriOption(flags: string, description: string, fallback?: string): Option {
  return parsedOption(flags, description, parseUri, fallback);
}

/**
 * An output folder option (`--out-dir`, report's `--from` and `--to`): a local folder or a gs://
 * prefix, parsed once when the command line is read (parseFolder); its default parsed too.
 */
export function folderOption(flags: string, description: string, fallback?: string): Option {
  return parsedOption(flags, description, parseFolder, fallback);
}

function parsedOption<T>(flags: string, description: string, parse: (text: string, what: string) => T, fallback: string | undefined): Option {
  const what = flags.split(' ')[0];
  const option = new Option(flags, description).argParser((v) => parse(v, what));
  return fallback === undefined ? option : option.default(parse(fallback, what), fallback);
}

/** `yyyy-mm-dd` (any form the date parser reads) → its day number; the period is the stage's, once the frequency is known. */
export const date =
  (what: string): Parser<number> =>
  (v) =>
    dateOption(v, what);

/** `--target a,b,kw_*` → the patterns, empty names refused. */
export const targetList: Parser<TargetPatterns> = (v) => splitTargetList(v);

/** `--shard 3/8` → shard 3 of 8. */
export const shard: Parser<ShardSpec> = (v) => parseShard(v);

/** `a, b` → ['a', 'b']: comma-separated names, trimmed, empty ones dropped. */
export const nameList: Parser<string[]> = (v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A whole number from 1 to `max`. */
export function positiveInt(what: string, max = 1_000_000): Parser<number> {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < 1 || n > max) throw new InvalidArgumentError(`${what} must be a whole number from 1 to ${max}, got '${v}'`);
    return n;
  };
}

/** `80,95` or `0.8,0.95` → interval levels in (0, 1). */
export function levelsList(v: string): number[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .map((p) => {
      const n = Number(p);
      const l = n > 1 && n < 100 ? n / 100 : n;
      if (!Number.isFinite(l) || l <= 0 || l >= 1) throw new InvalidArgumentError(`level '${p}' must be in (0,1) or a percentage, e.g. 80,95`);
      return l;
    });
}

/** `--source URI?options` (repeatable) → the validated source specs, in order. */
export function sources(v: string, prev: readonly SourceSpec[] = []): SourceSpec[] {
  return [...prev, parseSourceSpec(v)];
}

/** `--param name=value` (repeatable) → named query parameters; numbers stay numbers. */
export function param(v: string, prev: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = v.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`--param '${v}' must be NAME=VALUE`);
  const name = v.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new InvalidArgumentError(`--param name '${name}' must be letters, digits and underscores`);
  const raw = v.slice(eq + 1);
  return { ...prev, [name]: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw };
}
