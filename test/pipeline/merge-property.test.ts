import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { readSeries } from '../../src/io/source/read-series.js';
import { parseUri } from '../../src/io/uri.js';
import { align } from '../../src/frame/align.js';
import { ForecastError } from '../../src/errors.js';

const cell = fc.oneof(
  fc.constantFrom('', 'NaN', '<1', '1,5', '2019-01-06', '20190113', 'a', '"q"', 'x,y'),
  fc.string({ maxLength: 6 }),
  fc.integer().map(String),
);
const csv = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([rows, eol]) => rows.map((r) => r.join(',')).join(eol));

/** Readers and the merge end in a result or a ForecastError, never another exception, whatever the bytes. */
test('readSeries + align never throw anything but a ForecastError (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        csv,
        fc.string({ maxLength: 120 }),
        fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b).toString('latin1')),
      ),
      fc.constantFrom('long', 'wide', 'events') as fc.Arbitrary<'long' | 'wide' | 'events'>,
      fc.constantFrom(undefined, 'sum', 'mean') as fc.Arbitrary<'sum' | 'mean' | undefined>,
      async (text, format, agg) => {
        try {
          const r = await readSeries(Readable.from([Buffer.from(text)]), { uri: parseUri('p.csv'), format, agg }, { freq: 'W-SUN' });
          const { frame } = align([{ series: r.series, fill: 'ffill' }], 'W-SUN');
          assert.equal(frame.columns.length, r.series.length);
        } catch (e) {
          assert.ok(e instanceof ForecastError, `unexpected ${String(e)}`);
          assert.match(e.message, /p\.csv/);
        }
      },
    ),
    { numRuns: 300 },
  );
});
