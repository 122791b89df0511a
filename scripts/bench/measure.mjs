// Run one child process and measure its wall time (parent-side, hrtime) and peak RSS (the
// child's max resident set, from GNU time's %M, else from scripts/bench/peak-rss.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const PEAK_RSS = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

let probe;
/** 'gnu-time' when /usr/bin/time understands `-f %M -o FILE`, else 'node-wrapper'. */
export function rssProbe() {
  if (probe) return probe;
  probe = 'node-wrapper';
  if (existsSync(GNU_TIME)) {
    const f = join(tmpdir(), `bench-time-probe-${process.pid}`);
    const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', f, 'true'], { stdio: 'ignore' });
    if (r.status === 0 && existsSync(f) && /^\d+\s*$/.test(readFileSync(f, 'utf8'))) probe = 'gnu-time';
    rmSync(f, { force: true });
  }
  return probe;
}

/**
 * Run `node ARGV…` in `cwd` with stdout/stderr to `<logBase>.out|.err`.
 * Resolves { code, wallMs, rssKiB, cpuMs } (cpuMs = user + system CPU time of the child).
 */
export function measure(argv, { cwd, logBase, env }) {
  const rssFile = `${logBase}.rss`;
  rmSync(rssFile, { force: true });
  const out = openSync(`${logBase}.out`, 'w');
  const err = openSync(`${logBase}.err`, 'w');
  const [cmd, args] =
    rssProbe() === 'gnu-time' ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...argv]] : [process.execPath, [PEAK_RSS, rssFile, ...argv]];
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', out, err], env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      closeSync(out);
      closeSync(err);
      let rssKiB = NaN;
      let cpuMs = NaN;
      if (existsSync(rssFile)) {
        // GNU time puts "Command exited with non-zero status N" before the format line; the
        // node wrapper writes the same `%M %U %S` (KiB, seconds, seconds).
        const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        rssKiB = rss;
        cpuMs = (user + sys) * 1000;
      }
      resolve({ code: code ?? (signal ? 128 : 1), wallMs, rssKiB, cpuMs });
    });
  });
}
