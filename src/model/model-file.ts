/**
 * The model file, validated where it is loaded: `predict` trusts nothing in it. Every field is
 * checked against what `train` writes (types.ts ModelFile): the format and version, the target,
 * a horizon of 1…520 periods, the frequency, interval levels in (0, 1), a known winner, and
 * parameters of the right shape for their kind (per-horizon coefficient rows, one value per
 * feature, intervals per horizon and level). Each message names the file and the field path.
 *
 * Specification kinds are checked by SPEC_CHECKS, a table from `kind` to a checker: a new
 * kind of model adds one entry (and its feature kinds one entry in FEATURE_CHECKS).
 */
import { inputError } from '../errors.js';
import { MAX_DAY, MIN_DAY } from '../frame/dates.js';
import { FREQS } from '../frame/freq.js';
import { MODEL_VERSION } from './engine.js';
import { specInputs, type ModelSpec } from './spec.js';
import { CANDIDATES, isCandidateName, type ModelFile } from './types.js';

/** The longest horizon a model may have (as `--horizon` and the config allow). */
export const MAX_HORIZON = 520;
/** The longest seasonal period or window a specification may use. */
const MAX_PERIOD = 1000;

type Json = Record<string, unknown>;

/** Reads the fields of one object at a path (`params.parts[2]`), throwing `input.bad_model` naming both. */
export class FieldReader {
  constructor(
    readonly source: string,
    readonly horizon: number,
  ) {}

  fail(at: string, why: string): never {
    throw inputError('bad_model', `${this.source}: '${at}' ${why}`);
  }

  object(v: unknown, at: string): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(at, `must be an object, got ${shown(v)}`);
    return v as Json;
  }

  array(v: unknown, at: string, length?: number): unknown[] {
    if (!Array.isArray(v)) this.fail(at, `must be an array, got ${shown(v)}`);
    if (length !== undefined && v.length !== length) this.fail(at, `must hold ${length} values, got ${v.length}`);
    return v;
  }

  /** A finite number in [lo, hi]; `null` allowed when `nullable` (JSON writes NaN and ±Infinity as null). */
  number(v: unknown, at: string, lo = -Infinity, hi = Infinity, nullable = false): number {
    if (v === null && nullable) return NaN;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
      this.fail(at, `must be a number${Number.isFinite(lo) || Number.isFinite(hi) ? ` from ${lo} to ${hi}` : ''}, got ${shown(v)}`);
    }
    return v;
  }

  /** A finite number above 0 and at most `hi`. */
  positive(v: unknown, at: string, hi = Infinity): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > hi) {
      this.fail(at, `must be a number above 0${Number.isFinite(hi) ? ` and at most ${hi}` : ''}, got ${shown(v)}`);
    }
    return v;
  }

  int(v: unknown, at: string, lo: number, hi: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) this.fail(at, `must be a whole number from ${lo} to ${hi}, got ${shown(v)}`);
    return v;
  }

  string(v: unknown, at: string): string {
    if (typeof v !== 'string' || v === '') this.fail(at, `must be a non-empty string, got ${shown(v)}`);
    return v;
  }

  oneOf<T extends string>(v: unknown, at: string, allowed: readonly T[]): T {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) this.fail(at, `must be one of ${allowed.join(', ')}, got ${shown(v)}`);
    return v as T;
  }

  /** An array of `length` numbers (each nullable when asked). */
  numbers(v: unknown, at: string, length: number, nullable = false): void {
    this.array(v, at, length).forEach((x, i) => this.number(x, `${at}[${i}]`, -Infinity, Infinity, nullable));
  }

  /** A model specification, by its kind's checker. */
  spec(v: unknown, at: string): void {
    const o = this.object(v, at);
    const check = SPEC_CHECKS[o.kind as string];
    if (check === undefined) this.fail(`${at}.kind`, `must be one of ${Object.keys(SPEC_CHECKS).join(', ')}, got ${shown(o.kind)}`);
    check(o, at, this);
  }
}

/** A checker of one specification kind: its fields at path `at`. */
export type SpecCheck = (o: Json, at: string, r: FieldReader) => void;

const period = (o: Json, at: string, r: FieldReader) => r.int(o.period, `${at}.period`, 0, MAX_PERIOD);

/** An ETS fit (stats/ets/ets-spec.ts): its form code, parameters inside R's bounds and its initial states. */
function checkEts(o: Json, at: string, r: FieldReader): void {
  const form = r.string(o.form, `${at}.form`);
  if (!/^[AM][NAM]d?[NAM]$/.test(form) || /^.Nd/.test(form)) r.fail(`${at}.form`, `must be an ETS form such as ANN, AAdN or MAM, got ${shown(form)}`);
  const m = r.int(o.m, `${at}.m`, 1, MAX_PERIOD);
  for (const k of ['alpha', 'beta', 'gamma']) r.number(o[k], `${at}.${k}`, 0, 1);
  r.number(o.phi, `${at}.phi`, 0, 1);
  r.number(o.sigma2, `${at}.sigma2`, 0);
  const states = 1 + (form[1] === 'N' ? 0 : 1) + (form.endsWith('N') ? 0 : m);
  r.numbers(o.init, `${at}.init`, states);
}

/** An ARIMA fit (stats/arima/arima-spec.ts): orders, coefficients and the regressor recipe. */
function checkArima(o: Json, at: string, r: FieldReader): void {
  const arma = r.array(o.arma, `${at}.arma`, 7).map((x, i) => r.int(x, `${at}.arma[${i}]`, 0, MAX_PERIOD));
  const [p, q, P, Q] = arma;
  const nxreg = r.int(o.nxreg, `${at}.nxreg`, 0, MAX_PERIOD);
  const extra = (o.hasIntercept === true ? 1 : 0) + (o.hasDrift === true ? 1 : 0);
  r.numbers(o.coef, `${at}.coef`, p + q + P + Q + extra + nxreg);
  r.number(o.sigma2, `${at}.sigma2`, 0);
  r.numbers(o.phi, `${at}.phi`, r.array(o.phi, `${at}.phi`).length);
  r.numbers(o.theta, `${at}.theta`, r.array(o.theta, `${at}.theta`).length);
  let columns = 0;
  if (o.fourier !== undefined) {
    const f = r.object(o.fourier, `${at}.fourier`);
    const per = r.positive(f.period, `${at}.fourier.period`, MAX_PERIOD);
    const K = r.int(f.K, `${at}.fourier.K`, 1, Math.floor(per / 2));
    columns += 2 * K - (2 * K === per ? 1 : 0);
  }
  if (o.lagged !== undefined) {
    const l = r.object(o.lagged, `${at}.lagged`);
    r.int(l.lag, `${at}.lagged.lag`, r.horizon, MAX_PERIOD);
    columns += r.array(l.columns, `${at}.lagged.columns`).map((c, i) => r.string(c, `${at}.lagged.columns[${i}]`)).length;
  }
  if (columns !== nxreg) r.fail(`${at}.nxreg`, `must equal the ${columns} regressor columns of the recipe, got ${nxreg}`);
}

/** One checker per ModelSpec kind (spec.ts). */
export const SPEC_CHECKS: Readonly<Record<string, SpecCheck>> = {
  naive: () => {},
  snaive: (o, at, r) => r.int(o.period, `${at}.period`, 1, MAX_PERIOD),
  ets: checkEts,
  theta: period,
  stlf: (o, at, r) => {
    r.int(o.period, `${at}.period`, 2, MAX_PERIOD);
    checkEts(r.object(o.ets, `${at}.ets`), `${at}.ets`, r);
  },
  arima: checkArima,
  scaled: (o, at, r) => {
    r.positive(o.factor, `${at}.factor`);
    r.spec(o.inner, `${at}.inner`);
  },
  boxcox: (o, at, r) => {
    r.number(o.lambda, `${at}.lambda`, -1, 2);
    r.spec(o.inner, `${at}.inner`);
  },
  wmean: (o, at, r) => r.int(o.window, `${at}.window`, 1, MAX_PERIOD),
  linear: (o, at, r) => {
    r.oneOf(o.base, `${at}.base`, ['last', 'zero']);
    const features = r.array(o.features, `${at}.features`);
    features.forEach((f, i) => checkFeature(f, `${at}.features[${i}]`, r));
    const p = features.length;
    r.numbers(o.mean, `${at}.mean`, p);
    r.array(o.sd, `${at}.sd`, p).forEach((x, i) => r.positive(x, `${at}.sd[${i}]`));
    for (const k of ['lo', 'hi']) if (o[k] !== undefined) r.numbers(o[k], `${at}.${k}`, p, true);
    r.array(o.coef, `${at}.coef`, r.horizon).forEach((row, h) => r.numbers(row, `${at}.coef[${h}]`, p));
    r.numbers(o.intercept, `${at}.intercept`, r.horizon);
  },
  combo: (o, at, r) => {
    r.oneOf(o.how, `${at}.how`, ['mean', 'median']);
    const parts = r.array(o.parts, `${at}.parts`);
    if (parts.length === 0) r.fail(`${at}.parts`, 'must hold at least one specification');
    parts.forEach((s, i) => r.spec(s, `${at}.parts[${i}]`));
  },
};

/** One checker per feature kind (regression/features.ts FeatureDef). */
export const FEATURE_CHECKS: Readonly<Record<string, SpecCheck>> = {
  ylevel: () => {},
  ydiff: (o, at, r) => r.int(o.lag, `${at}.lag`, 1, MAX_PERIOD),
  ydev: (o, at, r) => r.int(o.window, `${at}.window`, 1, MAX_PERIOD),
  fourier: (o, at, r) => {
    r.int(o.k, `${at}.k`, 1, MAX_PERIOD);
    r.oneOf(o.fn, `${at}.fn`, ['sin', 'cos']);
  },
  xlevel: (o, at, r) => r.string(o.column, `${at}.column`),
  xdiff: (o, at, r) => {
    r.string(o.column, `${at}.column`);
    r.int(o.lag, `${at}.lag`, 1, MAX_PERIOD);
  },
};

function checkFeature(v: unknown, at: string, r: FieldReader): void {
  const o = r.object(v, at);
  const check = FEATURE_CHECKS[o.kind as string];
  if (check === undefined) r.fail(`${at}.kind`, `must be one of ${Object.keys(FEATURE_CHECKS).join(', ')}, got ${shown(o.kind)}`);
  check(o, at, r);
}

/**
 * A parsed model file (`JSON.parse` of its text) as a ModelFile, or `input.bad_model` naming
 * `source` and the first bad field. O(size of the file).
 */
export function parseModelFile(json: unknown, source: string): ModelFile {
  const top = new FieldReader(source, 0);
  const m = top.object(json, 'model');
  if (m.format !== 'forecast-model') throw inputError('bad_model', `${source}: not a forecast model file (no "format": "forecast-model")`);
  if (m.version !== MODEL_VERSION)
    top.fail('version', `${shown(m.version)} is not supported: this forecast reads version ${MODEL_VERSION}; train the model again`);
  top.string(m.target, 'target');
  const horizon = top.int(m.horizon, 'horizon', 1, MAX_HORIZON);
  const r = new FieldReader(source, horizon);
  r.oneOf(m.freq, 'freq', FREQS);
  const levels = r.array(m.levels, 'levels');
  if (levels.length === 0) r.fail('levels', 'must hold at least one interval level');
  levels.forEach((l, i) => {
    if (typeof l !== 'number' || !(l > 0 && l < 1)) r.fail(`levels[${i}]`, `must be an interval level between 0 and 1 (exclusive), got ${shown(l)}`);
  });
  if (!isCandidateName(String(m.winner))) r.fail('winner', `must be a model name (${CANDIDATES.join(', ')}), got ${shown(m.winner)}`);
  const inputs = r.array(m.inputs, 'inputs').map((c, i) => r.string(c, `inputs[${i}]`));
  r.spec(m.params, 'params');
  const missing = specInputs(m.params as ModelSpec).find((c) => !inputs.includes(c));
  if (missing !== undefined) r.fail('inputs', `must list every column the parameters read; '${missing}' is missing`);
  const intervals = r.object(m.intervals, 'intervals');
  const kind = r.oneOf(intervals.kind, 'intervals.kind', ['normalised', 'model']);
  if (kind === 'model') r.numbers(intervals.quantiles, 'intervals.quantiles', levels.length, true);
  else r.array(intervals.quantiles, 'intervals.quantiles', horizon).forEach((q, h) => r.numbers(q, `intervals.quantiles[${h}]`, levels.length, true));
  if (intervals.floor !== null) r.number(intervals.floor, 'intervals.floor');
  r.int(m.trainedThrough, 'trainedThrough', MIN_DAY, MAX_DAY);
  return m as unknown as ModelFile;
}

/** A value as it reads in a message: short JSON. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
