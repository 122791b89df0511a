import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/**
 * Who holds an out-dir lock, and whether that holder can still be publishing. A lock counts
 * until `expiresAt`, which is always a finite time; before that, a lock written on this very
 * machine (same host name and kernel boot id) whose process is gone (its pid is free, or now
 * belongs to a process that started later) is stale at once: a run killed with SIGKILL or by a
 * crash does not block the next run on the same machine.
 */
export interface LockBody {
  readonly owner: string;
  readonly runDate: string;
  readonly expiresAt: number;
  readonly host?: string;
  readonly boot?: string;
  readonly pid?: number;
  /** The process's start time in clock ticks since boot (/proc/PID/stat field 22), against pid reuse. */
  readonly pidStart?: string;
}

/** How this process tells whether a lock's holder is alive (injectable for tests). */
export interface Liveness {
  readonly host: string;
  readonly boot?: string;
  alive(pid: number, pidStart?: string): boolean;
}

/** The body of a new lock held by this process. */
export function newLockBody(runDate: string, expiresAt: number, live: Liveness = processLiveness()): LockBody {
  return {
    owner: randomBytes(8).toString('hex'),
    runDate,
    expiresAt,
    host: live.host,
    ...(live.boot ? { boot: live.boot } : {}),
    pid: process.pid,
    ...(procStart(process.pid) ? { pidStart: procStart(process.pid) } : {}),
  };
}

/** A lock's body, or null when it is not one (empty, cut, or without a finite expiry). */
export function parseLockBody(data: Buffer): LockBody | null {
  try {
    const o = JSON.parse(data.toString('utf8')) as LockBody;
    return typeof o?.owner === 'string' && Number.isFinite(o.expiresAt) ? o : null;
  } catch {
    return null;
  }
}

/** How long a lock that is not a lock body counts (an older version's half-written lock). */
export const UNREADABLE_LOCK_MS = 60_000;

/**
 * True when the lock no longer protects a publish: past its expiry, or (on this machine) its
 * process is gone. An unreadable lock counts for UNREADABLE_LOCK_MS after it was written.
 */
export function isStale(b: LockBody | null, writtenAt: number, now: number, live: Liveness): boolean {
  if (!b) return now - writtenAt > UNREADABLE_LOCK_MS;
  if (b.expiresAt <= now) return true;
  const here = b.host === live.host && b.boot !== undefined && b.boot === live.boot;
  return here && typeof b.pid === 'number' && !live.alive(b.pid, b.pidStart);
}

/** This machine: its host name, its boot id (Linux) and the kernel's view of its processes. */
export function processLiveness(): Liveness {
  return { host: hostname(), boot: bootId(), alive: processAlive };
}

function bootId(): string | undefined {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return /^[0-9a-f-]{8,}$/i.test(id) && !/^[0-]+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 probes a pid; where /proc is readable, the start time tells a reused pid apart. */
function processAlive(pid: number, pidStart?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const now = procStart(pid);
  return pidStart === undefined || now === undefined || now === pidStart;
}

function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
