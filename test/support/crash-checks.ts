import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { IoContext } from '../../src/io/context.js';
import { childUri, parseFolder } from '../../src/io/uri.js';
import { readJournal } from '../../src/pipeline/publish-journal.js';
import { bytesAt, readRun, topLevelDiffers, type RunView } from './run-reader.js';

/** One out dir of a sweep, its extra destinations, and how to look at every store it writes. */
export interface Scenario {
  readonly outDir: string;
  /** The config's publish (extra destinations); file and gs:// ones are checked like the out dir's files. */
  readonly publish?: Record<string, string>;
  /** The environment of a run (the doubles' endpoints). */
  readonly env: Record<string, string>;
  readonly ctx: () => IoContext;
  /**
   * After a kill: every other store (BigQuery) shows the run `old` (as its out dir showed it) or,
   * once the killed run has `committed`, the `killed` week's; each table whole.
   */
  readonly stores?: (s: { old: RunView; killed: string; committed: boolean }) => Promise<void>;
  /** Temps, journals, locks, staging objects or tables, run folders beyond two: none may be left after a run. */
  readonly leftovers: () => Promise<string[]>;
}

/** The out dir's file each publish key writes. */
const OUTPUT_OF: Record<string, string> = {
  predictions: 'predictions.csv',
  weeklyScore: 'weekly_score.csv',
  featureRanking: 'feature_ranking.csv',
  removedFeatures: 'removed_features.csv',
  backtest: 'backtest.csv',
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The file and object destinations of a scenario, with the out dir's file each gets. */
function extras(s: Scenario): { uri: string; name: string }[] {
  return Object.entries(s.publish ?? {})
    .filter(([, uri]) => !uri.startsWith('bq://'))
    .map(([key, uri]) => ({ uri, name: OUTPUT_OF[key] }));
}

/**
 * After a kill: manifest.json describes the old run (same transaction, same bytes) or the killed
 * week's, whole; each top-level file and each extra file or object is the old run's, or the
 * killed run's once it has committed (its journal says so, or its manifest is there); the
 * scenario's stores agree. Returns whether the killed run had committed: the next run must then
 * complete it, else discard it.
 */
export async function checkOldOrNew(s: Scenario, old: RunView, killed: string, where: string): Promise<boolean> {
  const ctx = s.ctx();
  const seen = await readRun(s.outDir, ctx).catch((e: Error) => assert.fail(`${where}: a reader did not see a whole run: ${e.message}`));
  assert.ok(seen, `${where}: the manifest is gone`);
  if (seen.txid === old.txid) {
    assert.deepEqual(seen.files, old.files, `${where}: the old run's files changed`);
  } else {
    assert.equal(seen.runDate, killed, `${where}: the manifest is of neither the old run (${old.runDate}) nor the new one`);
  }
  // The new run's checksums: from its committed journal, or its manifest once written. Before
  // the commit nothing of the new run may show.
  const fresh = new Map<string, string>();
  const journal = (await readJournal(parseFolder(s.outDir), ctx))?.journal;
  const committed = seen.txid !== old.txid || (journal?.runDate === killed && journal.state === 'committed');
  if (journal?.runDate === killed && committed) for (const it of journal.items) if (it.kind !== 'bq' && it.name) fresh.set(it.name, it.sha256);
  if (seen.txid !== old.txid) for (const [name, data] of seen.files) fresh.set(name, sha(data));
  const places = [...[...old.files.keys()].map((name) => ({ uri: childUri(parseFolder(s.outDir), name).text, name })), ...extras(s)];
  for (const { uri, name } of places) {
    const now = await bytesAt(uri, ctx);
    const h = now ? sha(now) : 'missing';
    assert.ok(
      h === sha(old.files.get(name)!) || h === fresh.get(name),
      `${where}: ${uri} is neither the old run's ${name} nor the new run's${committed ? '' : ' (not committed: it must be the old one)'}`,
    );
  }
  await s.stores?.({ old, killed, committed });
  return committed;
}

/** The weeks in a run's weekly_score.csv. */
export function weeksOf(run: RunView): string[] {
  return run.files
    .get('weekly_score.csv')!
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
}

/** After a run that exited 0: it is the run the out dir shows, top-level files, extra destinations and other stores are its, nothing is left over. */
export async function checkAfterRun(s: Scenario, runDate: string): Promise<RunView> {
  const ctx = s.ctx();
  const now = (await readRun(s.outDir, ctx))!;
  assert.equal(now.runDate, runDate);
  assert.deepEqual(await topLevelDiffers(s.outDir, now, ctx), [], `after the run of ${runDate}: top-level files differ from the manifest's`);
  for (const { uri, name } of extras(s))
    assert.ok((await bytesAt(uri, ctx))?.equals(now.files.get(name)!), `after the run of ${runDate}: ${uri} is not the run's ${name}`);
  // The other stores show this run and nothing else.
  await s.stores?.({ old: now, killed: runDate, committed: false });
  assert.deepEqual(await s.leftovers(), [], `after the run of ${runDate}: left over`);
  return now;
}
