import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TargetJob, TargetOutcome } from './target-job.js';
import type { JobMessage, WorkerInit } from './train-worker.js';

/** What a job ended as: its outcome, or `stopped` when the pool stopped it at its hard limit. */
export type JobResult = TargetOutcome | 'stopped';

/** Runs target jobs, `size` at a time: a pool of worker threads, or the main thread itself. */
export interface JobRunner {
  readonly size: number;
  /** Run a job; with `stopAfterMs`, a job still running then is stopped (its worker terminated). */
  run(job: TargetJob, stopAfterMs?: number): Promise<JobResult>;
  close(): Promise<void>;
}

interface Running {
  readonly id: number;
  readonly resolve: (r: JobResult) => void;
  readonly reject: (e: unknown) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  readonly worker: Worker;
  running?: Running;
}

/**
 * The training worker's script next to this module: `train-worker.js` beside it (tsc's dist/)
 * or one folder up (the esbuild bundle, whose shared code sits in dist/bundle/chunks/), or
 * `train-worker.ts` when running from the sources under tsx.
 */
export function workerEntry(here = import.meta.url): URL {
  const names = here.endsWith('.ts') ? ['./train-worker.ts'] : ['./train-worker.js', '../train-worker.js'];
  for (const n of names) {
    const url = new URL(n, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`the training worker script is missing next to ${here} (looked for ${names.join(', ')}); run npm run build`);
}

/**
 * A worker for `entry`. From the TypeScript sources (tests run them under tsx, whose loader
 * Node 20 does not pass on to worker threads), a two-line bootstrap registers tsx first.
 */
function spawn(entry: URL, init: WorkerInit): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: init });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: init });
}

/**
 * A fixed pool of worker threads training targets. Jobs queue in the order given; each worker
 * runs one at a time. A job given a hard limit is stopped by terminating its worker, which is
 * replaced before the next job (the engine cannot be interrupted inside a fit, a thread can).
 * A crash of a worker rejects its job with a plain Error: a bug, exit 1.
 */
export class WorkerPool implements JobRunner {
  private readonly slots: (Slot | undefined)[];
  private readonly queue: { job: TargetJob; stopAfterMs?: number; running: Running }[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly init: WorkerInit,
    readonly size: number,
    private readonly entry: URL = workerEntry(),
  ) {
    this.slots = Array.from({ length: size }, () => undefined);
  }

  run(job: TargetJob, stopAfterMs?: number): Promise<JobResult> {
    if (this.closed) return Promise.resolve('stopped');
    return new Promise((resolve, reject) => {
      this.queue.push({ job, stopAfterMs, running: { id: this.nextId++, resolve, reject } });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.running.resolve('stopped');
    await Promise.all(this.slots.map((s, i) => (s ? this.retire(i, 'stopped') : undefined)));
  }

  private pump(): void {
    for (let i = 0; i < this.size && this.queue.length > 0; i++) {
      const slot = this.slots[i] ?? this.open(i);
      if (slot.running) continue;
      const { job, stopAfterMs, running } = this.queue.shift()!;
      slot.running = running;
      // setTimeout fires at once past 2³¹−1 ms: an unbounded job gets no timer.
      if (stopAfterMs !== undefined && stopAfterMs < 2 ** 31 - 1) running.timer = setTimeout(() => void this.retire(i, 'stopped'), Math.max(0, stopAfterMs));
      slot.worker.postMessage({ id: running.id, job } satisfies JobMessage);
    }
  }

  private open(i: number): Slot {
    const worker = spawn(this.entry, this.init);
    const slot: Slot = { worker };
    worker.on('message', (m: { id: number; outcome?: TargetOutcome; bug?: string }) => {
      const r = slot.running;
      if (!r || r.id !== m.id) return;
      clearTimeout(r.timer);
      slot.running = undefined;
      if (m.outcome) r.resolve(m.outcome);
      else r.reject(new Error(`a training worker failed: ${m.bug ?? 'no outcome'}`));
      this.pump();
    });
    const lost = (why: string) => {
      if (this.slots[i] !== slot) return;
      this.slots[i] = undefined;
      const r = slot.running;
      slot.running = undefined;
      if (r) {
        clearTimeout(r.timer);
        r.reject(new Error(`a training worker ${why}`));
      }
      if (!this.closed) this.pump();
    };
    worker.on('error', (e) => lost(`crashed: ${e.message}`));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    this.slots[i] = slot;
    return slot;
  }

  /** Terminate slot i's worker; its job (if any) ends as `result`; the slot reopens on demand. */
  private async retire(i: number, result: JobResult): Promise<void> {
    const slot = this.slots[i];
    if (!slot) return;
    this.slots[i] = undefined;
    const r = slot.running;
    slot.running = undefined;
    if (r) {
      clearTimeout(r.timer);
      r.resolve(result);
    }
    await slot.worker.terminate();
    if (!this.closed) this.pump();
  }
}
