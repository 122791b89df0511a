import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineConfig } from '../../src/pipeline/config.js';
import { runAll } from '../../src/pipeline/run-all.js';
import { readConfig } from '../../src/pipeline/read-config.js';
import { checkAfterRun, checkOldOrNew, weeksOf, type Scenario } from './crash-checks.js';
import { deadHere, killInProcess, recordSteps, type RunHooks } from './in-process-kill.js';
import { readRun } from './run-reader.js';
import { runCli, tempDir } from './run-cli.js';
import { parseFolder } from '../../src/io/uri.js';
import { parseDate } from '../../src/frame/dates.js';

export type { Scenario } from './crash-checks.js';

/**
 * The crash harness (issue 15): kill a run-all at every step of its publish
 * (`FORECAST_FAULT_AT=publish:N`, N = 1 … the number of steps), and after each kill check that:
 * 1. a reader sees the whole old run or the whole new one: through manifest.json (`readRun`
 *    checks every file it lists against its checksum), in each top-level file and extra file or
 *    object destination, and in the stores the scenario's `stores` looks at (BigQuery);
 * 2. the next run exits 0 at once (the killed run's lock, journal and temps are in its way);
 * 3. after it nothing is left over (no temp, journal, lock, staging object or table, at most two
 *    run folders) and the top-level files are the manifest's.
 * Runs are small (one source cut to three keywords, the naive model, no report) and each has its
 * own week, so old and new always differ.
 *
 * How a run is killed:
 * - `process`: `node bin/forecast run-all` with the hook, which SIGKILLs itself at step N (no
 *   finally, no handler runs); the next run is in-process and finds the lock of a dead process.
 * - `in-process`: `runAll` with the same hook (publishSteps) told to freeze at step N instead:
 *   its promise never settles, so none of its code runs again, as after a kill; the next run
 *   treats this machine's lock holders as dead (`deadHere`), which is what it finds after a real
 *   kill. This keeps a sweep of ~30 steps against the doubles to a few seconds.
 */
export interface SweepOptions {
  readonly kill: 'process' | 'in-process';
  /** Independent out dirs swept side by side (chain k takes steps k+1, k+1+chains, …). */
  readonly chains?: number;
}

export interface SweepResult {
  /** The publish's steps in the steady state, in order (every one was a kill point). */
  readonly steps: readonly string[];
  readonly kills: number;
  readonly ms: number;
}

let week = 0;
/** A new week for every run: 2021-01-03, 2021-01-10, … */
export const nextWeek = (): string => new Date(Date.UTC(2021, 0, 3 + 7 * week++)).toISOString().slice(0, 10);

/** The sweep's config file: the demo's Google Trends fixture cut to three keywords, the naive model, no report. */
export function sweepConfig(publish: Record<string, string> = {}): string {
  const dir = tempDir('forecast-sweep-');
  const lines = readFileSync('fixtures/google_trends_spain_2019_2020.csv', 'utf8').split('\n');
  const keep = new Set(['desempleo', 'paro', 'sepe']);
  writeFileSync(join(dir, 'trends.csv'), [lines[0], ...lines.slice(1).filter((l) => keep.has(l.split(',')[1]))].join('\n') + '\n');
  writeFileSync(
    join(dir, 'sweep.json'),
    JSON.stringify({
      sources: [{ uri: join(dir, 'trends.csv'), format: 'long', key: 'keyword', date: 'date', value: 'trend_index' }],
      target: 'desempleo',
      horizon: 4,
      folds: 2,
      candidates: ['naive'],
      report: false,
      end: '2020-05-24',
      publish,
    }),
  );
  return join(dir, 'sweep.json');
}

/** One scenario's runs: in-process through runAll, or as a process through the real bin. */
export interface SweepRunner {
  readonly configPath: string;
  readonly config: PipelineConfig;
  run(runDate: string, hooks?: RunHooks): Promise<unknown>;
}

export async function sweepRunner(s: Scenario): Promise<SweepRunner> {
  const configPath = sweepConfig(s.publish);
  const config = await readConfig(configPath, s.ctx());
  return {
    configPath,
    config,
    run: (runDate, hooks = {}) => runAll({ config, outDir: parseFolder(s.outDir), deadlineMs: 60_000, runDate: parseDate(runDate), ctx: s.ctx(), ...hooks }),
  };
}

/** Sweep every publish step of the scenario (`chains` independent copies share the steps). */
export async function crashSweep(scenario: (chain: number) => Scenario, o: SweepOptions): Promise<SweepResult> {
  const started = Date.now();
  const chains = o.chains ?? 1;
  const ends = await Promise.all(Array.from({ length: chains }, (_, k) => sweepChain(scenario(k), k + 1, chains, o.kill)));
  const steps = ends[0].steps;
  for (const e of ends) assert.equal(e.steps.length, steps.length, 'every chain publishes in as many steps');
  const killed = ends.flatMap((e) => e.killed).sort((a, b) => a - b);
  assert.deepEqual(
    killed,
    steps.map((_, i) => i + 1),
    'a kill at every step of the publish',
  );
  return { steps, kills: killed.length, ms: Date.now() - started };
}

async function sweepChain(s: Scenario, from: number, stride: number, kill: SweepOptions['kill']): Promise<{ steps: string[]; killed: number[] }> {
  const r = await sweepRunner(s);
  await r.run(nextWeek());
  // The second run is in the steady state (a previous run folder to keep, none yet to prune);
  // from the third on there is also an older folder to prune: the sweep's runs are all like that.
  await r.run(nextWeek());
  const steps = await recordSteps((hooks) => r.run(nextWeek(), hooks), s.ctx());
  const killed: number[] = [];
  for (let n = from; ; n += stride) {
    const old = (await readRun(s.outDir, s.ctx()))!;
    const week = nextWeek();
    const outcome =
      kill === 'process' ? await killProcess(r.configPath, s, week, n) : await killInProcess((hooks) => r.run(week, hooks), s.ctx(), 'publish', n);
    if (outcome === 'finished') {
      assert.ok(n > steps.length, `step ${n} of ${steps.length}: the run went through without being killed`);
      await checkAfterRun(s, week);
      return { steps, killed };
    }
    assert.ok(n <= steps.length, `killed at step ${n}, but a publish has ${steps.length} steps`);
    killed.push(n);
    const where = `step ${n} (${steps[n - 1]})`;
    const committed = await checkOldOrNew(s, old, week, where);
    const next = nextWeek();
    await r.run(next, kill === 'in-process' ? { liveness: deadHere() } : {}).catch((e: Error) => assert.fail(`${where}: the next run failed: ${e.message}`));
    const now = await checkAfterRun(s, next);
    assert.equal(weeksOf(now).includes(week), committed, `${where}: the killed week was ${committed ? 'committed but lost' : 'not committed but published'}`);
  }
}

/** Run the real bin with the hook at step N: 'killed' when it died of SIGKILL there, 'finished' when it exited 0. */
async function killProcess(configPath: string, s: Scenario, runDate: string, n: number): Promise<'killed' | 'finished'> {
  const r = await runCli(['run-all', '--config', configPath, '--out-dir', s.outDir, '--run-date', runDate, '--log-level', 'error'], {
    env: { ...s.env, FORECAST_FAULT_AT: `publish:${n}` },
    timeoutMs: 60_000,
  });
  if (r.code === 0) return 'finished';
  assert.equal(r.signal, 'SIGKILL', `step ${n}: expected the hook's kill, got exit ${r.code}: ${r.stderr}`);
  return 'killed';
}

/** Leftovers in a local folder: `.*.tmp`, a journal, a lock, more than two run folders. */
export function localLeftovers(dir: string): string[] {
  const names = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  const runs = names.includes('runs') ? readdirSync(join(dir, 'runs')) : [];
  return [
    ...names.filter((n) => /^\..*\.tmp$/.test(n) || n === '.forecast-journal.json' || n === '.forecast.lock'),
    ...(runs.length > 2 ? [`runs/ holds ${runs.length} run folders`] : []),
  ];
}
