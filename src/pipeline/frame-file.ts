import { createHash } from 'node:crypto';
import { inputError } from '../errors.js';
import type { Frame } from '../frame/frame.js';
import { isFreq } from '../frame/freq.js';
import type { InputInfo } from './merge.js';

/**
 * The merged table shared by the shards of a run: exact doubles, not CSV text (merged.csv keeps
 * 10 significant digits, and a shard reading it back would train on other numbers than a single
 * process). One JSON header line, then the columns as little-endian float64, column after
 * column, then the dates as little-endian int32. The header carries what the manifest and the
 * report say of the inputs, the key of the config that made the table, and the data's SHA-256.
 */
export interface FrameFile {
  readonly frame: Frame;
  readonly inputs: InputInfo[];
  readonly problems: string[];
  /** What built it (config-keys.ts): a shard of another config must not use it. */
  readonly key: string;
}

interface Header {
  format: 'forecast-frame';
  version: 1;
  freq: string;
  names: string[];
  rows: number;
  inputs: InputInfo[];
  problems: string[];
  key: string;
  sha256: string;
}

export function encodeFrameFile(f: FrameFile): Buffer {
  const { frame } = f;
  const rows = frame.dates.length;
  const body = Buffer.alloc(8 * rows * frame.columns.length + 4 * rows);
  let at = 0;
  for (const c of frame.columns) for (let i = 0; i < rows; i++, at += 8) body.writeDoubleLE(c[i], at);
  for (let i = 0; i < rows; i++, at += 4) body.writeInt32LE(frame.dates[i], at);
  const header: Header = {
    format: 'forecast-frame',
    version: 1,
    freq: frame.freq,
    names: [...frame.names],
    rows,
    inputs: f.inputs,
    problems: f.problems,
    key: f.key,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/** The frame file at `what` (its bytes `data`), checked whole; an input error naming it otherwise. */
export function decodeFrameFile(data: Buffer, what: string): FrameFile {
  const bad = (why: string) => inputError('bad_frame_file', `${what}: ${why}; remove it to have it built again`);
  const nl = data.indexOf(0x0a);
  let h: Header;
  try {
    h = JSON.parse(data.subarray(0, nl < 0 ? 0 : nl).toString('utf8')) as Header;
  } catch {
    throw bad('not a merged-table file');
  }
  if (h?.format !== 'forecast-frame' || h.version !== 1 || !isFreq(h.freq) || !Array.isArray(h.names)) throw bad('not a merged-table file of version 1');
  const body = data.subarray(nl + 1);
  if (body.length !== 8 * h.rows * h.names.length + 4 * h.rows || createHash('sha256').update(body).digest('hex') !== h.sha256) {
    throw bad('its data does not match its checksum (truncated or changed)');
  }
  const rows = h.rows;
  const columns = h.names.map((_, j) => Float64Array.from({ length: rows }, (_v, i) => body.readDoubleLE(8 * (j * rows + i))));
  const off = 8 * rows * h.names.length;
  const dates = Int32Array.from({ length: rows }, (_v, i) => body.readInt32LE(off + 4 * i));
  return { frame: { freq: h.freq, dates, names: h.names, columns }, inputs: h.inputs, problems: h.problems, key: h.key };
}
