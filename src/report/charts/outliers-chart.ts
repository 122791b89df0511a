/**
 * Chart 5: every training row on the first two principal components of the standardised
 * features, with the rows removed as outliers highlighted and labelled with their dates.
 */
import type { ReportInput } from '../types.js';
import type { ChartOutcome } from './chart.js';
import { chartFrame, COLOURS } from './chart-style.js';

/** At most this many removed rows get a date label (the ones farthest from the centre). */
export const MAX_OUTLIER_LABELS = 12;

/** The outlier chart, or a note when no row was removed. O(rows log rows). */
export function outliersChart(input: ReportInput): ChartOutcome {
  const title = 'Rows removed as outliers';
  const rows = input.outliers.filter((r) => Number.isFinite(r.pc1) && Number.isFinite(r.pc2));
  const removed = rows.filter((r) => r.removed);
  if (removed.length === 0) return { kind: 'empty', title, note: 'No rows were removed as outliers.' };
  const labelled = [...removed].sort((a, b) => Math.hypot(b.pc1, b.pc2) - Math.hypot(a.pc1, a.pc2)).slice(0, MAX_OUTLIER_LABELS);
  const status = ['kept', 'removed'];
  const values = rows.map((r) => ({ ...r, status: r.removed ? 'removed' : 'kept' })).sort((a, b) => Number(a.removed) - Number(b.removed));
  const x = { field: 'pc1', type: 'quantitative', title: 'first principal component (score)', scale: { zero: false, nice: true } };
  const y = { field: 'pc2', type: 'quantitative', title: 'second principal component (score)', scale: { zero: false, nice: true } };
  const more = removed.length > labelled.length ? `; ${labelled.length} farthest labelled` : '';
  return {
    kind: 'chart',
    title,
    spec: {
      ...chartFrame(
        title,
        `${removed.length} of ${rows.length} rows removed; each point is one ${input.freq === 'W-SUN' ? 'week' : 'period'}, projected from the standardised features${more}`,
      ),
      layer: [
        {
          data: { values },
          mark: { type: 'point', filled: true, opacity: 0.85 },
          encoding: {
            x,
            y,
            color: { field: 'status', type: 'nominal', title: null, sort: status, scale: { domain: status, range: [COLOURS.kept, COLOURS.removed] } },
            size: { field: 'status', type: 'nominal', title: null, sort: status, scale: { domain: status, range: [30, 70] } },
          },
        },
        {
          data: { values: labelled },
          mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10, color: COLOURS.removed },
          encoding: { x, y, text: { field: 'date' } },
        },
      ],
    } as never,
  };
}
