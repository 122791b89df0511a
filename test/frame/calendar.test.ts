import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferFreq } from '../../src/frame/calendar.js';
import { parseDate } from '../../src/frame/dates.js';

const days = (...iso: string[]) => Int32Array.from(iso, parseDate);

test('inferFreq: the frequency from the dates, whatever day labels the week or month', () => {
  const cases: [string, Int32Array, string | undefined][] = [
    ['daily, with a weekend gap', days('2020-01-02', '2020-01-03', '2020-01-06'), 'D'],
    ['weekly on Sundays', days('2020-01-05', '2020-01-12', '2020-01-19'), 'W-SUN'],
    ['weekly on Mondays', days('2020-01-06', '2020-01-13', '2020-01-20'), 'W-SUN'],
    ['weekly ending on Saturdays, one week missing', days('2020-01-04', '2020-01-11', '2020-01-25'), 'W-SUN'],
    ['weekly, a holiday moved one date to a Tuesday', days('2020-01-06', '2020-01-14', '2020-01-20'), 'W-SUN'],
    ['every other week', days('2020-01-05', '2020-01-19', '2020-02-02'), 'W-SUN'],
    ['every fourth Sunday', days('2020-01-05', '2020-02-02', '2020-03-01'), 'W-SUN'],
    ['monthly on the 1st (February is 28 days)', days('2019-01-01', '2019-02-01', '2019-03-01', '2019-04-01'), 'MS'],
    ['monthly at month end', days('2019-01-31', '2019-02-28', '2019-03-31'), 'MS'],
    ['6 days apart inside one week', days('2020-01-06', '2020-01-12', '2020-01-19'), undefined],
    ['28 days apart inside one month, not on one weekday', days('2020-01-01', '2020-01-29', '2020-03-02'), undefined],
    ['irregular', days('2019-01-06', '2019-01-09', '2019-01-20'), undefined],
    ['quarterly', days('2019-01-01', '2019-04-01', '2019-07-01'), undefined],
    ['one date', days('2019-01-01'), undefined],
  ];
  for (const [what, d, want] of cases) assert.equal(inferFreq(d), want, what);
});
