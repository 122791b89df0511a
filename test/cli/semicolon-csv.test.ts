import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloudDoubles, type CloudDoubles } from '../../src/dev/start-cloud-doubles.js';
import { runCli } from '../support/run-cli.js';
import { doublesEnv } from '../support/cloud-context.js';

/**
 * `publish` reads a CSV held in memory (csv-read.ts's string entry) and `merge` streams it (the
 * stream entry); both rest on one parser, so a semicolon export with a BOM, CRLF, a quoted cell,
 * a decimal comma and a blank line reads the same: what publish writes (to a file by append, to
 * BigQuery with an inferred schema) merges to the same table as the original.
 */
let d: CloudDoubles;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'fc-semicolon-'));
const semi = join(dir, 'semi.csv');

before(async () => {
  d = await startCloudDoubles();
  env = doublesEnv(d);
  d.bq.ensureDataset('test-project', 'dashboard');
  writeFileSync(semi, '\uFEFFdate;alpha;beta\r\n2020-01-05;1,5;"2"\r\n\r\n2020-01-12;"2,5";3\r\n');
});

after(() => d.close());

const merged = async (source: string) => {
  const r = await runCli(['merge', '--source', `${source}?format=wide`], { env });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
};

test('publish and merge read the same semicolon CSV identically', async () => {
  const want = await merged(semi);
  assert.equal(want, 'date,alpha,beta\n2020-01-05,1.5,2\n2020-01-12,2.5,3\n');

  const appended = join(dir, 'appended.csv');
  const a = await runCli(['publish', '--from', semi, '--to', appended, '--mode', 'append', '--key', 'date'], { env });
  assert.equal(a.code, 0, a.stderr);
  assert.equal(readFileSync(appended, 'utf8'), 'date,alpha,beta\n2020-01-05,"1,5",2\n2020-01-12,"2,5",3\n');
  assert.equal(await merged(appended), want);

  const table = 'bq://test-project.dashboard.semicolon';
  const b = await runCli(['publish', '--from', semi, '--to', table], { env });
  assert.equal(b.code, 0, b.stderr);
  const back = join(dir, 'back.csv');
  const e = await runCli(['extract', '--from', table, '--to', back], { env });
  assert.equal(e.code, 0, e.stderr);
  assert.equal(await merged(back), want);
});

test('publish recognises one of its own tables in a semicolon CSV: the known schema and layout, not a guessed one', async () => {
  const predictions = join(dir, 'predictions.csv');
  writeFileSync(predictions, 'target;date;actual;forecast;lower;upper;horizon;kind;model;run_date\r\nflu;2020-01-12;;3.5;2;5;1;forecast;naive;2020-01-05\r\n');
  const r = await runCli(['publish', '--from', predictions, '--to', 'bq://test-project.dashboard.predictions'], { env });
  assert.equal(r.code, 0, r.stderr);
  const t = d.bq.get('test-project', 'dashboard', 'predictions');
  assert.equal(t.timePartitioning?.field, 'run_date');
  assert.deepEqual(t.schema.map((f) => `${f.name}:${f.type}`).slice(0, 4), ['target:STRING', 'date:DATE', 'actual:FLOAT64', 'forecast:FLOAT64']);
});
