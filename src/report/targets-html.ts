/**
 * The page of a run with several targets: what ran, the charts, and a table of every target's
 * MAE against naive on the same rows. Built to stay readable at thousands of targets: a summary
 * line first, the worst targets against naive, then the whole table folded, sorted by name.
 */
import { escapeHtml } from './html-escape.js';
import { htmlTable } from './html-table.js';
import { formatDuration, formatNumber, formatPercent } from './format.js';
import { figureOf, htmlDocument, section, type ChartSection } from './html.js';
import { geometricMean, ratioToNaive } from './target-ratios.js';
import type { ReportTargetSummary, TargetsReportInput } from './types.js';

/** Rows of the "worst against naive" table. */
export const WORST_SHOWN = 10;

function summary(input: TargetsReportInput): string {
  const n = input.targets.length;
  const fell = input.targets.filter((t) => t.fellBack).length;
  const ratios = input.targets.map(ratioToNaive);
  const beats = ratios.filter((r) => r < 1).length;
  const items: [string, string][] = [
    ['run date', input.runDate],
    ['targets', formatNumber(n)],
    ['frequency', input.freq],
    ['horizon', `${input.horizon} periods`],
    ['interval levels', input.levels.map((l) => formatPercent(l)).join(', ')],
    ['selection metric', input.metric.toUpperCase()],
    ['elapsed', formatDuration(input.elapsedMs)],
    [
      'beats naive (MAE on the same rows)',
      `${beats} of ${ratios.filter(Number.isFinite).length} targets; geometric mean of MAE / naive MAE ${formatNumber(geometricMean(ratios))}`,
    ],
    ['baseline only (deadline)', fell === 0 ? 'none' : `${fell} of ${n}`],
  ];
  const warning =
    fell > 0
      ? `<p class="warning">The deadline came first for ${fell} of ${n} targets: they carry their naive baseline, flagged deadline_hit in every table.</p>`
      : '';
  const dl = `<dl class="summary">${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
  const excluded =
    input.excluded.length === 0
      ? ''
      : `<h3>Left out</h3>${htmlTable(
          [{ label: 'target' }, { label: 'reason' }],
          input.excluded.map((x) => [x.target, x.reason]),
        )}`;
  const inputs = `<h3>Inputs</h3>${htmlTable(
    [{ label: 'input' }, { label: 'rows', num: true }],
    input.inputs.map((i) => [i.uri, formatNumber(i.rows)]),
  )}`;
  const stages = `<h3>Stage timings</h3>${htmlTable(
    [{ label: 'stage' }, { label: 'time', num: true }],
    input.stageTimings.map((s) => [s.stage, formatDuration(s.ms)]),
  )}`;
  return `${warning}${dl}${excluded}${inputs}${stages}`;
}

const COLUMNS = [
  { label: 'target' },
  { label: 'winner' },
  { label: 'MAE', num: true },
  { label: 'naive MAE', num: true },
  { label: 'MAE / naive', num: true },
  { label: 'coverage', num: true },
  { label: 'last', num: true },
  { label: 'forecast', num: true },
  { label: 'change (× naive MAE)', num: true },
  { label: 'flag' },
];

function rowOf(s: ReportTargetSummary): string[] {
  const flag = s.fellBack ? 'baseline only' : s.deadlineHit ? 'search cut short' : '';
  return [
    s.target,
    s.winner,
    formatNumber(s.mae),
    formatNumber(s.naiveMae),
    formatNumber(ratioToNaive(s)),
    formatPercent(s.coverage),
    formatNumber(s.last),
    formatNumber(s.forecast),
    formatNumber(s.change),
    flag,
  ];
}

function targetsTable(input: TargetsReportInput): string {
  const worst = input.targets
    .filter((t) => Number.isFinite(ratioToNaive(t)))
    .sort((a, b) => ratioToNaive(b) - ratioToNaive(a) || (a.target < b.target ? -1 : 1))
    .slice(0, WORST_SHOWN);
  const all = htmlTable(COLUMNS, input.targets.map(rowOf), (i) => ratioToNaive(input.targets[i]) < 1);
  return (
    `<p>MAE of the published model and of the naive forecast over the same out-of-sample fold forecasts (every fold and horizon); rows where the model beats naive are highlighted.</p>` +
    `<h3>Worst ${worst.length} against naive</h3>${htmlTable(COLUMNS, worst.map(rowOf))}` +
    `<details${input.targets.length <= 50 ? ' open' : ''}><summary>All ${input.targets.length} targets, by name</summary>${all}</details>`
  );
}

/** The whole page. Pure: the same input gives the same bytes. */
export function renderTargetsHtml(input: TargetsReportInput, charts: readonly ChartSection[]): string {
  const title = `Forecast report: ${input.targets.length} targets, ${input.runDate}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(`${input.horizon}-step forecasts (${input.freq}), one model per target`)}</p></header>`,
    section('movers', 'Largest forecast changes', charts.map(figureOf).join('\n')),
    section('summary', 'Run summary', summary(input)),
    section('targets', 'Every target against naive', targetsTable(input)),
    section(
      'problems',
      'Data problems',
      input.problems.length === 0
        ? '<p class="note">No data problems found.</p>'
        : `<ul class="problems">${input.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`,
    ),
  ].join('\n');
  return htmlDocument(title, body);
}
