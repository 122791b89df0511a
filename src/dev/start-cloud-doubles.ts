import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createBigQueryDouble } from './bigquery-double.js';
import { BqStore } from './bq-store.js';
import { Faults } from './faults.js';
import { createGcsDouble } from './gcs-double.js';
import { GcsStore } from './gcs-store.js';

export interface CloudDoubles {
  readonly gcsEndpoint: string;
  readonly bqEndpoint: string;
  /** Fault rules for both doubles (one shared set; match on path to target one service). */
  readonly faults: Faults;
  readonly gcs: GcsStore;
  readonly bq: BqStore;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
  });
}

/**
 * Start the Cloud Storage and BigQuery doubles on 127.0.0.1 (port 0 = any free port). BigQuery
 * loads and extracts read and write the same in-memory GCS store.
 */
export async function startCloudDoubles(opts: { gcsPort?: number; bqPort?: number; host?: string; rowsPerShard?: number } = {}): Promise<CloudDoubles> {
  const host = opts.host ?? '127.0.0.1';
  const faults = new Faults();
  const gcs = createGcsDouble(new GcsStore(), faults);
  const bq = createBigQueryDouble({ gcs: gcs.store, store: new BqStore(), faults, rowsPerShard: opts.rowsPerShard });
  const gcsEndpoint = await listen(gcs.server, opts.gcsPort ?? 0, host);
  const bqEndpoint = await listen(bq.server, opts.bqPort ?? 0, host);
  const stop = (s: Server): Promise<void> =>
    new Promise((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    gcsEndpoint,
    bqEndpoint,
    faults,
    gcs: gcs.store,
    bq: bq.store,
    close: async () => {
      await Promise.all([stop(gcs.server), stop(bq.server)]);
    },
  };
}
