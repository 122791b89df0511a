/** Number and duration formatting shared by the charts and the HTML (fixed locale: en-US). */

const FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4, useGrouping: true });

/**
 * A number with at most 4 significant digits; "–" for null, undefined or NaN (NaN turns into
 * null when a report's data goes through JSON). @example formatNumber(1234.567) === '1,235'
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return x.toExponential(2);
  return FORMAT.format(x).replace('-', '−');
}

/** "mean ± std", e.g. "2.71 ± 0.43". */
export function formatMeanStd(s: { mean: number | null; std: number | null } | undefined): string {
  if (s === undefined || s.mean === null || Number.isNaN(s.mean)) return '–';
  return s.std === null || Number.isNaN(s.std) ? formatNumber(s.mean) : `${formatNumber(s.mean)} ± ${formatNumber(s.std)}`;
}

/** Milliseconds as "850 ms", "8.4 s" or "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** A fraction as a percentage: 0.8 → "80 %". */
export function formatPercent(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : `${formatNumber(x * 100)} %`;
}
