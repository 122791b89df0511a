import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { charLimit, date, duration, levelsList, nameList, positiveInt, shard, size, sources, targetList, uriOption } from '../../src/cli/option-parsers.js';

// Every option becomes a typed value at the edge; expectations by hand (2020-05-24 is day 18406:
// 50 years of 365 days + 12 leap days to 2020-01-01 = 18262, + 144 days to 24 May).
const ok: { name: string; parse: (v: string) => unknown; text: string; value: unknown }[] = [
  { name: 'duration', parse: duration('--deadline'), text: '60s', value: 60_000 },
  { name: 'duration in minutes', parse: duration('--deadline'), text: '1.5m', value: 90_000 },
  { name: 'size', parse: size('--max-memory'), text: '3.5GiB', value: 3.5 * 2 ** 30 },
  { name: 'character limit', parse: charLimit('--max-line-length'), text: '64MiB', value: 64 * 2 ** 20 },
  { name: 'date', parse: date('--start'), text: '2020-05-24', value: 18406 },
  { name: 'target list', parse: targetList, text: 'paro, gdelt_*', value: ['paro', 'gdelt_*'] },
  { name: 'name list', parse: nameList, text: 'run_date, ,target', value: ['run_date', 'target'] },
  { name: 'whole number', parse: positiveInt('--horizon', 520), text: '4', value: 4 },
  { name: 'levels as percentages', parse: levelsList, text: '80,95', value: [0.8, 0.95] },
  { name: 'shard', parse: shard, text: '3/8', value: { index: 3, count: 8 } },
];
for (const c of ok) test(`option parser ${c.name}: '${c.text}'`, () => assert.deepEqual(c.parse(c.text), c.value));

// A bad value is the typed error the CLI prints as `forecast: [code] message` (exit 2), naming the option and the value.
const bad: { parse: (v: string) => unknown; text: string; code: string; message: RegExp }[] = [
  { parse: duration('--deadline'), text: 'soon', code: 'input.bad_option', message: /^--deadline 'soon' is not a duration/ },
  { parse: size('--max-memory'), text: 'lots', code: 'input.bad_option', message: /^--max-memory 'lots' is not a size/ },
  { parse: charLimit('--max-field-size'), text: '0', code: 'input.bad_option', message: /^--max-field-size '0' must be at least 1 character/ },
  { parse: date('--end'), text: '2020-02-31', code: 'input.bad_option', message: /^--end '2020-02-31' is not a date/ },
  { parse: targetList, text: 'a,,b', code: 'input.bad_target', message: /^--target 'a,,b' has an empty name/ },
  { parse: shard, text: '8/8', code: 'input.bad_option', message: /^--shard '8\/8' must be INDEX\/COUNT/ },
  { parse: (v) => sources(v), text: 'x.csv?colour=red', code: 'input.bad_source', message: /colour/ },
  { parse: positiveInt('--horizon', 520), text: '0', code: 'commander.invalidArgument', message: /--horizon must be a whole number from 1 to 520, got '0'/ },
  { parse: levelsList, text: '80,150', code: 'commander.invalidArgument', message: /level '150' must be in \(0,1\)/ },
];
for (const c of bad) {
  test(`option parser refuses '${c.text}' with ${c.code}`, () => {
    assert.throws(
      () => c.parse(c.text),
      (e: Error & { code?: string }) => e.code === c.code && c.message.test(e.message),
    );
  });
}

test('a repeated --source keeps every spec, in order', () => {
  assert.deepEqual(
    sources('b.csv', sources('a.csv')).map((s) => s.uri.text),
    ['a.csv', 'b.csv'],
  );
});

test('a table option is a parsed URI, its default too (shown as written in --help); a bad one names the option', () => {
  const cmd = new Command('t')
    .exitOverride()
    .addOption(uriOption('--to <uri>', 'output', '-'))
    .addOption(uriOption('--from <uri>', 'input'));
  assert.deepEqual(cmd.parse(['--from', 'gs://bkt/x.csv'], { from: 'user' }).opts(), {
    to: { kind: 'stdio', text: '-' },
    from: { kind: 'gs', text: 'gs://bkt/x.csv', bucket: 'bkt', object: 'x.csv' },
  });
  assert.match(cmd.helpInformation(), /--to <uri> +output \(default: -\)/);
  assert.throws(
    () => cmd.parse(['--from', 'bq://p.d'], { from: 'user' }),
    (e: Error & { code?: string }) => e.code === 'input.bad_uri' && /--from 'bq:\/\/p\.d': expected bq:\/\/PROJECT\.DATASET\.TABLE/.test(e.message),
  );
});
