/**
 * The forecasting engine's public contract. `src/pipeline/` and `src/cli/` use only these
 * types and the functions `train`, `predict` and `backtest` exported from `src/model/engine.ts`.
 * Everything here is plain data so that a model round-trips through JSON.
 */
import type { Freq } from '../frame/freq.js';

export const METRICS = ['mae', 'rmse', 'mape', 'smape', 'mase', 'mse', 'explained_variance', 'r2', 'max_error', 'median_ae'] as const;
export type MetricName = (typeof METRICS)[number];
export function isMetricName(s: string): s is MetricName {
  return (METRICS as readonly string[]).includes(s);
}

/** Every candidate model the engine knows, in the order the anytime search tries them. */
export const CANDIDATES = [
  'naive',
  'snaive',
  'mean',
  'theta',
  'ets',
  'stlf',
  'arima',
  'arimax',
  'ridge_ar',
  'ridge',
  'lasso',
  'enet',
  'ridge_rfe',
  'ols',
  'original_ols',
  'combo',
  'blend',
] as const;
export type CandidateName = (typeof CANDIDATES)[number];
export function isCandidateName(s: string): s is CandidateName {
  return (CANDIDATES as readonly string[]).includes(s);
}

/** Time left, injected by the caller (the core never reads the clock). */
export interface Budget {
  /** Milliseconds left for this stage; the engine stops its search when it runs short. */
  remainingMs(): number;
  /** Optional trace: called after each unit of work with its name and measured milliseconds. */
  report?(unit: string, ms: number): void;
}

export interface EngineOptions {
  /** Column to forecast. */
  readonly target: string;
  /** Forecast t+1 … t+horizon. */
  readonly horizon: number;
  /** Interval levels in (0,1), e.g. [0.8, 0.95]. */
  readonly levels: readonly number[];
  /** Metric that picks the winner (lower is better; r2/explained_variance are negated). */
  readonly metric: MetricName;
  /**
   * Minimum number of rolling-origin folds used for selection inside training; the engine uses
   * every available origin up to 30 when there are more (folds.ts `selectionCutoffs`).
   */
  readonly folds: number;
  /** Restrict the candidate list (names as in CandidateScore.model); all when undefined. */
  readonly candidates?: readonly string[];
  /** Anytime budget; unlimited when undefined. */
  readonly budget?: Budget;
}

export interface MetricSummary {
  readonly mean: number;
  readonly std: number;
}

export interface CandidateScore {
  readonly model: string;
  /** Per metric, mean and standard deviation across folds. NaN when undefined. */
  readonly metrics: Readonly<Record<MetricName, MetricSummary>>;
  /** Empirical coverage of the first level's interval on the folds (NaN if not computed). */
  readonly coverage: number;
  /** Number of validation points whose actual was zero and so were skipped by MAPE. */
  readonly mapeZerosSkipped: number;
  readonly nFolds: number;
}

export interface SelectionPoint {
  readonly nFeatures: number;
  readonly score: number;
  readonly std: number;
}

export interface FeatureRank {
  readonly feature: string;
  readonly rank: number;
  /** Standardised coefficient in the winning (or best regression) model; NaN if none. */
  readonly coefficient: number;
  readonly selected: boolean;
}

export interface RemovedFeature {
  readonly feature: string;
  readonly reason: string;
}

/** Versioned JSON model: everything `predict` needs and nothing else. */
export interface ModelFile {
  readonly format: 'forecast-model';
  readonly version: number;
  readonly target: string;
  readonly horizon: number;
  readonly freq: Freq;
  readonly levels: readonly number[];
  readonly winner: string;
  /** Columns `predict` requires in its input frame (besides `date`). */
  readonly inputs: readonly string[];
  /** Estimator-specific parameters, opaque to the pipeline. */
  readonly params: unknown;
  /** Per horizon (index 0 = t+1), per level: half-widths or residual quantiles for the interval. */
  readonly intervals: unknown;
  /** Last training period (days since epoch). */
  readonly trainedThrough: number;
}

export interface TrainResult {
  readonly model: ModelFile;
  readonly winner: string;
  readonly scores: readonly CandidateScore[];
  readonly selectionCurve: readonly SelectionPoint[];
  readonly featureRanking: readonly FeatureRank[];
  readonly removedFeatures: readonly RemovedFeature[];
  /** Percentage of training rows removed as outliers. */
  readonly rowsRemovedPct: number;
  /** Dates (days since epoch) of the rows removed as outliers, for the report. */
  readonly removedRows: readonly number[];
  readonly nTrain: number;
  readonly nFeaturesIn: number;
  readonly nFeaturesSelected: number;
  readonly deadlineHit: boolean;
  /** Candidates or stages skipped for lack of time. */
  readonly skipped: readonly string[];
  /** Fold-level out-of-sample forecasts of the winner, for the history part of predictions.csv. */
  readonly history: readonly BacktestRow[];
}

export interface ForecastRow {
  /** Target period (days since epoch). */
  readonly date: number;
  readonly horizon: number;
  readonly forecast: number;
  /** One per level, in `levels` order. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface BacktestRow {
  readonly cutoff: number;
  readonly targetDate: number;
  readonly horizon: number;
  readonly actual: number;
  readonly forecast: number;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly model: string;
  /** The naive (last value) forecast at the same cutoff, for comparison charts. */
  readonly naive: number;
}

export interface BacktestResult {
  readonly rows: readonly BacktestRow[];
  /** Metrics of the rows (mean over rows; std across cutoffs). */
  readonly metrics: Readonly<Record<MetricName, MetricSummary>>;
  /** Empirical coverage per level, in `levels` order. */
  readonly coverage: readonly number[];
  readonly naiveMae: number;
}
