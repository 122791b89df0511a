import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSourceSpec } from '../../../src/io/source/source-spec.js';
import { ForecastError } from '../../../src/errors.js';

test('parseSourceSpec reads every option', () => {
  assert.deepEqual(
    parseSourceSpec(
      'bq://gdelt-bq.gdeltv2.gkg?format=events&key=V2Themes&date=DATE&value=Sentiment&agg=count_x_mean&prefix=gdelt_&fill=zero&location=EU&split=;',
    ),
    {
      uri: { kind: 'bq', text: 'bq://gdelt-bq.gdeltv2.gkg', project: 'gdelt-bq', dataset: 'gdeltv2', table: 'gkg' },
      format: 'events',
      key: 'V2Themes',
      date: 'DATE',
      value: 'Sentiment',
      agg: 'count_x_mean',
      prefix: 'gdelt_',
      fill: 'zero',
      location: 'EU',
      query: undefined,
      params: undefined,
      maxBytesBilled: undefined,
      extractVia: undefined,
      split: ';',
    },
  );
  assert.throws(() => parseSourceSpec('a.csv?format=long&split=;'), /split is for events sources/);
  assert.equal(parseSourceSpec('trends.csv').format, 'long');
});

test('bad options are named', () => {
  const cases: [string, RegExp][] = [
    ['a.csv?format=xml', /format 'xml' is not one of long, wide, events/],
    ['a.csv?agg=median', /agg 'median' is not one of/],
    ['a.csv?colour=red', /unknown option 'colour'/],
    ['a.csv?key=a&key=b', /'key' given twice/],
    ['?format=long', /no URI/],
    ['http://x/a.csv', /^source 'http:\/\/x\/a\.csv': unsupported scheme/],
  ];
  for (const [t, re] of cases)
    assert.throws(
      () => parseSourceSpec(t),
      (e: unknown) => e instanceof ForecastError && e.exitCode === 2 && re.test(e.message),
      t,
    );
});

test('never throws anything but a ForecastError (property)', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      try {
        parseSourceSpec(s);
      } catch (e) {
        return e instanceof ForecastError;
      }
      return true;
    }),
  );
});
