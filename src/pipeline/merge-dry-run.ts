import type { Freq } from '../frame/freq.js';
import type { IoContext } from '../io/context.js';
import { pushdownOf } from '../io/source/open-source.js';
import type { SourceSpec } from '../io/source/source-spec.js';
import { writeStdout } from '../io/write-table.js';

/** `merge --dry-run`: print, per source, what would be read; for BigQuery events, the push-down SQL and its bytes. */
export async function dryRunMerge(specs: readonly SourceSpec[], freq: Freq, ctx: IoContext): Promise<void> {
  for (const spec of specs) {
    const pushdown = pushdownOf(spec, freq);
    if (pushdown) {
      const { aggregateEventsInBigQuery } = await import('../io/bigquery.js');
      const r = await aggregateEventsInBigQuery(pushdown.uri, pushdown.events, ctx, { ...pushdown.options, dryRun: true });
      await writeStdout(ctx, `-- ${spec.uri.text}: aggregated in BigQuery (push-down); ${r.totalBytesProcessed} bytes processed; parameters ${JSON.stringify(r.params)}\n${r.sql.trim()};\n`);
    } else {
      await writeStdout(ctx, `-- ${spec.uri.text}: read as ${spec.format}\n`);
    }
  }
}
