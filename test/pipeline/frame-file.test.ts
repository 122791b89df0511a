import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrameFile, encodeFrameFile } from '../../src/pipeline/frame-file.js';
import type { Frame } from '../../src/frame/frame.js';

const frame: Frame = {
  freq: 'W-SUN',
  dates: Int32Array.from([18270, 18277, 18284]),
  names: ['a', 'b, "c"', 'ñ'],
  columns: [Float64Array.from([1, NaN, -0]), Float64Array.from([1e308, -1e-300, 0.1 + 0.2]), Float64Array.from([Infinity, 2, 3])],
};
const file = { frame, inputs: [{ uri: 'x.csv', rows: 3, checksum: 'abc' }], problems: ['filled 1 missing weeks'], key: 'k1' };

test("the shards' merged table reads back bit for bit (NaN, -0, 1e308, 0.1 + 0.2), with its inputs and key", () => {
  const back = decodeFrameFile(encodeFrameFile(file), 'f');
  assert.deepEqual(back, file);
  assert.ok(Object.is(back.frame.columns[0][2], -0));
  assert.equal(back.frame.columns[1][2], 0.30000000000000004);
});

test('a truncated, changed or foreign file is exit 2 naming it', () => {
  const bytes = encodeFrameFile(file);
  const changed = Buffer.from(bytes);
  changed[changed.length - 1] ^= 1;
  const cases: [Buffer, RegExp][] = [
    [bytes.subarray(0, bytes.length - 4), /does not match its checksum/],
    [changed, /does not match its checksum/],
    [Buffer.from('date,a\n2020-01-05,1\n'), /not a merged-table file/],
    [Buffer.from('{"format":"forecast-frame","version":2}\n'), /not a merged-table file of version 1/],
  ];
  for (const [data, re] of cases) {
    assert.throws(
      () => decodeFrameFile(data, 'gs://b/shards/merged.frame'),
      (e: Error & { code?: string }) => e.code === 'input.bad_frame_file' && re.test(e.message) && e.message.startsWith('gs://b/shards/merged.frame'),
    );
  }
});
