import { inputError, isForecastError } from '../errors.js';

/** What a filesystem error code means to a user, for reads and writes of `path`. */
const MEANING: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory, expected a file',
  EEXIST: 'a file is in the way of a directory on the path',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * A local filesystem error as a one-line input error (exit 2) naming the path and what to fix,
 * instead of an "internal error". Errors that are not filesystem errors pass through.
 */
export function fsError(e: unknown, path: string): unknown {
  if (isForecastError(e)) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const meaning = code === undefined ? undefined : MEANING[code];
  if (meaning === undefined) return e;
  return inputError(code === 'ENOENT' ? 'not_found' : 'bad_path', `${path}: ${meaning}`, e);
}
