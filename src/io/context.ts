import type { Logger } from 'pino';
import type { Settings } from '../settings.js';
import type { TableLayout } from './bq-layout.js';

/**
 * What every I/O call needs from the shell: the settings (endpoints, project, retries), the time
 * left (cloud retries are bounded by it) and a logger. Passed in, never read from globals.
 */
export interface IoContext {
  readonly settings: Settings;
  /** Milliseconds left in the run; retries and timeouts never exceed it. */
  remainingMs(): number;
  readonly logger: Logger;
  /** Standard streams, injectable for tests. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdout?: NodeJS.WritableStream;
  /** Aborted by SIGINT or SIGTERM (its reason is the signal's name): the run stops at its next safe point. */
  readonly signal?: AbortSignal;
}

/** How a table is written. `append` replaces rows whose key (run_date + natural key) is already there. */
export interface WriteOptions {
  readonly mode: 'overwrite' | 'append';
  /** Columns that identify a row for idempotent appends, e.g. ['run_date'] or ['run_date','date','horizon']. */
  readonly key?: readonly string[];
  /** BigQuery append tables are partitioned by this DATE column (default run_date). */
  readonly partitionColumn?: string;
  /** How a BigQuery table is created: partitioned and clustered by these columns (bq-layout.ts). */
  readonly layout?: TableLayout;
  readonly contentType?: string;
}
