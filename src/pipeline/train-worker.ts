/**
 * The entry of a training worker thread (worker-pool.ts): it receives the run's frame once, in
 * shared memory, then trains one target per message and posts the outcome back. It does what
 * the main thread does for a target (target-job.ts), on its own clock: a job's budget starts
 * when the job arrives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { frameOf, type SharedFrame } from './shared-frame.js';
import { runTargetJob, type SharedEngineOptions, type TargetJob } from './target-job.js';

export interface WorkerInit {
  readonly frame: SharedFrame;
  readonly shared: SharedEngineOptions;
  readonly where: string;
}

export interface JobMessage {
  readonly id: number;
  readonly job: TargetJob;
}

const init = workerData as WorkerInit;
const frame = frameOf(init.frame);
const port = parentPort!;

port.on('message', (m: JobMessage) => {
  const end = Date.now() + (m.job.budgetMs ?? Infinity);
  runTargetJob(frame, m.job, init.shared, () => end - Date.now(), init.where).then(
    (outcome) => port.postMessage({ id: m.id, outcome }),
    // A bug, not a ForecastError: the pool rethrows it as an internal error of the run.
    (e: unknown) => port.postMessage({ id: m.id, bug: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }),
  );
});
