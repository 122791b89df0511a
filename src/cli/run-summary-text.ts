import { roundFigure } from '../io/logger.js';
import { childUri, folderPrefix, type Folder } from '../io/uri.js';
import type { RunDetail, TargetDetail } from '../pipeline/run-detail.js';
import type { RunSummary } from '../pipeline/run-all.js';
import { geometricMean } from '../report/target-ratios.js';

/** A figure for people: 4 significant digits (roundFigure), NaN or missing as `n/a`. */
const fig = (x: number | null): string => (x === null || !Number.isFinite(x) ? 'n/a' : String(roundFigure(x)));
const pct = (level: number): string => `${roundFigure(level * 100)} %`;
const ratio = (r: number): string => (Number.isFinite(r) ? r.toFixed(2) : 'n/a');

/**
 * What `run-all` prints on a terminal instead of its one-line JSON: the run, the winner (or how
 * many targets each model won and how many fell back), the MAE against naive's, the next
 * forecasts with their interval (for several targets, where they are) and where the outputs
 * are. Lines end with `\n`; no escape codes. Pure: O(targets + outputs).
 */
export function runSummaryText(s: RunSummary & { readonly detail: RunDetail }): string {
  const d = s.detail;
  const head = `Run ${s.runDate}: ${s.targets === 1 ? (d.targets[0]?.target ?? '1 target') : `${s.targets} targets`} in ${(s.elapsedMs / 1000).toFixed(1)} s${s.deadlineHit ? ', deadline hit' : ''}`;
  const body = d.targets.length === 1 ? oneTarget(d.targets[0], d.level) : manyTargets(d, s.fellBack);
  return [head, ...body, ...outputLines(s.outputs, d.outDir)].join('\n') + '\n';
}

function oneTarget(t: TargetDetail, level: number): string[] {
  return [
    `  Winner: ${t.winner}${t.fellBack ? ' (its baseline: the search ran out of time)' : ''}`,
    `  MAE ${fig(t.mae)} against naive ${fig(t.naiveMae)}: ratio ${ratio(t.ratio)}`,
    `  Forecasts (${pct(level)} interval):`,
    ...t.forecasts.map((f) => `    ${f.date}  ${fig(f.forecast)}  [${fig(f.lower)}, ${fig(f.upper)}]`),
  ];
}

function manyTargets(d: RunDetail, fellBack: number): string[] {
  const wins = new Map<string, number>();
  for (const t of d.targets) wins.set(t.winner, (wins.get(t.winner) ?? 0) + 1);
  const byCount = [...wins].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m, n]) => `${m} ${n}`);
  const beat = d.targets.filter((t) => t.ratio < 1).length;
  const horizon = d.targets[0]?.forecasts.length ?? 0;
  return [
    `  Winners: ${byCount.join(', ')}; ${fellBack} fell back to their baseline`,
    `  MAE against naive: typical ratio ${ratio(geometricMean(d.targets.map((t) => t.ratio)))}; ${beat} of ${d.targets.length} targets beat naive`,
    `  Forecasts: ${horizon} periods ahead for ${d.targets.length} targets (${pct(d.level)} intervals) in ${childUri(d.outDir, 'predictions.csv').text}`,
  ];
}

/** The out dir's files by count, and every output published elsewhere (gs://, bq://, another folder) by name. */
function outputLines(outputs: readonly string[], outDir: Folder): string[] {
  const prefix = folderPrefix(outDir);
  const inDir = outputs.filter((o) => o.startsWith(prefix));
  const elsewhere = outputs.filter((o) => !o.startsWith(prefix));
  return [
    `  Outputs: ${inDir.length} file${inDir.length === 1 ? '' : 's'} in ${outDir.text}${inDir.some((o) => o.endsWith('/report.html')) ? `, the report in ${childUri(outDir, 'report.html').text}` : ''}`,
    ...(elsewhere.length ? [`  Published: ${elsewhere.join(', ')}`] : []),
  ];
}
