import { formatDate } from '../frame/dates.js';
import type { Folder } from '../io/uri.js';
import { ratioToNaive } from '../report/target-ratios.js';
import type { TargetResult } from './train-targets.js';
import { targetSummary } from './targets-report-data.js';

/** One target of a run, as the terminal's summary shows it. */
export interface TargetDetail {
  readonly target: string;
  readonly winner: string;
  /** Kept its baseline for the deadline. */
  readonly fellBack: boolean;
  /** The winner's fold MAE over the naive forecast's on the same rows (the report's ratio); NaN when there is none. */
  readonly ratio: number;
  readonly mae: number | null;
  readonly naiveMae: number | null;
  /** The forecast periods, with the interval at the run's `level`. */
  readonly forecasts: readonly { readonly date: string; readonly forecast: number; readonly lower: number; readonly upper: number }[];
}

/** What a run's readable summary needs beyond the one-line JSON. */
export interface RunDetail {
  readonly outDir: Folder;
  /** The interval level shown: 0.8 when the run has it, else its first level. */
  readonly level: number;
  readonly targets: readonly TargetDetail[];
}

/** The detail of a run's trained targets. O(targets × (folds × horizon)). */
export function runDetail(results: readonly TargetResult[], levels: readonly number[], outDir: Folder): RunDetail {
  const at = Math.max(0, levels.indexOf(0.8));
  return {
    outDir,
    level: levels[at] ?? NaN,
    targets: results.map((r) => {
      const s = targetSummary(r, []);
      return {
        target: r.target,
        winner: r.trained.winner,
        fellBack: r.fellBack,
        ratio: ratioToNaive(s),
        mae: s.mae,
        naiveMae: s.naiveMae,
        forecasts: r.forecasts.map((f) => ({ date: formatDate(f.date), forecast: f.forecast, lower: f.lower[at], upper: f.upper[at] })),
      };
    }),
  };
}
