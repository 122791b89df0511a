import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  readonly code: number | null;
  /** The signal that ended the process, when one did (code is then null). */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time from spawn to exit. */
  readonly ms: number;
}

/**
 * Spawn the real bin (`node bin/forecast …`) from the repo root, with optional stdin. With
 * `timeoutMs`, a run still going by then is killed (code null), so a test of a time bound fails
 * instead of hanging. `onSpawn` gets the child, to signal it. With `stdin: 'open'` the child's
 * stdin stays open (a reader that waits for more) until it exits.
 */
export function runCli(
  args: readonly string[],
  opts: { stdin?: string | Buffer | 'open'; env?: Record<string, string>; cwd?: string; timeoutMs?: number; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/forecast'), ...args], {
      cwd: opts.cwd ?? process.cwd(),
      env: { ...process.env, TZ: 'UTC', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started });
    });
    opts.onSpawn?.(child);
    child.stdin.on('error', () => {});
    if (opts.stdin !== 'open') child.stdin.end(opts.stdin ?? '');
  });
}

export function tempDir(prefix = 'forecast-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
