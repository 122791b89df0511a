import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawn the real bin (`node bin/forecast …`) from the repo root, with optional stdin. */
export function runCli(args: readonly string[], opts: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
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
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.stdin ?? '');
  });
}

export function tempDir(prefix = 'forecast-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
