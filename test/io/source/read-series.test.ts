import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readSeries } from '../../../src/io/source/read-series.js';
import type { SourceSpec } from '../../../src/io/source/source-spec.js';
import { parseUri } from '../../../src/io/uri.js';
import { formatDate } from '../../../src/frame/dates.js';

const run = (text: string, spec: Partial<SourceSpec>, freq: 'W-SUN' | 'D' | 'MS' = 'W-SUN') =>
  readSeries(Readable.from([Buffer.from(text)]), { uri: parseUri('in.csv'), format: 'long', ...spec }, { freq });
const flat = (r: Awaited<ReturnType<typeof run>>) =>
  Object.fromEntries(r.series.map((s) => [s.name, Array.from(s.periods, (p, i) => `${formatDate(p)}=${s.values[i]}`)]));

test('long: pandas index column ignored, daily dates land in their W-SUN week, <1 read as 0', async () => {
  const r = await run(',keyword,date,trend_index\n0,a,2019-01-06,5\n1,a,2019-01-13,<1\n2,b,2019-01-13,7\n', { key: 'keyword', value: 'trend_index' });
  assert.deepEqual(flat(r), { a: ['2019-01-06=5', '2019-01-13=0'], b: ['2019-01-13=7'] });
  assert.equal(r.rows, 3);
  assert.match(r.problems.join(), /1 '<1' values as 0/);
  assert.match(r.checksum, /^[0-9a-f]{64}$/);
});

test('long: column names are guessed, case-insensitively', async () => {
  const r = await run('Keyword,Date,Value\na,2019-01-06,1\n', {});
  assert.deepEqual(flat(r), { a: ['2019-01-06=1'] });
});

test('wide: a date column named like FRED\'s (observation_date) and its "." for missing', async () => {
  const r = await run('observation_date,UNRATE\n2020-01-01,3.6\n2020-02-01,.\n', { format: 'wide' }, 'MS');
  assert.deepEqual(flat(r), { UNRATE: ['2020-01-01=3.6', '2020-02-01=NaN'] });
});

test('wide: text columns (a station id, a name) are left out and reported; text later in a series is an error', async () => {
  const r = await run('STATION,NAME,DATE,TMAX,PRCP\nUSW1,"PARK, NY",2020-01-01,5,\nUSW1,"PARK, NY",2020-01-02,7,0.5\n', { format: 'wide' }, 'D');
  assert.deepEqual(flat(r), { TMAX: ['2020-01-01=5', '2020-01-02=7'], PRCP: ['2020-01-01=NaN', '2020-01-02=0.5'] });
  assert.deepEqual(r.problems, ['in.csv: left out 2 text columns (STATION, NAME)']);
  await assert.rejects(run('date,x\n2020-01-01,1\n2020-01-02,n.a.\n', { format: 'wide' }, 'D'), /in\.csv row 3, column 'x': 'n\.a\.' is not a number/);
  await assert.rejects(run('date,site\n2020-01-01,A\n', { format: 'wide' }, 'D'), /in\.csv has no numeric series columns: the first row of 'site' is text/);
});

test('a column is guessed from a word of its name only when one column has it', async () => {
  await assert.rejects(
    run('start_date,end_date,x\n2020-01-05,2020-01-11,1\n', { format: 'wide' }),
    /has no date column \(looked for date, .*\); columns are: start_date, end_date, x/,
  );
});

test('events: count, count_x_mean per theme and week (hand-computed)', async () => {
  const text = 'theme,Date,Sentiment\nT,20190101,2\nT,20190102,4\nU,20190105,-1\nT,20190107,1\n';
  // week ending 2019-01-06: T tones 2,4 → count 2, mean 3, count_x_mean 6; U → 1, -1; week ending 01-13: T 1
  const count = await run(text, { format: 'events' });
  assert.deepEqual(flat(count), { T: ['2019-01-06=2', '2019-01-13=1'], U: ['2019-01-06=1'] });
  const cxm = await run(text, { format: 'events', agg: 'count_x_mean', prefix: 'g_' });
  assert.deepEqual(flat(cxm), { g_T: ['2019-01-06=6', '2019-01-13=1'], g_U: ['2019-01-06=-1'] });
});

test('wide: monthly series', async () => {
  const r = await run('date,x,y\n2020-01-01,1,2\n2020-02-01,3,\n', { format: 'wide' }, 'MS');
  assert.deepEqual(flat(r), { x: ['2020-01-01=1', '2020-02-01=3'], y: ['2020-01-01=2', '2020-02-01=NaN'] });
});

test('errors name the file, row, column and value', async () => {
  const cases: [string, Partial<SourceSpec>, RegExp][] = [
    ['keyword,date,value\na,2019-01-06,abc\n', {}, /in\.csv row 2, column 'value': 'abc' is not a number/],
    ['keyword,date,value\na,2019-01-06,1\na,06/01/2019,1\n', {}, /in\.csv row 3, column 'date': '06\/01\/2019' is not a date/],
    ['keyword,date,value\na,2019-01-06,1\na,2019-01-06,2\n', {}, /row 3: a second value for 'a' in the period ending 2019-01-06; set agg=/],
    ['keyword,date,value\na,2019-01-06\n', {}, /row 2: has 2 fields, the header has 3/],
    ['keyword,date,value\n', {}, /header but no data rows/],
    ['kw,when,v\na,2019-01-06,1\n', { key: 'keyword', date: 'when' }, /column 'keyword' not found in in\.csv; columns are: kw, when, v/],
    ['a,a,b\n1,2,3\n', { format: 'wide' }, /column 'a' appears twice/],
    ['keyword,date,value\na,2019-01-06,Infinity\n', {}, /'Infinity' is not a number/],
  ];
  for (const [text, spec, re] of cases) await assert.rejects(run(text, spec), re, text);
});

/**
 * Elements scanned by the array searches (indexOf, lastIndexOf, includes, findIndex) while `work`
 * runs: a per-column search of the header is what made 100k columns take 22.7 s. Counted, not timed.
 */
async function arrayScans(work: () => Promise<unknown>): Promise<number> {
  const proto = Array.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const names = ['indexOf', 'lastIndexOf', 'includes', 'findIndex'];
  const saved = names.map((n) => proto[n]);
  let scanned = 0;
  names.forEach((n, i) => {
    proto[n] = function (this: unknown[], ...a: unknown[]) {
      scanned += this.length;
      return saved[i].apply(this, a);
    };
  });
  try {
    await work();
  } finally {
    names.forEach((n, i) => (proto[n] = saved[i]));
  }
  return scanned;
}

test('a wide table is linear in its columns: the header is not searched once per column', async () => {
  // Half the columns text in the first row: they are left out, the others read.
  const table = (p: number, withText: boolean) => {
    const names = Array.from({ length: p }, (_, i) => `c${i}`);
    const first = names.map((_, i) => (withText && i % 2 === 0 ? 'x' : '1')).join(',');
    return `date,${names.join(',')}\n2019-01-06,${first}\n2019-01-13,${names.map(() => '2').join(',')}\n`;
  };
  for (const withText of [false, true]) {
    const scans: number[] = [];
    for (const p of [2000, 8000]) scans.push(await arrayScans(() => run(table(p, withText), { format: 'wide' })));
    assert.ok(scans[1] <= 4 * scans[0] + 1000, `${withText ? 'with' : 'without'} text columns, 1× → 4× columns: ${scans[0]} → ${scans[1]} elements scanned`);
  }
});

test('a header neutralised against formula injection reads back as its sources named it', async () => {
  const r = await run(`date,"'=cmd|' /C calc'!A0","'+SUM(1+1)",'x\n2019-01-06,1,-2,3\n`, { format: 'wide' });
  assert.deepEqual(
    r.series.map((s) => s.name),
    ["=cmd|' /C calc'!A0", '+SUM(1+1)', "'x"],
  );
});
