import type { Freq } from '../frame/freq.js';
import type { IoContext } from '../io/context.js';
import { parseUri } from '../io/uri.js';
import { writeStdout } from '../io/write-table.js';
import { pushdownOf } from './merge.js';
import type { SourceSpec } from './source-spec.js';

/** `merge --dry-run`: print, per source, what would be read; for BigQuery events, the push-down SQL and its bytes. */
export async function dryRunMerge(specs: readonly SourceSpec[], freq: Freq, ctx: IoContext): Promise<void> {
  for (const spec of specs) {
    const pushdown = pushdownOf(parseUri(spec.uri, 'source'), spec, freq);
    if (pushdown) {
      const { aggregateEventsInBigQuery } = await import('../io/bigquery.js');
      const r = await aggregateEventsInBigQuery(pushdown.uri, pushdown.events, ctx, { ...pushdown.options, dryRun: true });
      await writeStdout(ctx, `-- ${spec.uri}: aggregated in BigQuery (push-down); ${r.totalBytesProcessed} bytes processed; parameters ${JSON.stringify(r.params)}\n${r.sql.trim()};\n`);
    } else {
      await writeStdout(ctx, `-- ${spec.uri}: read as ${spec.format}\n`);
    }
  }
}
