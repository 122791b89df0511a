// Issue 13's benchmark cases: many targets per run, the worker pool, one deadline across
// targets, and shards checked against one process. Inputs: the demo's 80 Google Trends keywords
// and the SYNTHETIC 2,000-keyword × 520-week table (data.mjs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { END_DATE, trendsCase } from './data.mjs';

const DEMO = 'fixtures/demo/pipeline.json';

/** The demo's config with its 80 keywords as targets (sources made absolute: the config lives in the cache). */
function demoAllKeywords(cache, root) {
  const demo = JSON.parse(readFileSync(join(root, DEMO), 'utf8'));
  const csv = readFileSync(join(root, 'fixtures/google_trends_spain_2019_2020.csv'), 'utf8').trim().split('\n').slice(1);
  const keywords = [...new Set(csv.map((l) => l.split(',')[1]))];
  const config = join(cache, 'pipeline_demo_80.json');
  const sources = demo.sources.map((s) => ({ ...s, uri: resolve(root, 'fixtures/demo', s.uri) }));
  writeFileSync(config, JSON.stringify({ ...demo, sources, target: keywords }, null, 1));
  return { config, keywords: keywords.length };
}

/** A copy of the 2,000 × 520 config with other targets (and candidates); `name` tells them apart. */
async function trendsTargets(cache, name, fields) {
  const { config } = await trendsCase(cache, 2000);
  const out = join(cache, `pipeline_trends_2000_${name}.json`);
  writeFileSync(out, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), ...fields }, null, 1));
  return { config: out };
}

/** kw_0 … kw_{n-1} as globs: 200 → kw_?, kw_??, kw_1?? . */
const FIRST_200 = 'kw_?,kw_??,kw_1??';
const FIRST_20 = 'kw_?,kw_1?';

/** The fell-back targets of a run, from its manifest (for the table: which targets fell back). */
function fellBack(dir) {
  const m = join(dir, 'manifest.json');
  return existsSync(m) ? (JSON.parse(readFileSync(m, 'utf8')).fellBack ?? []) : [];
}

export function targetsCases({ CACHE, ROOT, runDir, forecast, ensureDir, runAllCheck }) {
  const withFellBack = (name) => (_d, i) => {
    const checked = runAllCheck(runDir(name, i));
    if (typeof checked === 'string') return checked;
    const fell = fellBack(runDir(name, i));
    return {
      ...checked,
      note: `${fell.length} on their baseline${fell.length ? ` (${fell.slice(0, 3).join(', ')}${fell.length > 3 ? ', …' : ''})` : ''}`,
      fellBack: fell.length,
    };
  };
  const trends = (name, fields) => () => trendsTargets(ensureDir(CACHE), name, fields);
  const runAll =
    (name, ...extra) =>
    (d, i) =>
      forecast('run-all', '--config', d.config, '--out-dir', runDir(name, i), '--run-date', END_DATE, ...extra);
  return [
    {
      name: 'targets-demo-80',
      runs: 3,
      target: { wallS: 30, rssMiB: 1024 },
      note: 'demo, its 80 keywords as targets, run-all with the report, 2 workers',
      prepare: () => demoAllKeywords(ensureDir(CACHE), ROOT),
      argv: (d, i) => forecast('run-all', '--config', d.config, '--out-dir', runDir('targets-demo-80', i), '--run-date', '2020-05-24', '--workers', '2'),
      check: (d, i) => {
        const c = withFellBack('targets-demo-80')(d, i);
        return typeof c === 'string' || c.fellBack === 0 ? c : `${c.fellBack} targets on their baseline only`;
      },
    },
    {
      name: 'targets-2000x520-200',
      runs: 1,
      target: { wallS: 60 },
      note: '2,000 × 520, 200 targets, --deadline 60s, 2 workers',
      prepare: trends('200', { target: FIRST_200.split(',') }),
      argv: runAll('targets-2000x520-200', '--deadline', '60s', '--workers', '2'),
      check: withFellBack('targets-2000x520-200'),
    },
    {
      name: 'targets-2000x520-20-w1',
      runs: 1,
      target: {},
      note: '2,000 × 520, 20 targets, no deadline binding, --workers 1',
      prepare: trends('20', { target: FIRST_20.split(','), deadline: '900s' }),
      argv: runAll('targets-2000x520-20-w1', '--workers', '1', '--no-report'),
      check: withFellBack('targets-2000x520-20-w1'),
    },
    {
      name: 'targets-2000x520-20-w2',
      runs: 1,
      target: { ratioOf: 'targets-2000x520-20-w1', ratio: 1.7, ratioText: 'speed-up over --workers 1' },
      note: 'the same, --workers 2',
      prepare: trends('20', { target: FIRST_20.split(','), deadline: '900s' }),
      argv: runAll('targets-2000x520-20-w2', '--workers', '2', '--no-report'),
      check: withFellBack('targets-2000x520-20-w2'),
    },
    {
      name: 'cpu-parallel-floor',
      runs: 1,
      target: { ratioOf: 'cpu-parallel-1', ratio: 1.7, ratioText: 'speed-up of pure CPU work on 2 threads' },
      note: 'two threads spinning: what this machine gives 2 workers',
      argv: () => ['scripts/bench/spin.mjs', '2'],
    },
    {
      name: 'cpu-parallel-1',
      runs: 1,
      target: {},
      note: 'one thread spinning the same work twice',
      argv: () => ['scripts/bench/spin.mjs', '1'],
    },
    {
      name: 'shards-2000-8',
      runs: 1,
      target: {},
      note: '2,000 targets (2,000 × 520; naive, mean, theta) in 8 shard processes against the doubles, then gather, vs one process',
      prepare: trends('all-cheap', { target: '*', candidates: ['naive', 'mean', 'theta'], deadline: '1800s', report: true }),
      argv: (d) => [
        'dist/dev/shards-local.js',
        '--config',
        d.config,
        '--target',
        '*',
        '--shards',
        '8',
        '--run-date',
        END_DATE,
        '--deadline',
        '1800s',
        '--workers',
        '1',
      ],
      check: (_d, i) => {
        const out = readFileSync(join(CACHE, 'logs', `shards-2000-8-${i}.out`), 'utf8');
        const done = /single ([\d.]+) s, sharded ([\d.]+) s/.exec(out);
        return /published the same tables/.test(out)
          ? { note: done ? `equal; one process ${done[1]} s, 8 shards ${done[2]} s` : 'equal' }
          : 'the tables differ';
      },
    },
  ];
}
