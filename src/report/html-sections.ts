/** The text sections of the report page, each a pure function of the report's data. */
import type { CandidateScore, MetricName } from '../model/types.js';
import { METRICS } from '../model/types.js';
import { escapeHtml } from './html-escape.js';
import { htmlTable } from './html-table.js';
import { formatDuration, formatMeanStd, formatNumber, formatPercent } from './format.js';
import type { ReportInput } from './types.js';

/** Metrics where higher is better; every other metric is an error (lower is better). */
const HIGHER_IS_BETTER: readonly MetricName[] = ['r2', 'explained_variance'];
/** Removed feature names listed per reason before "… and N more". */
const MAX_LISTED = 200;

const percentLevels = (levels: readonly number[]) => levels.map((l) => formatPercent(l)).join(', ');

/** Run summary: what was forecast, when, from which inputs, how long each stage took. */
export function summarySection(input: ReportInput): string {
  const items: [string, string][] = [
    ['run date', input.runDate],
    ['target', input.target],
    ['frequency', input.freq],
    ['horizon', `${input.horizon} periods`],
    ['interval levels', percentLevels(input.levels)],
    ['selection metric', input.metric.toUpperCase()],
    ['elapsed', formatDuration(input.elapsedMs)],
    ['skipped for lack of time', input.skipped.length === 0 ? 'nothing' : input.skipped.join(', ')],
  ];
  const dl = `<dl class="summary">${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
  const warning = input.deadlineHit
    ? '<p class="warning">The deadline was hit: the search stopped early, so the winner is the best of the candidates tried in time.</p>'
    : '';
  const inputs =
    input.inputs.length === 0
      ? ''
      : `<h3>Inputs</h3>${htmlTable(
          [{ label: 'input' }, { label: 'rows', num: true }],
          input.inputs.map((i) => [i.uri, formatNumber(i.rows)]),
        )}`;
  const stages =
    input.stageTimings.length === 0
      ? ''
      : `<h3>Stage timings</h3>${htmlTable(
          [{ label: 'stage' }, { label: 'time', num: true }],
          input.stageTimings.map((s) => [s.stage, formatDuration(s.ms)]),
        )}`;
  return `${warning}${dl}${inputs}${stages}`;
}

/** The winner and this run's forecast rows, with their intervals. */
export function winnerSection(input: ReportInput): string {
  const rows = input.predictions.filter((p) => p.kind === 'forecast');
  const head = `<p class="winner">Winner this ${input.freq === 'W-SUN' ? 'week' : 'run'}: <strong>${escapeHtml(input.winner)}</strong></p>`;
  if (rows.length === 0) return `${head}<p class="note">No forecast rows.</p>`;
  const columns = [
    { label: 'date' },
    { label: 'horizon', num: true },
    { label: 'forecast', num: true },
    ...input.levels.flatMap((l) => [
      { label: `lower ${formatPercent(l)}`, num: true },
      { label: `upper ${formatPercent(l)}`, num: true },
    ]),
  ];
  const body = rows.map((r) => [
    r.date,
    String(r.horizon),
    formatNumber(r.forecast),
    ...input.levels.flatMap((l, i) => {
      const b = r.bands.find((x) => x.level === l) ?? r.bands[i];
      return [formatNumber(b?.lower), formatNumber(b?.upper)];
    }),
  ]);
  return head + htmlTable(columns, body);
}

/** Every candidate's fold metrics as mean ± standard deviation, best first, winner highlighted. */
export function scoresSection(input: ReportInput): string {
  if (input.scores.length === 0) return '<p class="note">No candidate scores.</p>';
  const metric = input.metric;
  const sign = HIGHER_IS_BETTER.includes(metric) ? -1 : 1;
  const key = (s: CandidateScore) => {
    const m = s.metrics[metric]?.mean;
    return m === null || m === undefined || Number.isNaN(m) ? Infinity : sign * m;
  };
  const sorted = [...input.scores].sort((a, b) => key(a) - key(b));
  const metrics = [metric, ...METRICS.filter((m) => m !== metric)];
  const columns = [
    { label: 'candidate' },
    ...metrics.map((m) => ({ label: `${m.toUpperCase()}${m === metric ? ' (selection)' : ''}`, num: true })),
    { label: `coverage (${formatPercent(input.levels[0])})`, num: true },
    { label: 'folds', num: true },
  ];
  const rows = sorted.map((s) => [s.model, ...metrics.map((m) => formatMeanStd(s.metrics[m])), formatPercent(s.coverage), String(s.nFolds)]);
  return `<p>Mean ± standard deviation across ${sorted[0].nFolds} folds; best first.</p>` + htmlTable(columns, rows, (i) => sorted[i].model === input.winner);
}

/** Back-test: per-horizon errors of the model and of the naive forecast, then every row. */
export function backtestSection(input: ReportInput): string {
  const rows = input.backtest;
  if (rows.length === 0) return '<p class="note">No back-test rows.</p>';
  const horizons = [...new Set(rows.map((r) => r.horizon))].sort((a, b) => a - b);
  const level = input.levels[0];
  const summary = horizons.map((h) => {
    const at = rows.filter((r) => r.horizon === h);
    const mae = (f: (r: (typeof at)[number]) => number) => at.reduce((s, r) => s + Math.abs(f(r) - r.actual), 0) / at.length;
    const covered = at.filter(
      (r) => r.bands[0] && r.bands[0].lower !== null && r.bands[0].upper !== null && r.actual >= r.bands[0].lower && r.actual <= r.bands[0].upper,
    ).length;
    return [String(h), String(at.length), formatNumber(mae((r) => r.forecast)), formatNumber(mae((r) => r.naive)), formatPercent(covered / at.length)];
  });
  const table = htmlTable(
    [
      { label: 'horizon', num: true },
      { label: 'cutoffs', num: true },
      { label: 'MAE model', num: true },
      { label: 'MAE naive', num: true },
      { label: `coverage (${formatPercent(level)})`, num: true },
    ],
    summary,
  );
  const all = htmlTable(
    [
      { label: 'cutoff' },
      { label: 'target date' },
      { label: 'horizon', num: true },
      { label: 'actual', num: true },
      { label: 'forecast', num: true },
      { label: 'naive', num: true },
      { label: 'lower', num: true },
      { label: 'upper', num: true },
      { label: 'model' },
    ],
    rows.map((r) => [
      r.cutoff,
      r.targetDate,
      String(r.horizon),
      formatNumber(r.actual),
      formatNumber(r.forecast),
      formatNumber(r.naive),
      formatNumber(r.bands[0]?.lower),
      formatNumber(r.bands[0]?.upper),
      r.model,
    ]),
  );
  return `${table}<details><summary>All ${rows.length} back-test rows</summary>${all}</details>`;
}

/** Features removed before training, grouped by reason (long lists folded). */
export function removedFeaturesSection(input: ReportInput): string {
  if (input.removedFeatures.length === 0) return '<p class="note">No features were removed.</p>';
  const byReason = new Map<string, string[]>();
  for (const f of input.removedFeatures) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.feature]);
  return [...byReason]
    .map(([reason, names]) => {
      const shown = names.slice(0, MAX_LISTED).map(escapeHtml).join(', ');
      const more = names.length > MAX_LISTED ? ` … and ${names.length - MAX_LISTED} more (see removed_features.csv)` : '';
      return `<details><summary>${escapeHtml(reason)}: ${names.length} feature${names.length === 1 ? '' : 's'}</summary><p>${shown}${more}</p></details>`;
    })
    .join('\n');
}

/** Data problems found while reading and merging the inputs. */
export function problemsSection(input: ReportInput): string {
  if (input.problems.length === 0) return '<p class="note">No data problems found.</p>';
  return `<ul class="problems">${input.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
}
