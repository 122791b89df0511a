import type { ReportPrediction, ReportTargetPanel, ReportTargetSummary } from '../report/types.js';
import type { TrainResult } from '../model/types.js';
import type { TargetResult } from './train-targets.js';
import { compareNames } from './target-patterns.js';

/** Panels of the small-multiples chart: enough to see the week's movers, few enough to read. */
export const PANELS = 12;
/** Periods of history a panel shows before its forecast. */
export const PANEL_HISTORY = 52;

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * One target's line of the report's table. MAE and naive MAE are both taken over the winner's
 * out-of-sample fold forecasts (every fold, every horizon), so the two are compared on exactly
 * the same rows. O(folds × horizon).
 */
export function targetSummary(r: TargetResult, predictions: readonly ReportPrediction[]): ReportTargetSummary {
  const t: TrainResult = r.trained;
  const rows = t.history.filter((h) => Number.isFinite(h.actual) && Number.isFinite(h.forecast) && Number.isFinite(h.naive));
  const mae = mean(rows.map((h) => Math.abs(h.actual - h.forecast)));
  const naiveMae = mean(rows.map((h) => Math.abs(h.actual - h.naive)));
  const history = predictions.filter((p) => p.kind === 'history' && p.actual !== null);
  const last = history.length ? history[history.length - 1].actual : null;
  const future = predictions.filter((p) => p.kind === 'forecast');
  const forecast = future.length ? future[future.length - 1].forecast : null;
  const change = last === null || forecast === null ? NaN : naiveMae > 0 ? (forecast - last) / naiveMae : forecast === last ? 0 : NaN;
  const score = t.scores.find((s) => s.model === t.winner);
  return {
    target: r.target,
    winner: t.winner,
    mae: orNull(mae),
    naiveMae: orNull(naiveMae),
    coverage: orNull(score?.coverage ?? NaN),
    deadlineHit: t.deadlineHit,
    fellBack: r.fellBack,
    last,
    forecast,
    change: orNull(change),
  };
}

/**
 * The targets whose forecast changes most, in units of their typical error (|change|, largest
 * first, ties by name), each with its last PANEL_HISTORY actuals and its forecast rows.
 */
export function targetPanels(summaries: readonly ReportTargetSummary[], predictions: ReadonlyMap<string, readonly ReportPrediction[]>): ReportTargetPanel[] {
  const movers = summaries
    .filter((s) => s.change !== null)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!) || compareNames(a.target, b.target))
    .slice(0, PANELS);
  return movers.map((s) => {
    const rows = predictions.get(s.target) ?? [];
    const history = rows
      .filter((p) => p.kind === 'history')
      .slice(-PANEL_HISTORY)
      .map((p) => ({ date: p.date, actual: p.actual }));
    return { target: s.target, history, forecast: rows.filter((p) => p.kind === 'forecast') };
  });
}
