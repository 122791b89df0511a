/**
 * The forecasting engine: `train` (rolling-origin model selection over up to 30 folds, with a
 * robust combination as the default winner — selection.ts — and conformal intervals),
 * `predict` (forecasts for the H periods after the last observed target) and `backtest`
 * (rolling-origin evaluation of the whole training procedure). Pure and deterministic.
 */
import { inputError } from '../errors.js';
import { head, type Frame } from '../frame/frame.js';
import { seasonalPeriod } from '../frame/freq.js';
import type { BacktestResult, BacktestRow, EngineOptions, ForecastRow, ModelFile, TrainResult } from './types.js';
import { addPeriods } from '../frame/dates.js';
import { minTrainRows, selectionCutoffs } from './selection/folds.js';
import { featureDefs } from './regression/features.js';
import { selectModel } from './selection/selection.js';
import { seriesData, targetSpan } from './series.js';
import { forecastDist, specInputs, type ModelSpec } from './spec.js';
import { calibrate, widthsAt, type IntervalScale } from './intervals/calibrate.js';
import { candidateScores, featureRanking } from './selection/candidate-scores.js';
import { backtestSummary } from './selection/backtest-summary.js';

/** Version 2: the statistical models (ETS, thetaf, STL) and model-scaled intervals. */
export const MODEL_VERSION = 2;

/**
 * ModelFile.intervals: the calibrated scale (intervals/calibrate.ts) and the floor, 0 when the
 * training target was never negative (counts, indices): forecasts and bounds stay ≥ 0.
 */
export type IntervalSpec = IntervalScale & { readonly floor: number | null };

/**
 * A point forecast with its interval half-widths, held at the series' floor: a search index or
 * a count cannot go below 0, so neither do its forecasts and bounds. Flooring never lowers
 * coverage (the actual is above the floor too) and never raises the error.
 */
function band(fc: number, widths: readonly number[], floor: number | null): { forecast: number; lower: number[]; upper: number[] } {
  const lo = floor ?? -Infinity;
  const f = Math.max(fc, lo);
  return { forecast: f, lower: widths.map((w) => Math.max(f - w, lo)), upper: widths.map((w) => Math.max(f + w, lo)) };
}

function checkOptions(opts: EngineOptions): void {
  if (!Number.isInteger(opts.horizon) || opts.horizon < 1) throw inputError('bad_horizon', `horizon must be a positive integer, got ${opts.horizon}`);
  if (!Number.isInteger(opts.folds) || opts.folds < 1) throw inputError('bad_folds', `folds must be a positive integer, got ${opts.folds}`);
  for (const l of opts.levels) if (!(l > 0 && l < 1)) throw inputError('bad_level', `interval levels must be in (0, 1), got ${l}`);
}

/** Rows needed to train: the smallest window plus one validation horizon. */
export function rowsNeeded(horizon: number): number {
  return minTrainRows(horizon) + horizon;
}

/** Fits every candidate on rolling-origin folds, picks the winner and calibrates intervals. */
export function train(frame: Frame, opts: EngineOptions): TrainResult {
  checkOptions(opts);
  const H = opts.horizon;
  const data = seriesData(frame, opts.target);
  const n = data.y.length;
  if (n < rowsNeeded(H)) {
    throw inputError('too_few_rows', `target '${opts.target}' has ${n} non-missing rows; horizon ${H} needs at least ${rowsNeeded(H)}`);
  }
  const period = seasonalPeriod(data.freq);
  const cutoffs = selectionCutoffs(n, H, opts.folds, period);
  const defs = featureDefs(data, H, period);
  const sel = selectModel(data, defs, cutoffs, opts, period);
  const spec = sel.winner.fit();
  const scale = calibrate(data.y, cutoffs, sel.winner, H, opts.levels);
  const floor = data.y.every((v) => v >= 0) ? 0 : null;
  const model: ModelFile = {
    format: 'forecast-model',
    version: MODEL_VERSION,
    target: opts.target,
    horizon: H,
    freq: data.freq,
    levels: [...opts.levels],
    winner: sel.winner.name,
    inputs: specInputs(spec),
    params: spec,
    intervals: { ...scale, floor } satisfies IntervalSpec,
    trainedThrough: data.dates[n - 1],
  };
  const history: BacktestRow[] = cutoffs.flatMap((t, f) =>
    Array.from({ length: H }, (_, h) => ({
      cutoff: data.dates[t],
      targetDate: data.dates[t + h + 1],
      horizon: h + 1,
      actual: data.y[t + h + 1],
      ...band(sel.winner.forecasts[f][h], widthsAt(scale, data.y, t, sel.winner.sds?.[f] ?? [])[h], floor),
      model: sel.winner.name,
      naive: data.y[t],
    })),
  );
  const removed = sel.original?.removedRows ?? [];
  const ranking = featureRanking(sel, spec, opts.target);
  const trainRows = n - H;
  return {
    model,
    winner: sel.winner.name,
    scores: candidateScores(data.y, cutoffs, sel.candidates, opts),
    selectionCurve: sel.rfe?.curve ?? [],
    featureRanking: ranking,
    removedFeatures: sel.original?.removedFeatures ?? [],
    rowsRemovedPct: (100 * removed.length) / Math.max(1, trainRows),
    removedRows: removed.map((i) => data.dates[i]),
    nTrain: n,
    nFeaturesIn: defs.length,
    nFeaturesSelected: ranking.filter((f) => f.selected).length,
    deadlineHit: sel.skipped.length > 0,
    skipped: sel.skipped,
    history,
  };
}

/** Forecasts for the H periods after the last row with an observed target. */
export function predict(model: ModelFile, frame: Frame): ForecastRow[] {
  if (model.format !== 'forecast-model' || model.version !== MODEL_VERSION) {
    throw inputError('bad_model', `unsupported model file (format ${String(model.format)}, version ${String(model.version)})`);
  }
  const data = seriesData(frame, model.target, model.inputs);
  const t = data.y.length - 1;
  if (t < 0) throw inputError('too_few_rows', `target '${model.target}' has no non-missing value`);
  const f = forecastDist(model.params as ModelSpec, data, t, model.horizon);
  const intervals = model.intervals as IntervalSpec;
  const widths = widthsAt(intervals, data.y, t, f.sd);
  return Array.from(f.mean, (fc, h) => {
    if (!Number.isFinite(fc)) throw inputError('bad_model', `model '${model.winner}' produced a non-finite forecast at horizon ${h + 1}`);
    return { date: addPeriods(data.dates[t], h + 1, data.freq), horizon: h + 1, ...band(fc, widths[h], intervals.floor ?? null) };
  });
}

/**
 * Rolling-origin evaluation of `train` + `predict`: cutoffs t = last−H−origins+1 … last−H,
 * training on rows ≤ t only. One row per (cutoff, horizon).
 */
export function backtest(frame: Frame, opts: EngineOptions & { origins: number }): BacktestResult {
  checkOptions(opts);
  const H = opts.horizon;
  const span = targetSpan(frame, opts.target);
  const n = span.last - span.first + 1;
  const need = rowsNeeded(H) + opts.origins - 1 + H;
  if (!Number.isInteger(opts.origins) || opts.origins < 1) throw inputError('bad_origins', `origins must be a positive integer, got ${opts.origins}`);
  if (n < need) {
    throw inputError(
      'too_few_rows',
      `target '${opts.target}' has ${n} non-missing rows; a backtest with horizon ${H} and ${opts.origins} origins needs at least ${need}`,
    );
  }
  const y = frame.columns[frame.names.indexOf(opts.target)];
  const filled = seriesData(frame, opts.target).y;
  const rows: BacktestRow[] = [];
  for (let t = n - H - opts.origins; t <= n - 1 - H; t++) {
    const end = span.first + t + 1;
    const sub = head(frame, end);
    const res = train(sub, opts);
    const fc = predict(res.model, sub);
    for (const r of fc) {
      rows.push({
        cutoff: frame.dates[end - 1],
        targetDate: frame.dates[end - 1 + r.horizon],
        horizon: r.horizon,
        actual: y[end - 1 + r.horizon],
        forecast: r.forecast,
        lower: r.lower,
        upper: r.upper,
        model: res.winner,
        naive: filled[t],
      });
    }
  }
  return backtestSummary(rows, opts.levels);
}
