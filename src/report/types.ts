/**
 * The report's input: plain, JSON-able data. The pipeline saves it as `report-data.json` in the
 * output directory so that `forecast report --from out/` can rebuild the report later without
 * re-running anything. Dates are ISO `yyyy-mm-dd` strings; missing numbers are `null` (JSON has
 * no NaN), except inside the engine's own types (`CandidateScore`, `SelectionPoint`,
 * `FeatureRank`) where NaN may appear and is shown as "–".
 */
import type { Freq } from '../frame/freq.js';
import type { CandidateScore, FeatureRank, MetricName, RemovedFeature, SelectionPoint } from '../model/types.js';

/** One prediction interval at one level, e.g. `{ level: 0.8, lower: 3.1, upper: 7.4 }`. */
export interface ReportBand {
  readonly level: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One row of predictions.csv: a back-tested history row or a future forecast row. */
export interface ReportPrediction {
  /** Target period, `yyyy-mm-dd`. */
  readonly date: string;
  readonly actual: number | null;
  readonly forecast: number | null;
  /** One band per level, in `ReportInput.levels` order. */
  readonly bands: readonly ReportBand[];
  /** Steps ahead (1…horizon); 0 for plain actuals without a forecast. */
  readonly horizon: number;
  readonly kind: 'history' | 'forecast';
  readonly model: string;
}

/** One back-test forecast: made at `cutoff` for `targetDate`, `horizon` steps ahead. */
export interface ReportBacktestRow {
  readonly cutoff: string;
  readonly targetDate: string;
  readonly horizon: number;
  readonly actual: number;
  readonly forecast: number;
  /** The naive (last value) forecast at the same cutoff. */
  readonly naive: number;
  readonly model: string;
  readonly bands: readonly ReportBand[];
}

/** One row of the outlier projection: its scores on the first two principal components. */
export interface ReportOutlierPoint {
  readonly date: string;
  readonly pc1: number;
  readonly pc2: number;
  readonly removed: boolean;
}

/** The facts of a run, whatever its number of targets: when, with which settings, how long, from what. */
export interface ReportRun {
  /** Day of the run, `yyyy-mm-dd`. */
  readonly runDate: string;
  readonly horizon: number;
  readonly freq: Freq;
  /** Interval levels in (0,1), e.g. [0.8, 0.95]. */
  readonly levels: readonly number[];
  /** Metric that picked the winner. */
  readonly metric: MetricName;
  /** True when the deadline cut the search short (for any target). */
  readonly deadlineHit: boolean;
  readonly elapsedMs: number;
  readonly stageTimings: readonly { readonly stage: string; readonly ms: number }[];
  readonly inputs: readonly { readonly uri: string; readonly rows: number }[];
  /** Data problems found on the way, e.g. "filled 3 missing weeks with 0 in trends.csv". */
  readonly problems: readonly string[];
}

/** The report of a run with one target. */
export interface ReportInput extends ReportRun {
  readonly target: string;
  /** Name of the winning candidate (as in `CandidateScore.model`). */
  readonly winner: string;
  /** Candidates or stages skipped for lack of time. */
  readonly skipped: readonly string[];
  readonly predictions: readonly ReportPrediction[];
  readonly scores: readonly CandidateScore[];
  readonly backtest: readonly ReportBacktestRow[];
  readonly selectionCurve: readonly SelectionPoint[];
  readonly featureRanking: readonly FeatureRank[];
  readonly removedFeatures: readonly RemovedFeature[];
  readonly outliers: readonly ReportOutlierPoint[];
}

/** One target of a run with several, as the report's table lists it. */
export interface ReportTargetSummary {
  readonly target: string;
  readonly winner: string;
  /** The winner's MAE on its out-of-sample fold forecasts at every horizon (predictions' history rows). */
  readonly mae: number | null;
  /** The naive forecast's MAE on exactly the same rows. */
  readonly naiveMae: number | null;
  /** Empirical coverage of the first level's interval on the folds. */
  readonly coverage: number | null;
  readonly deadlineHit: boolean;
  /** Only the baseline was published: the deadline came before the full search. */
  readonly fellBack: boolean;
  /** The last actual, and the forecast at the full horizon. */
  readonly last: number | null;
  readonly forecast: number | null;
  /** (forecast − last) / naiveMae: the forecast's change in units of the series' typical error. */
  readonly change: number | null;
}

/** A small-multiples panel: a target's recent actuals and its forecast with the first band. */
export interface ReportTargetPanel {
  readonly target: string;
  readonly history: readonly { readonly date: string; readonly actual: number | null }[];
  readonly forecast: readonly ReportPrediction[];
}

/**
 * The report of a run with several targets: a table of every target and small multiples of
 * those whose forecast changes most. A run with one target keeps `ReportInput`.
 */
export interface TargetsReportInput extends ReportRun {
  readonly kind: 'targets';
  /** Every target, in target order. */
  readonly targets: readonly ReportTargetSummary[];
  /** The targets with the largest |change|, largest first. */
  readonly panels: readonly ReportTargetPanel[];
  readonly excluded: readonly { readonly target: string; readonly reason: string }[];
}

/** What report-data.json holds: one target's report, or a many-target one. */
export type AnyReportInput = ReportInput | TargetsReportInput;

export function isTargetsReport(r: AnyReportInput): r is TargetsReportInput {
  return (r as { kind?: string }).kind === 'targets';
}
