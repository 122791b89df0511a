import { InvalidArgumentError, type Command } from 'commander';

/** Commander argument parsers that reject bad values with a message naming the value. */
export function positiveInt(what: string, max = 1_000_000) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < 1 || n > max) throw new InvalidArgumentError(`${what} must be a whole number from 1 to ${max}, got '${v}'`);
    return n;
  };
}

export function levelsList(v: string): number[] {
  const parts = v.split(',').map((s) => s.trim());
  const levels = parts.map((p) => {
    const n = Number(p);
    const l = n > 1 && n < 100 ? n / 100 : n;
    if (!Number.isFinite(l) || l <= 0 || l >= 1) throw new InvalidArgumentError(`level '${p}' must be in (0,1) or a percentage, e.g. 80,95`);
    return l;
  });
  return levels;
}

export function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

/** `--param name=value` (repeatable) → named query parameters; numbers stay numbers. */
export function param(v: string, prev: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = v.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`--param '${v}' must be NAME=VALUE`);
  const name = v.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new InvalidArgumentError(`--param name '${name}' must be letters, digits and underscores`);
  const raw = v.slice(eq + 1);
  return { ...prev, [name]: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw };
}

/** `--max-field-size` and `--max-line-length`, for every command that reads a CSV. */
export function readLimitOptions(cmd: Command): Command {
  return cmd
    .option('--max-field-size <size>', 'longest field a CSV may hold, in characters (default 1MiB)')
    .option('--max-line-length <size>', 'longest line a CSV may hold, in characters (default 64MiB)');
}

/** `--workers`: training threads, for every command that trains (default: the available cores). */
export function workersOption(cmd: Command): Command {
  return cmd.option('--workers <n>', 'threads training targets in parallel (default: the available cores; 1 trains on the main thread)', positiveInt('--workers', 256));
}
