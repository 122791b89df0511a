import type { Readable } from 'node:stream';
import { inputError } from '../../errors.js';
import type { Freq } from '../../frame/freq.js';
import type { EventsSpec } from '../bq-events.js';
import type { IoContext } from '../context.js';
import { openRead } from '../open-read.js';
import type { SourceSpec } from './source-spec.js';

/** A source's bytes, and the spec to read them with (a push-down's result is a long table). */
export interface OpenedSource {
  readonly stream: Readable;
  readonly spec: SourceSpec;
}

/**
 * The push-down of an `events` source held in a BigQuery table (no query of its own): the
 * per-key, per-period aggregation BigQuery runs, so only the weekly table leaves it.
 * Undefined for every other source.
 */
export function pushdownOf(spec: SourceSpec, freq: Freq) {
  const uri = spec.uri;
  if (uri.kind !== 'bq' || spec.format !== 'events' || spec.query !== undefined) return undefined;
  const events: EventsSpec = {
    table: `${uri.project}.${uri.dataset}.${uri.table}`,
    key: spec.key ?? 'theme',
    date: spec.date ?? 'Date',
    value: spec.value,
    agg: spec.agg ?? 'count',
    freq,
    ...(spec.split !== undefined ? { split: spec.split } : {}),
  };
  return { uri, events, options: { location: spec.location, maxBytesBilled: spec.maxBytesBilled } };
}

/**
 * Open one source where it lives: events in a BigQuery table are aggregated there (push-down,
 * see pushdownOf) and come back as a long table of key, date, value; anything else is opened as
 * it is (a path, stdin, gs://, a bq:// table or query). O(1) here; the bytes flow as they are read.
 */
export async function openSource(spec: SourceSpec, ctx: IoContext, freq: Freq): Promise<OpenedSource> {
  const pushdown = pushdownOf(spec, freq);
  if (pushdown) {
    const { aggregateEventsInBigQuery } = await import('../bigquery.js');
    const stream = await aggregateEventsInBigQuery(pushdown.uri, pushdown.events, ctx, pushdown.options);
    return { stream, spec: { uri: spec.uri, format: 'long', key: 'key', date: 'date', value: 'value', prefix: spec.prefix } };
  }
  if (spec.split !== undefined)
    throw inputError('bad_source', `source ${spec.uri.text}: split= works on an events table in BigQuery (aggregated there), not on files or queries`);
  return { stream: await openRead(spec.uri, ctx, spec), spec };
}
