/** BigQuery tables: paged/extract reads, queries with named parameters, idempotent loads, events push-down. */
export { openBqRead, dryRunQuery, queryParameters, type BqUri, type BqReadOptions } from './bq-read.js';
export { writeBqTable, loadJobId, type BqField } from './bq-write.js';
export { eventsPushdownSql, aggregateEventsInBigQuery, type EventsSpec, type EventsQueryOptions, type EventsDryRun } from './bq-events.js';
