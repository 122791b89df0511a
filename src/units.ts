/** Durations and sizes as people write them (options, config fields, environment variables). */
import { inputError } from './errors.js';

const MS_PER: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `60s`, `1.5m`, `500ms`, `2h`, `60` (seconds) → milliseconds. */
export function parseDuration(text: string, what = 'duration'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(text);
  if (!m) throw inputError('bad_option', `${what} '${text}' is not a duration (e.g. 60s, 500ms, 2m, 1h)`);
  return Math.round(Number(m[1]) * MS_PER[(m[2] ?? 's').toLowerCase()]);
}

/** Milliseconds as a person reads them back: `400ms` below a second, else seconds to a tenth (`10.0s`). */
export function formatDuration(ms: number): string {
  return Math.round(ms) < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** `3.5GiB`, `512MiB`, `4GB`, `1000000` (bytes) → bytes. */
export function parseBytes(text: string, what = 'size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i.exec(text);
  if (!m) throw inputError('bad_option', `${what} '${text}' is not a size (e.g. 3.5GiB, 512MiB)`);
  const mult: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };
  return Math.round(Number(m[1]) * mult[(m[2] ?? 'b').toLowerCase()]);
}

/** A CSV limit (`64MiB`, `1000000`) in characters, at least 1. */
export function limitSize(text: string, what: string): number {
  const n = parseBytes(text, what);
  if (n < 1) throw inputError('bad_option', `${what} '${text}' must be at least 1 character`);
  return n;
}
