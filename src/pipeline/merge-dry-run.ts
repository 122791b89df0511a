import type { Freq } from '../frame/freq.js';
import type { IoContext } from '../io/context.js';
import { parseUri } from '../io/uri.js';
import type { SourceSpec } from './source-spec.js';

/** `merge --dry-run`: print, per source, what would be read; for BigQuery events, the push-down SQL and its bytes. */
export async function dryRunMerge(specs: readonly SourceSpec[], freq: Freq, ctx: IoContext): Promise<void> {
  const out = ctx.stdout ?? process.stdout;
  for (const spec of specs) {
    const uri = parseUri(spec.uri, 'source');
    if (uri.kind === 'bq' && spec.format === 'events' && spec.query === undefined) {
      const { aggregateEventsInBigQuery } = await import('../io/bigquery.js');
      const r = await aggregateEventsInBigQuery(uri, {
        table: `${uri.project}.${uri.dataset}.${uri.table}`, key: spec.key ?? 'theme', date: spec.date ?? 'Date',
        value: spec.value, agg: spec.agg ?? 'count', freq,
      }, ctx, { location: spec.location, maxBytesBilled: spec.maxBytesBilled, dryRun: true });
      out.write(`-- ${spec.uri}: aggregated in BigQuery (push-down); ${r.totalBytesProcessed} bytes processed; parameters ${JSON.stringify(r.params)}\n${r.sql.trim()};\n`);
    } else {
      out.write(`-- ${spec.uri}: read as ${spec.format}\n`);
    }
  }
}
