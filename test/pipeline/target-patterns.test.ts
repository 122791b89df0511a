import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globRegex, isGlob, resolveTargets, splitTargetList } from '../../src/pipeline/target-patterns.js';

const COLUMNS = ['paro', 'desempleo', 'gdelt_ECON', 'gdelt_TAX', 'kw_1', 'kw_10', 'kw_2', 'a[b]', 'x*y'];

test('globs: * any run, ? one character, [set], [!set], \\ escapes; anything else literal', () => {
  const cases: [pattern: string, matches: string[], misses: string[]][] = [
    ['*', ['', 'paro', 'a b'], []],
    ['gdelt_*', ['gdelt_', 'gdelt_ECON'], ['gdelt', 'xgdelt_ECON']],
    ['kw_?', ['kw_1', 'kw_2'], ['kw_10', 'kw_']],
    ['kw_[12]', ['kw_1', 'kw_2'], ['kw_3', 'kw_12']],
    ['kw_[!1]', ['kw_2', 'kw_a'], ['kw_1']],
    ['kw_[0-4]', ['kw_0', 'kw_4'], ['kw_5']],
    ['a\\[b]', ['a[b]'], ['ab']],
    ['x\\*y', ['x*y'], ['xay']],
    ['a.b', ['a.b'], ['axb']],
    ['[', ['['], ['a']],
    ['año_*', ['año_2020'], ['ano_2020']],
  ];
  for (const [p, yes, no] of cases) {
    const re = globRegex(p);
    for (const s of yes) assert.ok(re.test(s), `${p} should match ${s}`);
    for (const s of no) assert.ok(!re.test(s), `${p} should not match ${s}`);
  }
  assert.deepEqual(['paro', 'gdelt_*', 'k?', 'a[1]', 'a\\b'].map(isGlob), [false, true, true, true, true]);
});

test('resolveTargets: each column once, sorted by name whatever the pattern order', () => {
  const cases: [patterns: string[], want: string[]][] = [
    [['paro'], ['paro']],
    [
      ['paro', 'desempleo'],
      ['desempleo', 'paro'],
    ],
    [
      ['gdelt_*', 'paro', 'gdelt_TAX'],
      ['gdelt_ECON', 'gdelt_TAX', 'paro'],
    ],
    [['kw_*'], ['kw_1', 'kw_10', 'kw_2']],
    [['*'], [...COLUMNS].sort()],
    [['x*y'], ['x*y']],
  ];
  for (const [patterns, want] of cases) assert.deepEqual(resolveTargets(patterns, COLUMNS), want, patterns.join(','));
});

test('resolveTargets: a missing name or an empty glob is exit 2 naming it and the columns', () => {
  const cases: [string[], RegExp][] = [
    [['nope'], /target column 'nope' not found in t\.csv; columns are: paro, desempleo/],
    [['paro', 'zzz_*'], /target pattern 'zzz_\*' matches no column of t\.csv/],
    [[], /no target given/],
  ];
  for (const [patterns, re] of cases) {
    assert.throws(
      () => resolveTargets(patterns, COLUMNS, 't.csv'),
      (e: Error & { exitCode?: number }) => e.exitCode === 2 && re.test(e.message),
      patterns.join(','),
    );
  }
});

test('splitTargetList: commas separate, spaces around names are trimmed, an empty name is refused', () => {
  assert.deepEqual(splitTargetList('desempleo, paro ,gdelt_*'), ['desempleo', 'paro', 'gdelt_*']);
  assert.deepEqual(splitTargetList('banco alimentos'), ['banco alimentos']);
  assert.throws(() => splitTargetList('a,,b'), /'a,,b' has an empty name/);
});
