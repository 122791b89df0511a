import { rmSync } from 'node:fs';

/**
 * The temp files this process is writing right now (`.NAME.RANDOM.tmp` beside a target, a lock's
 * temp or takeover marker), so that a process stopped by SIGINT or SIGTERM can remove them in
 * the moment before it exits (src/cli/bin.ts). Anything a killed process leaves anyway is swept
 * by the next run (recoverOutDir). Process-wide by nature, like the signal handlers that use it.
 */
const live = new Set<string>();

/** Note a temp about to be created; call the returned function once it is renamed or removed. */
export function trackTemp(path: string): () => void {
  live.add(path);
  return () => {
    live.delete(path);
  };
}

/** Remove every tracked temp at once (synchronous: the process exits next). Returns how many were there. */
export function removeTempsNow(): number {
  const n = live.size;
  for (const path of live) {
    try {
      rmSync(path, { force: true });
    } catch {
      // The process is exiting; the next run sweeps what is left.
    }
  }
  live.clear();
  return n;
}
