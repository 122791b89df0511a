import { pathToFileURL } from 'node:url';
import { startCloudDoubles } from './start-cloud-doubles.js';

export { startCloudDoubles } from './start-cloud-doubles.js';

/**
 * `npm run cloud:local`: both doubles in the foreground on GCS_PORT (4443) and BQ_PORT (9050).
 * `GCS_BUCKETS` (comma-separated, default `forecast-local`) and `BQ_DATASETS`
 * (`project.dataset,...`, default `local-project.forecast`) are created at start.
 */
export async function main(env: NodeJS.ProcessEnv = process.env, out: NodeJS.WritableStream = process.stdout): Promise<() => Promise<void>> {
  const d = await startCloudDoubles({ gcsPort: Number(env.GCS_PORT ?? 4443), bqPort: Number(env.BQ_PORT ?? 9050) });
  for (const b of (env.GCS_BUCKETS ?? 'forecast-local').split(',').filter(Boolean)) d.gcs.ensureBucket(b);
  for (const ds of (env.BQ_DATASETS ?? 'local-project.forecast').split(',').filter(Boolean)) {
    const [p, name] = ds.split('.');
    d.bq.ensureDataset(p, name);
  }
  out.write(
    [
      `Cloud Storage double: ${d.gcsEndpoint}  (buckets: ${env.GCS_BUCKETS ?? 'forecast-local'})`,
      `BigQuery double:      ${d.bqEndpoint}  (datasets: ${env.BQ_DATASETS ?? 'local-project.forecast'})`,
      `Fault injection:      POST ${d.gcsEndpoint}/_faults '{"method":"GET","status":503,"count":2}'`,
      '',
      'Set these for forecast:',
      `  export FORECAST_GCS_ENDPOINT=${d.gcsEndpoint}`,
      `  export FORECAST_BIGQUERY_ENDPOINT=${d.bqEndpoint}`,
      '  export GOOGLE_CLOUD_PROJECT=local-project',
      '',
    ].join('\n'),
  );
  return d.close;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (close) => {
      const stop = (): void => {
        void close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      process.stderr.write(`cloud:local failed: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
