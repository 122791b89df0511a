/**
 * `npm run shards:local`: a sharded run on this machine, against the local Storage and BigQuery
 * doubles, checked against a single process. It starts the doubles, runs `run-all` once in one
 * process, then N `run-all --shard I/N` processes at once (the last one to finish gathers),
 * optionally kills one of them in the middle of its training and runs it again, optionally runs
 * a finished shard again, and compares every table the two runs published, in the out dir on
 * gs:// and in BigQuery, row for row (weekly_score's elapsed_ms apart: it measures the run).
 *
 *   node dist/dev/shards-local.js [--config fixtures/demo/pipeline.json] [--target 'a,b,*'] [--shards 4]
 *     [--kill 1] [--repeat] [--workers 1] [--deadline 600s] [--run-date 2020-05-24]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareRuns, type TableCheck } from './shards-compare.js';
import { startCloudDoubles, type CloudDoubles } from './start-cloud-doubles.js';

export interface ShardsLocalOptions {
  /** A local pipeline config (its sources are read from here; outDir and publish are replaced). */
  readonly config: string;
  readonly target?: string;
  readonly shards: number;
  readonly runDate: string;
  /** Worker threads per process. */
  readonly workers?: number;
  readonly deadline?: string;
  /** Kill this shard when it has its baselines (midway through training), then run it again. */
  readonly kill?: number;
  /** Run shard 0 again once everything is published: nothing may change. */
  readonly repeat?: boolean;
  readonly log?: (line: string) => void;
}

export interface ProcessRun {
  readonly name: string;
  readonly ms: number;
  readonly code: number | null;
  readonly signal: string | null;
  readonly summary?: Record<string, unknown>;
  readonly stderr: string;
}

export interface ShardsLocalResult {
  readonly single: ProcessRun;
  readonly shards: readonly ProcessRun[];
  /** Wall time from the first shard's start to the end of the gather. */
  readonly shardedMs: number;
  readonly checks: readonly TableCheck[];
  readonly equal: boolean;
}

export const PROJECT = 'local-project';
export const BUCKET = 'forecast-local';
const BIN = fileURLToPath(new URL('../../bin/forecast', import.meta.url));
const TABLES = {
  predictions: 'predictions',
  weeklyScore: 'weekly_score',
  backtest: 'backtest',
  featureRanking: 'feature_ranking',
  removedFeatures: 'removed_features',
};

/** The config for one of the two runs: sources made absolute, everything published to its own dataset. */
function configFor(path: string, dataset: string, dir: string): string {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { sources: { uri: string }[] };
  const base = dirname(resolve(path));
  const sources = raw.sources.map((s) => (/^(gs|bq):\/\//.test(s.uri) || isAbsolute(s.uri) ? s : { ...s, uri: join(base, s.uri) }));
  const publish = Object.fromEntries(Object.entries(TABLES).map(([k, t]) => [k, `bq://${PROJECT}.${dataset}.${t}`]));
  const file = join(dir, `${dataset}.json`);
  writeFileSync(file, JSON.stringify({ ...raw, sources, publish }, null, 1));
  return file;
}

/** Run the real bin; `killWhen` sees each stderr chunk and returns true to SIGKILL the process. */
function forecast(name: string, args: readonly string[], env: Record<string, string>, killWhen?: (chunk: string) => boolean): Promise<ProcessRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
      if (killWhen?.(c.toString('utf8'))) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      let summary: Record<string, unknown> | undefined;
      try {
        summary = out.trim() ? (JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>) : undefined;
      } catch {
        summary = undefined;
      }
      done({ name, ms: Date.now() - started, code, signal, summary, stderr: err });
    });
  });
}

export async function shardsLocal(o: ShardsLocalOptions, doubles?: CloudDoubles): Promise<ShardsLocalResult> {
  const d = doubles ?? (await startCloudDoubles());
  const log = o.log ?? (() => {});
  try {
    d.gcs.ensureBucket(BUCKET);
    for (const ds of ['single', 'sharded']) d.bq.ensureDataset(PROJECT, ds, 'EU');
    const dir = mkdtempSync(join(tmpdir(), 'forecast-shards-'));
    const env = { FORECAST_GCS_ENDPOINT: d.gcsEndpoint, FORECAST_BIGQUERY_ENDPOINT: d.bqEndpoint, GOOGLE_CLOUD_PROJECT: PROJECT, TZ: 'UTC' };
    const common = [
      '--run-date',
      o.runDate,
      '--deadline',
      o.deadline ?? '600s',
      '--workers',
      String(o.workers ?? 1),
      '--log-format',
      'json',
      ...(o.target ? ['--target', o.target] : []),
    ];
    const runAll = (dataset: string, extra: string[]) => [
      'run-all',
      '--config',
      configFor(o.config, dataset, dir),
      '--out-dir',
      `gs://${BUCKET}/${dataset}`,
      ...common,
      ...extra,
    ];

    const single = await forecast('single', runAll('single', []), env);
    log(`single process: exit ${single.code}, ${(single.ms / 1000).toFixed(1)} s`);
    if (single.code !== 0) throw new Error(`the single-process run failed: ${single.stderr.trim().split('\n').pop()}`);

    const t0 = Date.now();
    const shard = (i: number, kill = false) =>
      forecast(
        `shard ${i}/${o.shards}${kill ? ' (killed)' : ''}`,
        runAll('sharded', ['--shard', `${i}/${o.shards}`]),
        env,
        kill ? (chunk) => chunk.includes('"baselines done"') : undefined,
      );
    const runs = await Promise.all(Array.from({ length: o.shards }, (_, i) => shard(i, i === o.kill)));
    for (const r of runs) log(`${r.name}: ${r.signal ?? `exit ${r.code}`}, ${(r.ms / 1000).toFixed(1)} s, gather ${String(r.summary?.gather ?? '-')}`);
    if (o.kill !== undefined) {
      const again = await shard(o.kill);
      log(`${again.name} run again: exit ${again.code}, gather ${String(again.summary?.gather ?? '-')}`);
      runs.push(again);
    }
    const shardedMs = Date.now() - t0;
    if (o.repeat) {
      const repeat = await shard(0);
      log(`${repeat.name} run again after the gather: exit ${repeat.code}, gather ${String(repeat.summary?.gather ?? '-')}`);
      runs.push(repeat);
    }
    const failed = runs.find((r) => r.code !== 0 && r.signal !== 'SIGKILL');
    if (failed) throw new Error(`${failed.name} failed: ${failed.stderr.trim().split('\n').pop()}`);
    const checks = compareRuns(d, { bucket: BUCKET, single: 'single', sharded: 'sharded', project: PROJECT, tables: Object.values(TABLES) });
    for (const c of checks) log(`${c.equal ? 'equal' : 'DIFFERENT'}: ${c.what} (${c.rows} rows)${c.firstDiff ? `: ${c.firstDiff}` : ''}`);
    return { single, shards: runs, shardedMs, checks, equal: checks.every((c) => c.equal) };
  } finally {
    if (!doubles) await d.close();
  }
}

/** The command line of `npm run shards:local`; exit 1 when the tables differ. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string', default: 'fixtures/demo/pipeline.json' },
      target: { type: 'string', default: 'desempleo,paro,sepe,erte,teletrabajo,netflix,coronavirus,idealista,amazon,yoga,psoe,zoom' },
      shards: { type: 'string', default: '4' },
      'run-date': { type: 'string', default: '2020-05-24' },
      workers: { type: 'string', default: '1' },
      deadline: { type: 'string', default: '600s' },
      kill: { type: 'string' },
      repeat: { type: 'boolean', default: false },
    },
  });
  const r = await shardsLocal({
    config: v.config!,
    target: v.target,
    shards: Number(v.shards),
    runDate: v['run-date']!,
    workers: Number(v.workers),
    deadline: v.deadline,
    kill: v.kill === undefined ? undefined : Number(v.kill),
    repeat: v.repeat,
    log: (l) => process.stdout.write(`${l}\n`),
  });
  process.stdout.write(
    `${r.equal ? 'the sharded run published the same tables as the single process' : 'the tables DIFFER'} (single ${(r.single.ms / 1000).toFixed(1)} s, sharded ${(r.shardedMs / 1000).toFixed(1)} s)\n`,
  );
  return r.equal ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`shards:local failed: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
