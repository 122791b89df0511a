import { inputError } from '../errors.js';
import { isFill, type Fill } from '../frame/align.js';
import { isFreq, type Freq } from '../frame/freq.js';
import { dateRangeProblem, parseDate } from '../frame/dates.js';
import { CANDIDATES, isCandidateName, isMetricName, type EngineOptions } from '../model/types.js';
import { parseBytes, parseDuration } from '../units.js';
import { configSource, type SourceSpec } from '../io/source/source-spec.js';
import { parseFolder, parseUri, type Folder } from '../io/uri.js';
import type { CsvLimits } from '../io/csv-core.js';
import { csvLimits } from './csv-limits.js';
import type { TargetPatterns } from './target-patterns.js';

/** Where run-all publishes each table besides the out dir (any URI: path, gs://, bq://). */
export interface PublishTargets {
  readonly predictions?: string;
  readonly weeklyScore?: string;
  readonly featureRanking?: string;
  readonly removedFeatures?: string;
  readonly backtest?: string;
}

/** The validated pipeline config (the JSON file `run-all --config` reads). */
export interface PipelineConfig extends Omit<EngineOptions, 'budget' | 'target'> {
  /** The columns to forecast: names, `*` or globs (target-patterns.ts), resolved against the merged table. */
  readonly targets: TargetPatterns;
  readonly sources: readonly SourceSpec[];
  readonly freq: Freq;
  readonly start?: string;
  readonly end?: string;
  readonly fill?: Fill;
  /** Where run-all writes its files: a local folder or a gs:// prefix. */
  readonly outDir: Folder;
  readonly publish: PublishTargets;
  readonly report: boolean;
  readonly deadlineMs: number;
  readonly maxMemoryBytes: number;
  /** The longest field and line a source may hold. */
  readonly limits: CsvLimits;
}

const TOP_KEYS = [
  '$schema',
  'description',
  'sources',
  'freq',
  'start',
  'end',
  'fill',
  'target',
  'horizon',
  'levels',
  'metric',
  'folds',
  'candidates',
  'outDir',
  'publish',
  'report',
  'deadline',
  'maxMemory',
  'maxFieldSize',
  'maxLineLength',
];
const PUBLISH_KEYS = ['predictions', 'weeklyScore', 'featureRanking', 'removedFeatures', 'backtest'];

/**
 * Parse and validate a config. Every message names the file and the field (`sources[1].agg`).
 * Relative source paths are resolved against `baseDir` (the config file's folder); `outDir` and
 * `publish` paths stay relative to the working directory.
 */
export function loadConfig(text: string, source: string, baseDir?: string): PipelineConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError('bad_config', `${source}: not valid JSON (${(e as Error).message})`);
  }
  const bad = (field: string, why: string) => inputError('bad_config', `${source}: '${field}' ${why}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw inputError('bad_config', `${source}: expected a JSON object`);
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!TOP_KEYS.includes(k)) throw bad(k, `is not a config field; fields are: ${TOP_KEYS.slice(2).join(', ')}`);
  if (!Array.isArray(o.sources) || o.sources.length === 0) throw bad('sources', 'must be a non-empty array of sources');
  const sources = o.sources.map((s, i) => configSource(s, i, source, baseDir));
  const str = (k: string, def?: string): string | undefined => {
    const v = o[k];
    if (v === undefined) return def;
    if (typeof v !== 'string' || v === '') throw bad(k, 'must be a non-empty string');
    return v;
  };
  const int = (k: string, def: number, min: number, max: number): number => {
    const v = o[k] ?? def;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw bad(k, `must be a whole number from ${min} to ${max}`);
    return v;
  };
  const freq = str('freq', 'W-SUN')!;
  if (!isFreq(freq)) throw bad('freq', `'${freq}' is not one of W-SUN, D, MS`);
  const fill = str('fill');
  if (fill !== undefined && !isFill(fill)) throw bad('fill', `'${fill}' is not one of zero, ffill, none`);
  const metric = str('metric', 'mae')!;
  if (!isMetricName(metric)) throw bad('metric', `'${metric}' is not a metric name`);
  const targets = targetField(o.target, bad);
  for (const k of ['start', 'end'] as const) {
    const v = str(k);
    if (v !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(parseDate(v)))) throw bad(k, `'${v}' must be a date yyyy-mm-dd`);
    const problem = v === undefined ? undefined : dateRangeProblem(parseDate(v), freq);
    if (problem !== undefined) throw bad(k, `'${v}' ${problem}`);
  }
  if (typeof o.start === 'string' && typeof o.end === 'string' && o.start > o.end) throw bad('start', `${o.start} is after 'end' ${o.end}`);
  const levels = o.levels ?? [0.8, 0.95];
  if (!Array.isArray(levels) || levels.length === 0 || !levels.every((l) => typeof l === 'number' && l > 0 && l < 1)) {
    throw bad('levels', 'must be a non-empty array of interval levels between 0 and 1, e.g. [0.8, 0.95]');
  }
  const candidates = o.candidates;
  if (candidates !== undefined && (!Array.isArray(candidates) || candidates.length === 0 || !candidates.every((c) => typeof c === 'string'))) {
    throw bad('candidates', `must be a non-empty array of candidate model names: ${CANDIDATES.join(', ')}`);
  }
  const unknown = (candidates as string[] | undefined)?.find((c) => !isCandidateName(c));
  if (unknown !== undefined) throw bad('candidates', `'${unknown}' is not a candidate model; candidates are: ${CANDIDATES.join(', ')}`);
  const publish = o.publish ?? {};
  if (typeof publish !== 'object' || publish === null || Array.isArray(publish)) throw bad('publish', 'must be an object of table → URI');
  for (const [k, v] of Object.entries(publish)) {
    if (!PUBLISH_KEYS.includes(k)) throw bad(`publish.${k}`, `is not a publishable table; tables are: ${PUBLISH_KEYS.join(', ')}`);
    if (typeof v !== 'string' || v === '') throw bad(`publish.${k}`, 'must be a URI');
    parseUri(v, `${source}: publish.${k}`);
  }
  if (o.report !== undefined && typeof o.report !== 'boolean') throw bad('report', 'must be true or false');
  return {
    sources,
    freq,
    start: str('start'),
    end: str('end'),
    fill: fill as Fill | undefined,
    targets,
    horizon: int('horizon', 4, 1, 520),
    levels: levels as number[],
    metric,
    folds: int('folds', 8, 1, 100),
    candidates: candidates as string[] | undefined,
    outDir: parseFolder(str('outDir', 'out')!, `${source}: 'outDir'`),
    publish: publish as PublishTargets,
    report: o.report === undefined ? true : (o.report as boolean),
    deadlineMs: parseDuration(str('deadline', '60s')!, `${source}: 'deadline'`),
    maxMemoryBytes: parseBytes(str('maxMemory', '3.5GiB')!, `${source}: 'maxMemory'`),
    limits: csvLimits({ maxFieldSize: str('maxFieldSize'), maxLineLength: str('maxLineLength') }, undefined, (k) => `${source}: '${k}'`),
  };
}

/**
 * `target`: a column name, `"*"`, a glob, or an array of them (a comma inside a string is part
 * of the name here: only the CLI's `--target` splits on commas).
 */
function targetField(v: unknown, bad: (field: string, why: string) => Error): string[] {
  const why = 'must be a column name, "*", a glob such as "gdelt_*", or an array of them';
  if (v === undefined) throw bad('target', 'is required: the column(s) to forecast');
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) throw bad('target', why);
  return list.map((t, i) => {
    if (typeof t !== 'string' || t.trim() === '') throw bad(Array.isArray(v) ? `target[${i}]` : 'target', why);
    return t;
  });
}
