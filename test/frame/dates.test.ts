import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addPeriods,
  civilFromDays,
  dateRangeProblem,
  dayOfWeek,
  daysFromCivil,
  formatDate,
  parseDate,
  periodOf,
  periodsBetween,
} from '../../src/frame/dates.js';

const day = (s: string) => parseDate(s);

test('parseDate reads the formats exports use', () => {
  const cases: [string, string | null][] = [
    ['2019-01-06', '2019-01-06'],
    ['2019/1/6', '2019-01-06'],
    ['20190106', '2019-01-06'],
    ['20190106235959', '2019-01-06'],
    ['2019-01-06T23:30:00Z', '2019-01-06'],
    ['2019-01-06T23:30:00-02:00', '2019-01-07'],
    ['2019-01-07T01:00:00+02:00', '2019-01-06'],
    ['2019-01-06 10:00:00', '2019-01-06'],
    [' 2020-02-29 ', '2020-02-29'],
    ['2019-01', '2019-01-01'],
    ['2019/12', '2019-12-01'],
    ['2019M03', '2019-03-01'],
    ['2019-13', null],
    ['2020-W01', '2019-12-30'],
    ['2021W01', '2021-01-04'],
    ['2020-W53', '2020-12-28'],
    ['2021-W53', null],
    ['2021-W00', null],
    ['2019-02-29', null],
    ['2019-13-01', null],
    ['06/01/2019', null],
    ['yesterday', null],
    ['', null],
  ];
  for (const [text, want] of cases) {
    const d = parseDate(text);
    assert.equal(Number.isNaN(d) ? null : formatDate(d), want, text);
  }
});

test('epoch facts: 1970-01-01 is day 0, a Thursday', () => {
  assert.equal(daysFromCivil(1970, 1, 1), 0);
  assert.equal(dayOfWeek(0), 4);
  assert.equal(dayOfWeek(day('2019-01-06')), 0);
});

test('periodOf labels weeks by their Sunday, months by the 1st', () => {
  const cases: [string, 'W-SUN' | 'D' | 'MS', string][] = [
    ['2019-01-06', 'W-SUN', '2019-01-06'],
    ['2019-01-07', 'W-SUN', '2019-01-13'],
    ['2019-01-12', 'W-SUN', '2019-01-13'],
    ['2020-02-29', 'MS', '2020-02-01'],
    ['2020-02-29', 'D', '2020-02-29'],
  ];
  for (const [d, f, want] of cases) assert.equal(formatDate(periodOf(day(d), f)), want, `${d} ${f}`);
});

test('addPeriods and periodsBetween are inverse, including month ends and leap years', () => {
  assert.equal(formatDate(addPeriods(day('2019-12-01'), 3, 'MS')), '2020-03-01');
  assert.equal(formatDate(addPeriods(day('2020-01-01'), -1, 'MS')), '2019-12-01');
  assert.equal(periodsBetween(day('2019-01-06'), day('2019-03-03'), 'W-SUN'), 8);
  fc.assert(
    fc.property(fc.integer({ min: -20000, max: 40000 }), fc.integer({ min: -500, max: 500 }), fc.constantFrom('W-SUN', 'D', 'MS'), (d, k, f) => {
      const freq = f as 'W-SUN' | 'D' | 'MS';
      const p = periodOf(d, freq);
      const q = addPeriods(p, k, freq);
      return periodsBetween(p, q, freq) === k && periodOf(q, freq) === q;
    }),
  );
});

test('civilFromDays inverts daysFromCivil (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (z) => {
      const [y, m, d] = civilFromDays(z);
      return daysFromCivil(y, m, d) === z;
    }),
  );
});

test('dateRangeProblem: a day and its period label must lie in 0001-01-01 … 9999-12-31 (BigQuery DATE)', () => {
  const cases: [string, 'W-SUN' | 'D' | 'MS', string | undefined][] = [
    ['0001-01-01', 'W-SUN', undefined], // a Monday: its week ends 0001-01-07
    ['0001-01-01', 'MS', undefined],
    ['0000-12-31', 'D', 'is outside the dates 0001-01-01 … 9999-12-31'],
    ['9999-12-31', 'D', undefined],
    ['9999-12-31', 'MS', undefined],
    ['9999-12-26', 'W-SUN', undefined], // a Sunday
    ['9999-12-27', 'W-SUN', 'falls in the period ending 10000-01-02, past 9999-12-31'],
    ['9999-12-31T23:00:00-05:00', 'D', 'is outside the dates 0001-01-01 … 9999-12-31'], // the UTC day is 10000-01-01
  ];
  for (const [text, freq, want] of cases) assert.equal(dateRangeProblem(parseDate(text), freq), want, `${text} ${freq}`);
  assert.equal(dateRangeProblem(NaN, 'D'), 'is outside the dates 0001-01-01 … 9999-12-31');
});
