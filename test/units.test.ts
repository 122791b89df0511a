import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseBytes, parseDuration } from '../src/units.js';

test('durations: ms, s (the default unit), m or min, h', () => {
  const cases: [string, number][] = [
    ['500ms', 500],
    ['60', 60_000],
    ['60s', 60_000],
    ['1.5m', 90_000],
    ['2min', 120_000],
    ['2h', 7_200_000],
    [' 10 S ', 10_000],
  ];
  for (const [text, want] of cases) assert.equal(parseDuration(text), want, text);
  for (const bad of ['', '1d', '-5s', 's', '1e3ms'])
    assert.throws(() => parseDuration(bad, '--deadline'), new RegExp(`--deadline '${bad}' is not a duration`), bad);
});

test('durations read back: whole milliseconds below a second, else seconds to a tenth', () => {
  const cases: [number, string][] = [
    [0, '0ms'],
    [0.4, '0ms'],
    [1, '1ms'],
    [400, '400ms'],
    [999.4, '999ms'],
    [999.6, '1.0s'],
    [1000, '1.0s'],
    [10_000, '10.0s'],
    [60_049, '60.0s'],
  ];
  for (const [ms, want] of cases) assert.equal(formatDuration(ms), want, String(ms));
});

test('sizes: bytes by default, decimal (kB, MB, GB) and binary (KiB, MiB, GiB) units', () => {
  const cases: [string, number][] = [
    ['1000', 1000],
    ['4GB', 4e9],
    ['3.5GiB', 3_758_096_384],
    ['512MiB', 536_870_912],
    ['1kib', 1024],
  ];
  for (const [text, want] of cases) assert.equal(parseBytes(text), want, text);
  for (const bad of ['', '1TB', '-1', 'MiB']) assert.throws(() => parseBytes(bad, '--max-memory'), new RegExp(`--max-memory '${bad}' is not a size`), bad);
});
